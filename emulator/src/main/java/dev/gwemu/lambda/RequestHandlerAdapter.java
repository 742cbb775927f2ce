package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.io.InputStream;
import java.io.OutputStream;

/** A {@code RequestHandler<I, O>}: the event is deserialised to I, the result serialised from O. */
final class RequestHandlerAdapter implements HandlerAdapter {
    private final PayloadConversion conversion;

    RequestHandlerAdapter(PayloadConversion conversion) {
        this.conversion = conversion;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void handle(Object handler, InputStream input, OutputStream output, Context context) throws Throwable {
        Object event = conversion.read(input);
        Object result = ((RequestHandler) handler).handleRequest(event, context);
        conversion.write(result, output);
    }
}
