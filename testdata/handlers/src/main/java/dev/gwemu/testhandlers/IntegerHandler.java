package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** RequestHandler&lt;Integer, Integer&gt;: adds one. */
public class IntegerHandler implements RequestHandler<Integer, Integer> {
    @Override
    public Integer handleRequest(Integer input, Context context) {
        return input + 1;
    }
}
