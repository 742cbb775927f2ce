package dev.gwemu.lambda;

import dev.gwemu.model.FunctionSpec;

import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Runs Lambda functions in-process the way AWS Lambda's Java runtime runs them: each function in
 * its own class loader that sees only the JDK and the runtime's own libraries
 * (aws-lambda-java-core, aws-lambda-java-serialization), every handler form Lambda accepts, the
 * same JSON conversion, the same error payloads, and the function's timeout. Each function runs in
 * a pool of execution environments, one invocation at a time each (see {@link LambdaFunction}).
 */
public final class LambdaRuntime implements AutoCloseable {
    /** Lambda keeps an idle environment for minutes, not documented exactly; gwemu's default. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);

    private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
    private final Watchdog alarms;
    private final LongSupplier ticker;
    private final long idleTimeoutNanos;
    private final ScheduledExecutorService sweeper;

    /**
     * Loads every function's code: class loader, handler class and method resolved, nothing initialised.
     *
     * @throws FunctionLoadException naming the function, its code and why (missing jar, class not found,
     *                               no such method, not a handler ...)
     */
    public LambdaRuntime(Collection<FunctionSpec> functions, String region, String accountId)
            throws FunctionLoadException {
        this(functions, region, accountId, DEFAULT_IDLE_TIMEOUT);
    }

    /** As above, with how long an idle execution environment is kept before it is dropped. */
    public LambdaRuntime(Collection<FunctionSpec> functions, String region, String accountId, Duration idleTimeout)
            throws FunctionLoadException {
        this(functions, region, accountId, System.out, idleTimeout, System::nanoTime, true);
    }

    /** As the public constructor, with the console that function loggers write to (for tests). */
    LambdaRuntime(Collection<FunctionSpec> functions, String region, String accountId, PrintStream console)
            throws FunctionLoadException {
        this(functions, region, accountId, console, DEFAULT_IDLE_TIMEOUT, System::nanoTime, true);
    }

    /** As the first constructor, with the functions' log lines on standard output in {@code logFormat}. */
    public LambdaRuntime(Collection<FunctionSpec> functions, String region, String accountId, FunctionLogFormat logFormat)
            throws FunctionLoadException {
        this(functions, region, accountId, System.out, logFormat);
    }

    /** As above, with the console that function loggers write to. */
    LambdaRuntime(Collection<FunctionSpec> functions, String region, String accountId, PrintStream console,
                  FunctionLogFormat logFormat) throws FunctionLoadException {
        this(functions, region, accountId, console, DEFAULT_IDLE_TIMEOUT, System::nanoTime, true, logFormat);
    }

    /**
     * @param ticker       nanoseconds for idle times; tests pass their own and call {@link #sweepIdle()}
     * @param sweepThread  whether a background thread drops idle environments (tests sweep by hand)
     */
    LambdaRuntime(Collection<FunctionSpec> functions, String region, String accountId, PrintStream console,
                  Duration idleTimeout, LongSupplier ticker, boolean sweepThread) throws FunctionLoadException {
        this(functions, region, accountId, console, idleTimeout, ticker, sweepThread, FunctionLogFormat.PREFIXED);
    }

    private LambdaRuntime(Collection<FunctionSpec> functions, String region, String accountId, PrintStream console,
                          Duration idleTimeout, LongSupplier ticker, boolean sweepThread, FunctionLogFormat logFormat)
            throws FunctionLoadException {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, got " + idleTimeout);
        }
        this.ticker = ticker;
        this.idleTimeoutNanos = idleTimeout.toNanos();
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
                        spec.memoryMb(), spec.timeoutSeconds() * 1000L, new ConsoleLambdaLogger(spec.name(), console, logFormat));
                EnvironmentLoader loader = spec.runtime().isNodeJs()
                        ? new NodeJsEnvironmentLoader(spec, region, identity)
                        : new JavaEnvironmentLoader(spec, runtimeLibraries, region);
                this.functions.put(spec.name(), new LambdaFunction(spec, identity, loader, alarms, ticker));
            }
        } catch (FunctionLoadException | RuntimeException e) {
            this.sweeper = null;
            close();
            throw e;
        }
        this.sweeper = sweepThread ? startSweeper(idleTimeout) : null;
        if (sweeper != null) {
            sweeper.scheduleWithFixedDelay(this::reloadChangedCode, CODE_CHECK_MILLIS, CODE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** How often the code on disk is looked at for hot reload. */
    static final long CODE_CHECK_MILLIS = 500;

    /** Hot reload: functions whose jar or class folder changed serve new calls from the new code. */
    void reloadChangedCode() {
        // Functions often share a jar or folder: look at each once per round (a node_modules is many files).
        Map<java.nio.file.Path, CodeVersion> looked = new java.util.HashMap<>();
        for (LambdaFunction function : functions.values()) {
            try {
                function.reloadIfChanged(code -> looked.computeIfAbsent(code, CodeVersion::of));
                function.closeUnusedLibraries();
            } catch (RuntimeException | LinkageError e) {
                // the next look tries again
            }
        }
    }

    /** One daemon thread for the whole runtime, waking a few times per idle timeout (1 s to 1 min apart). */
    private ScheduledExecutorService startSweeper(Duration idleTimeout) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lambda-idle-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1_000, Math.min(60_000, idleTimeout.toMillis() / 4));
        executor.scheduleWithFixedDelay(() -> {
            try {
                sweepIdle();
            } catch (RuntimeException | LinkageError e) {
                // the next sweep tries again
            }
        }, period, period, TimeUnit.MILLISECONDS);
        return executor;
    }

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

    /**
     * Invokes a function like Lambda's Invoke with RequestResponse, in one of its execution environments
     * (an idle warm one, else a new one). The future completes with the function's result, a function
     * error, or a timeout error after the function's timeout; it never completes exceptionally because
     * of anything the handler does.
     *
     * <p>When the function's {@code reservedConcurrency} environments are all busy, the call is throttled:
     * the returned future is already completed exceptionally with a {@link FunctionThrottledException}
     * (Lambda's 429 TooManyRequestsException, "Rate Exceeded."). After {@link #close()} it completes
     * exceptionally with an IllegalStateException.
     *
     * @param qualifier an alias or version from the integration URI, or null; only shows in
     *                  {@code getInvokedFunctionArn()}
     * @param payload   the event, JSON bytes
     * @throws IllegalArgumentException when no function has that name (see {@link #has})
     */
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

    /**
     * Creates one warm execution environment per function (code loaded, static initialisers and the
     * handler's constructor run), all functions in parallel, and waits for them: a call that comes after
     * finds one ready and pays no cold start. A function whose init fails logs the error, as its first
     * call would, and is left to cold-start at its first call; so does one that is throttled
     * (reservedConcurrency 0) or whose init outlasts Lambda's 10 s init limit.
     *
     * @return the names of the functions that have a warm environment now, in the project's order
     */
    public List<String> prewarm() {
        Map<String, CompletableFuture<Boolean>> warming = new LinkedHashMap<>();
        functions.forEach((name, function) -> warming.put(name, function.prewarm()));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LambdaFunction.INIT_LIMIT_MILLIS);
        List<String> warm = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<Boolean>> entry : warming.entrySet()) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (entry.getValue().get(left, TimeUnit.NANOSECONDS)) {
                    warm.add(entry.getKey());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // not warm: it cold-starts at its first call (or finishes warming meanwhile)
            }
        }
        return warm;
    }

    /** Drops every environment idle for longer than the idle timeout (the sweeper thread calls this). */
    int sweepIdle() {
        long now = ticker.getAsLong();
        int dropped = 0;
        for (LambdaFunction function : functions.values()) {
            dropped += function.sweepIdle(now, idleTimeoutNanos);
        }
        return dropped;
    }

    /** For tests: environments of the function that exist now (busy, idle or starting). */
    /** Timed-out invocations whose thread has not returned yet. */
    int stuckInvocations(String functionName) {
        return functions.get(functionName).stuckCount();
    }

    int environmentCount(String functionName) {
        return functions.get(functionName).environmentCount();
    }

    /** For tests: idle environments of the function that have done their cold start. */
    int warmIdleCount(String functionName) {
        return functions.get(functionName).warmIdleCount();
    }

    /** For tests: idle environments of the function. */
    int idleCount(String functionName) {
        return functions.get(functionName).idleCount();
    }

    /** Stops the worker threads (interrupting running handlers) and closes the functions' class loaders. */
    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        functions.values().forEach(LambdaFunction::close);
        alarms.close();
    }
}
