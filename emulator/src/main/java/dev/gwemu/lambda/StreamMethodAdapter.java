package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.Context;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * A plain method over streams: {@code (InputStream)}, {@code (OutputStream)}, {@code (InputStream, OutputStream)},
 * {@code (InputStream, Context)}, {@code (OutputStream, Context)} or {@code (InputStream, OutputStream, Context)}.
 * Its return value is ignored; without an OutputStream parameter the answer is JSON null, as in Lambda.
 */
final class StreamMethodAdapter implements HandlerAdapter {
    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final Method method;
    private final boolean takesInput;
    private final boolean takesOutput;
    private final boolean takesContext;

    StreamMethodAdapter(Method method, boolean takesInput, boolean takesOutput, boolean takesContext) {
        this.method = method;
        this.takesInput = takesInput;
        this.takesOutput = takesOutput;
        this.takesContext = takesContext;
    }

    @Override
    public void handle(Object handler, InputStream input, OutputStream output, Context context) throws Throwable {
        Object[] args = new Object[(takesInput ? 1 : 0) + (takesOutput ? 1 : 0) + (takesContext ? 1 : 0)];
        int i = 0;
        if (takesInput) {
            args[i++] = input;
        }
        if (takesOutput) {
            args[i++] = output;
        }
        if (takesContext) {
            args[i] = context;
        }
        try {
            method.invoke(handler, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() == null ? e : e.getCause();
        }
        if (!takesOutput) {
            output.write(JSON_NULL);
        }
    }
}
