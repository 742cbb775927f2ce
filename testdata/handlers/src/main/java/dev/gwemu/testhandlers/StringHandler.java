package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** RequestHandler&lt;String, String&gt;: the event must be a JSON string. */
public class StringHandler implements RequestHandler<String, String> {
    @Override
    public String handleRequest(String input, Context context) {
        return "hello " + input;
    }
}
