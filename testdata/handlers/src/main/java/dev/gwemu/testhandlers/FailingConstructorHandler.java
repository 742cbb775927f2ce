package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.InputStream;
import java.io.OutputStream;

/** Its constructor throws: an init failure after the class initialised fine. */
public class FailingConstructorHandler implements RequestStreamHandler {
    public FailingConstructorHandler() {
        throw new IllegalStateException("constructor failed on purpose");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        throw new AssertionError("unreachable");
    }
}
