package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/** RequestHandler with output type Void: Lambda answers the JSON literal null. */
public class VoidHandler implements RequestHandler<Map<String, Object>, Void> {
    @Override
    public Void handleRequest(Map<String, Object> input, Context context) {
        return null;
    }
}
