package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.InputStream;
import java.io.OutputStream;

/** A {@link RequestStreamHandler}: the bytes pass through untouched. */
final class StreamHandlerAdapter implements HandlerAdapter {
    @Override
    public void handle(Object handler, InputStream input, OutputStream output, Context context) throws Throwable {
        ((RequestStreamHandler) handler).handleRequest(input, output, context);
    }
}
