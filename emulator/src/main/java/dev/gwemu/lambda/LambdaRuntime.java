package dev.gwemu.lambda;

import dev.gwemu.model.FunctionSpec;

import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs Lambda functions in-process the way AWS Lambda's Java runtime runs them: each function in
 * its own class loader that sees only the JDK and the runtime's own libraries
 * (aws-lambda-java-core, aws-lambda-java-serialization), every handler form Lambda accepts, the
 * same JSON conversion, the same error payloads, and the function's timeout.
 */
public final class LambdaRuntime implements AutoCloseable {
    private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
    private final Watchdog alarms;

    /**
     * Loads every function's code: class loader, handler class and method resolved, nothing initialised.
     *
     * @throws FunctionLoadException naming the function, its code and why (missing jar, class not found,
     *                               no such method, not a handler ...)
     */
    public LambdaRuntime(Collection<FunctionSpec> functions, String region, String accountId)
            throws FunctionLoadException {
        this(functions, region, accountId, System.out);
    }

    /** As the public constructor, with the console that function loggers write to (for tests). */
    LambdaRuntime(Collection<FunctionSpec> functions, String region, String accountId, PrintStream console)
            throws FunctionLoadException {
        alarms = new Watchdog();
        warmUpSerialization();
        ClassLoader runtimeLibraries = new RuntimeLibrariesClassLoader(LambdaRuntime.class.getClassLoader());
        try {
            for (FunctionSpec spec : functions) {
                if (this.functions.containsKey(spec.name())) {
                    throw new FunctionLoadException(spec.name(), spec.code(), "a function with this name is already defined");
                }
                FunctionIdentity identity = new FunctionIdentity(spec.name(),
                        "arn:aws:lambda:" + region + ":" + accountId + ":function:" + spec.name(),
                        spec.memoryMb(), spec.timeoutSeconds() * 1000L, new ConsoleLambdaLogger(spec.name(), console));
                this.functions.put(spec.name(), new LambdaFunction(spec, identity, runtimeLibraries, alarms));
            }
        } catch (FunctionLoadException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Invokes a function like Lambda's Invoke with RequestResponse. The future completes with the
     * function's result, a function error, or a timeout error after the function's timeout; it never
     * completes exceptionally because of anything the handler does.
     *
     * @param qualifier an alias or version from the integration URI, or null; only shows in
     *                  {@code getInvokedFunctionArn()}
     * @param payload   the event, JSON bytes
     * @throws IllegalArgumentException when no function has that name (see {@link #has})
     */
    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Loads the serialization library's own Jackson in the background (once per process), as Lambda's runtime is
     * loaded before any function's cold start; otherwise the first invocation of the process pays
     * a third of a second for it. Function code is not touched.
     */
    public static void warmUpSerialization() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread warmUp = new Thread(() -> {
            try {
                JacksonFactory.getInstance().getSerializer(java.util.Map.class).fromJson("{\"warm\":[1,\"up\",true]}");
            } catch (RuntimeException | LinkageError e) {
                // Only a head start: the first invocation loads it again and reports any real fault.
            }
        }, "lambda-runtime-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    public CompletableFuture<InvokeResult> invoke(String functionName, String qualifier, byte[] payload) {
        LambdaFunction function = functions.get(functionName);
        if (function == null) {
            throw new IllegalArgumentException("No Lambda function named '" + functionName + "'");
        }
        return function.invoke(qualifier, payload);
    }

    public boolean has(String functionName) {
        return functions.containsKey(functionName);
    }

    /** Stops the worker threads (interrupting running handlers) and closes the functions' class loaders. */
    @Override
    public void close() {
        functions.values().forEach(LambdaFunction::close);
        alarms.close();
    }
}
