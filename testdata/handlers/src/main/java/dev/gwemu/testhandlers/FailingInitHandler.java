package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.InputStream;
import java.io.OutputStream;

/** Its static initialiser throws, like a function whose init phase fails. */
public class FailingInitHandler implements RequestStreamHandler {
    private static final String CONFIG = loadConfig();

    private static String loadConfig() {
        throw new IllegalStateException("static init failed on purpose");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        throw new AssertionError("unreachable: " + CONFIG);
    }
}
