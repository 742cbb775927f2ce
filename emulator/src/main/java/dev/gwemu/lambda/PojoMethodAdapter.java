package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.Context;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A plain method {@code R m()}, {@code R m(I)}, {@code R m(Context)} or {@code R m(I, Context)}.
 * Called through {@link Method#invoke}, as Lambda's runtime does, so stack traces in error
 * payloads show the same reflection frames.
 */
final class PojoMethodAdapter implements HandlerAdapter {
    private final Method method;
    private final boolean takesEvent;
    private final boolean takesContext;
    private final PayloadConversion conversion;

    PojoMethodAdapter(Method method, boolean takesEvent, boolean takesContext, PayloadConversion conversion) {
        this.method = method;
        this.takesEvent = takesEvent;
        this.takesContext = takesContext;
        this.conversion = conversion;
    }

    @Override
    public void handle(Object handler, InputStream input, OutputStream output, Context context) throws Throwable {
        Object event = conversion.read(input);
        Object[] args = new Object[(takesEvent ? 1 : 0) + (takesContext ? 1 : 0)];
        int i = 0;
        if (takesEvent) {
            args[i++] = event;
        }
        if (takesContext) {
            args[i] = context;
        }
        Object result;
        try {
            result = method.invoke(handler, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() == null ? e : e.getCause();
        }
        conversion.write(result, output);
    }
}
