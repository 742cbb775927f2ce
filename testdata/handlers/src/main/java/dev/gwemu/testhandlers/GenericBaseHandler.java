package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Leaves the input type open; {@link InheritedTypesHandler} closes it, so the runtime must resolve T. */
public abstract class GenericBaseHandler<T> implements RequestHandler<T, String> {
    @Override
    public String handleRequest(T input, Context context) {
        return describe(input);
    }

    protected abstract String describe(T input);
}
