package dev.gwemu.lambda;

import dev.gwemu.model.FunctionSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import dev.gwemu.lambda.sandbox.LambdaEnvironmentVariables;
import java.nio.file.Files;
import java.util.OptionalInt;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ServiceConfigurationError;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Lambda execution environment of a function: its own class loader, the resolved handler and,
 * after the cold start, the handler instance that every invocation in it reuses. It serves one
 * invocation at a time ({@link LambdaFunction} keeps a pool of them); its static state is its own.
 *
 * <p>Loading resolves everything but runs no handler code. The first invocation runs the cold
 * start: static initialisers, then the constructor. When that fails, the environment answers every
 * waiting call with the init error and is retired, so the next call starts over in a fresh one,
 * as Lambda re-runs init after a failed one.
 *
 * <p>A retired environment closes its class loader once the last call inside it has left
 * (a stuck handler that never leaves keeps it open; it may still need classes).
 */
final class ExecutionEnvironment {
    private final FunctionClassLoader loader;
    private final ResolvedHandler handler;
    private final String logStreamName;
    private final CodeVersion codeVersion;
    private final AtomicInteger callsInside = new AtomicInteger();
    private volatile boolean retired;
    private final AtomicBoolean released = new AtomicBoolean(); // its place in the function's pool given back
    private final long loadNanos;                 // loading the code: part of the first call's Init Duration
    private volatile long idleSinceNanos;         // the pool's ticker, when it was last put back idle

    private final Object coldStartLock = new Object();
    private volatile Object instance;     // set once the cold start succeeded
    private volatile byte[] initFailure;  // set once it failed

    private ExecutionEnvironment(FunctionClassLoader loader, ResolvedHandler handler, long loadNanos, String logStreamName,
                                 CodeVersion codeVersion) {
        this.codeVersion = codeVersion;
        this.loader = loader;
        this.handler = handler;
        this.loadNanos = loadNanos;
        this.logStreamName = logStreamName;
    }

    /**
     * Loads the function's code and resolves its handler. Runs none of the handler's code; only a
     * CustomPojoSerializer the function registers is created here, as Lambda does while loading.
     */
    static ExecutionEnvironment load(FunctionSpec spec, ClassLoader runtimeLibraries, String region, CodeVersion codeVersion)
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
            return new ExecutionEnvironment(loader, handler, System.nanoTime() - started, logStreamName, codeVersion);
        } catch (HandlerResolver.HandlerRejectedException e) {
            closeQuietly(loader);
            throw new FunctionLoadException(spec.name(), spec.code(),
                    "handler " + spec.handler() + ": " + e.getMessage(), e.getCause());
        } catch (RuntimeException | LinkageError | ServiceConfigurationError e) {
            closeQuietly(loader);
            throw new FunctionLoadException(spec.name(), spec.code(), "handler " + spec.handler() + ": " + e, e);
        }
    }

    /** The code on disk this environment was loaded from. */
    CodeVersion codeVersion() {
        return codeVersion;
    }

    /** The status of a System.exit the function's code called, if it did (its process would have ended). */
    OptionalInt exitStatus() {
        return loader.sandbox().exitStatus();
    }

    String logStreamName() {
        return logStreamName;
    }

    ClassLoader classLoader() {
        return loader;
    }

    /** How long loading the code took (class loader, handler resolution). */
    long loadNanos() {
        return loadNanos;
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    void idleSince(long tickerNanos) {
        idleSinceNanos = tickerNanos;
    }

    /** @return true the first time only: the caller gives the environment's place in the pool back */
    boolean release() {
        return released.compareAndSet(false, true);
    }

    /** @return true once the cold start has succeeded */
    boolean isReady() {
        return instance != null;
    }

    /**
     * Runs the cold start if it has not run yet.
     *
     * @return null when the handler is ready, otherwise the init error payload
     */
    byte[] coldStart() {
        if (instance != null) {
            return null;
        }
        synchronized (coldStartLock) {
            if (instance == null && initFailure == null) {
                initialise();
            }
            return initFailure;
        }
    }

    private void initialise() {
        Class<?> handlerClass = handler.handlerClass();
        try {
            Class.forName(handlerClass.getName(), true, loader); // static initialisers run here
        } catch (Throwable e) {
            fail(FunctionErrorPayload.ofClassInitFailure(handlerClass.getName(), e));
            return;
        }
        if (handler.constructor() == null) {
            instance = handlerClass; // a static method: nothing to create, but ready
            return;
        }
        try {
            instance = handler.constructor().newInstance();
        } catch (InvocationTargetException e) {
            fail(FunctionErrorPayload.ofInitFailure(e.getCause() == null ? e : e.getCause()));
        } catch (Throwable e) {
            fail(FunctionErrorPayload.ofInitFailure(e));
        }
    }

    private void fail(byte[] payload) {
        initFailure = payload;
        retire();
    }

    /** Runs the handler; {@link #coldStart()} must have succeeded. */
    void handle(InputStream input, OutputStream output, LambdaContext context) throws Throwable {
        Object target = handler.constructor() == null ? null : instance;
        handler.adapter().handle(target, input, output, context);
    }

    /** @return false when the environment is retired and takes no more calls */
    boolean enter() {
        callsInside.incrementAndGet();
        if (retired) {
            leave();
            return false;
        }
        return true;
    }

    void leave() {
        if (callsInside.decrementAndGet() == 0 && retired) {
            closeQuietly(loader);
        }
    }

    boolean isRetired() {
        return retired;
    }

    /** Takes no more calls; the class loader closes when the last call inside has left. */
    void retire() {
        retired = true;
        if (callsInside.get() == 0) {
            closeQuietly(loader);
        }
    }

    // Lambda's format: 2024/05/06/[$LATEST]0123456789abcdef0123456789abcdef
    private static String newLogStreamName() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return String.format("%04d/%02d/%02d/[%s]%s", today.getYear(), today.getMonthValue(), today.getDayOfMonth(),
                FunctionIdentity.VERSION, UUID.randomUUID().toString().replace("-", ""));
    }

    private static void closeQuietly(FunctionClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
