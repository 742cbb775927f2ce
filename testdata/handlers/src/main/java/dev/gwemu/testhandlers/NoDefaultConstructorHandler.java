package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.InputStream;
import java.io.OutputStream;

/** Has no public zero-argument constructor, so Lambda cannot create it. */
public class NoDefaultConstructorHandler implements RequestStreamHandler {
    private final String name;

    public NoDefaultConstructorHandler(String name) {
        this.name = name;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        throw new AssertionError(name);
    }
}
