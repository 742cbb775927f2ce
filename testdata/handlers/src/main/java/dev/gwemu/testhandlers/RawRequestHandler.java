package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Implements the raw RequestHandler type: Lambda refuses it (no concrete type parameters). */
@SuppressWarnings({"rawtypes"})
public class RawRequestHandler implements RequestHandler {
    @Override
    public Object handleRequest(Object input, Context context) {
        return input;
    }
}
