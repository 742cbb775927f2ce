package dev.gwemu.lambda;

import dev.gwemu.lambda.sandbox.LambdaEnvironmentVariables;
import dev.gwemu.model.FunctionSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.util.OptionalInt;
import java.util.ServiceConfigurationError;

/**
 * A Java execution environment: its own class loader over the function's code, the resolved
 * handler and, after the cold start, the handler instance every invocation in it reuses. Its static
 * state is its own.
 *
 * <p>Loading resolves everything but runs no handler code. The cold start runs the static
 * initialisers, then the constructor. Retired, it closes its class loader.
 */
final class JavaEnvironment extends ExecutionEnvironment {
    private final FunctionClassLoader loader;
    private final ResolvedHandler handler;
    private volatile Object instance;     // set once the cold start succeeded

    private JavaEnvironment(FunctionClassLoader loader, ResolvedHandler handler, long loadNanos, String logStreamName,
                            CodeVersion codeVersion) {
        super(logStreamName, codeVersion, loadNanos);
        this.loader = loader;
        this.handler = handler;
    }

    /**
     * Loads the function's code and resolves its handler. Runs none of the handler's code; only a
     * CustomPojoSerializer the function registers is created here, as Lambda does while loading.
     */
    static JavaEnvironment load(FunctionSpec spec, ClassLoader runtimeLibraries, String region, CodeVersion codeVersion)
            throws FunctionLoadException {
        if (spec.code() == null || !Files.exists(spec.code())) {
            throw new FunctionLoadException(spec.name(), spec.code(), "code not found (no such jar or directory)");
        }
        if (!Files.isDirectory(spec.code()) && !Files.isReadable(spec.code())) {
            throw new FunctionLoadException(spec.name(), spec.code(), "code is not readable");
        }
        HandlerReference reference;
        try {
            reference = HandlerReference.parse(spec.handler() == null ? "" : spec.handler());
        } catch (IllegalArgumentException e) {
            throw new FunctionLoadException(spec.name(), spec.code(), e.getMessage());
        }
        long started = System.nanoTime();
        String logStreamName = newLogStreamName();
        // The function's own System.getenv(): its api.yaml environment plus Lambda's reserved variables.
        FunctionClassLoader loader = new FunctionClassLoader(spec.code(), runtimeLibraries,
                LambdaEnvironmentVariables.of(spec, region, logStreamName, System.getenv()));
        try {
            PayloadSerializers serializers = PayloadSerializers.forFunction(loader);
            ResolvedHandler handler = new HandlerResolver(loader, serializers).resolve(reference);
            return new JavaEnvironment(loader, handler, System.nanoTime() - started, logStreamName, codeVersion);
        } catch (HandlerResolver.HandlerRejectedException e) {
            closeQuietly(loader);
            throw new FunctionLoadException(spec.name(), spec.code(),
                    "handler " + spec.handler() + ": " + e.getMessage(), e.getCause());
        } catch (RuntimeException | LinkageError | ServiceConfigurationError e) {
            closeQuietly(loader);
            throw new FunctionLoadException(spec.name(), spec.code(), "handler " + spec.handler() + ": " + e, e);
        }
    }

    /** The status of a System.exit the function's code called, if it did (its process would have ended). */
    @Override
    OptionalInt exitStatus() {
        return loader.sandbox().exitStatus();
    }

    @Override
    ClassLoader classLoader() {
        return loader;
    }

    @Override
    protected byte[] initialise() {
        Class<?> handlerClass = handler.handlerClass();
        try {
            Class.forName(handlerClass.getName(), true, loader); // static initialisers run here
        } catch (Throwable e) {
            return FunctionErrorPayload.ofClassInitFailure(handlerClass.getName(), e);
        }
        if (handler.constructor() == null) {
            instance = handlerClass; // a static method: nothing to create, but ready
            return null;
        }
        try {
            instance = handler.constructor().newInstance();
            return null;
        } catch (InvocationTargetException e) {
            return FunctionErrorPayload.ofInitFailure(e.getCause() == null ? e : e.getCause());
        } catch (Throwable e) {
            return FunctionErrorPayload.ofInitFailure(e);
        }
    }

    @Override
    void handle(InputStream input, OutputStream output, LambdaContext context) throws Throwable {
        Object target = handler.constructor() == null ? null : instance;
        handler.adapter().handle(target, input, output, context);
    }

    @Override
    protected void closeResources() {
        closeQuietly(loader);
    }

    private static void closeQuietly(FunctionClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
