package dev.gwemu.lambda;

import dev.gwemu.model.FunctionSpec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One function: runs its invocations on its own daemon threads inside its current execution
 * environment, each under the function's timeout.
 *
 * <p>Like Lambda, the environment is thrown away after a timeout, or after an error that ends
 * Lambda's runtime process (VirtualMachineError, IOError); the next call cold-starts a fresh one.
 * The abandoned thread is interrupted and left to run out on its own.
 */
final class LambdaFunction implements AutoCloseable {
    // Lambda's limit for the init phase of on-demand functions; the function timeout starts after it.
    static final long INIT_LIMIT_MILLIS = 10_000;

    private final FunctionSpec spec;
    private final FunctionIdentity identity;
    private final ClassLoader runtimeLibraries;
    private final Watchdog alarms;
    private final ExecutorService workers;
    private final Set<Invocation> inFlight = ConcurrentHashMap.newKeySet();
    private final Object reloadLock = new Object();
    private volatile ExecutionEnvironment environment;

    LambdaFunction(FunctionSpec spec, FunctionIdentity identity, ClassLoader runtimeLibraries,
                   Watchdog alarms) throws FunctionLoadException {
        this.spec = spec;
        this.identity = identity;
        this.runtimeLibraries = runtimeLibraries;
        this.alarms = alarms;
        this.environment = ExecutionEnvironment.load(spec, runtimeLibraries);
        this.workers = Executors.newCachedThreadPool(new FunctionThreadFactory(spec.name()));
    }

    CompletableFuture<InvokeResult> invoke(String qualifier, byte[] payload) {
        Invocation invocation = new Invocation(randomRequestId());
        byte[] event = payload == null ? new byte[0] : payload;
        inFlight.add(invocation);
        try {
            workers.execute(() -> run(invocation, qualifier, event));
        } catch (RejectedExecutionException e) {
            inFlight.remove(invocation);
            return CompletableFuture.failedFuture(new IllegalStateException("The Lambda runtime is closed", e));
        }
        return invocation.result();
    }

    /** A version-4 UUID from a thread-local generator: UUID.randomUUID's SecureRandom is a lock every call shares. */
    private static String randomRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    private void run(Invocation invocation, String qualifier, byte[] event) {
        Thread thread = Thread.currentThread();
        invocation.runsOn(thread);
        ClassLoader previousLoader = thread.getContextClassLoader();
        ExecutionEnvironment env = null;
        try {
            env = enterEnvironment();
            thread.setContextClassLoader(env.classLoader());
            if (coldStart(invocation, env)) {
                runHandler(invocation, env, qualifier, event);
            }
        } catch (FunctionLoadException e) {
            invocation.complete(FunctionErrorPayload.ofInitFailure(e), true); // the code changed under us
        } catch (Throwable e) {
            invocation.complete(FunctionErrorPayload.ofThrowable(e), true); // never leave a caller waiting
        } finally {
            inFlight.remove(invocation);
            invocation.workerLeaves();
            thread.setContextClassLoader(previousLoader);
            if (env != null) {
                env.leave();
            }
        }
    }

    /** @return true when the handler is ready; otherwise the call is already answered */
    private boolean coldStart(Invocation invocation, ExecutionEnvironment env) {
        if (env.isReady()) {
            return true; // the warm path: nothing to arm
        }
        invocation.arm(alarms, INIT_LIMIT_MILLIS, () -> timeoutPayload(invocation), () -> timedOut(invocation, env));
        byte[] initError = env.coldStart();
        if (initError != null) {
            if (invocation.complete(initError, true)) {
                identity.logger().log(new String(initError, StandardCharsets.UTF_8));
            }
            return false;
        }
        return !invocation.isDone();
    }

    private void runHandler(Invocation invocation, ExecutionEnvironment env, String qualifier, byte[] event) {
        long timeout = identity.timeoutMillis();
        LambdaContext context = new LambdaContext(invocation.requestId(), identity.invokedArn(qualifier),
                System.currentTimeMillis() + timeout, identity, env.logStreamName());
        ByteArrayOutputStream output = new ByteArrayOutputStream(1024);
        invocation.arm(alarms, timeout, () -> timeoutPayload(invocation), () -> timedOut(invocation, env));
        try {
            env.handle(new ByteArrayInputStream(event), output, context);
            invocation.complete(output.toByteArray(), false);
        } catch (Throwable failure) {
            if (failure instanceof VirtualMachineError || failure instanceof IOError) {
                env.retire(); // Lambda's runtime exits on these; the next call gets a fresh environment
            }
            if (invocation.complete(FunctionErrorPayload.ofThrowable(failure), true)) {
                logFailure(failure); // after ofThrowable: the runtime's frames are already cut off
            }
        }
    }

    private byte[] timeoutPayload(Invocation invocation) {
        return FunctionErrorPayload.ofTimeout(invocation.requestId(), identity.timeoutMillis(), Instant.now());
    }

    private void timedOut(Invocation invocation, ExecutionEnvironment env) {
        env.retire();
        identity.logger().log(FunctionErrorPayload.timeoutMessage(invocation.requestId(), identity.timeoutMillis(),
                Instant.now()));
    }

    private void logFailure(Throwable failure) {
        try {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            identity.logger().log(trace.toString());
        } catch (Throwable ignored) {
            // logging must not turn a function error into a runtime failure
        }
    }

    /** The current environment, entered; a retired one is replaced by a freshly loaded one. */
    private ExecutionEnvironment enterEnvironment() throws FunctionLoadException {
        while (true) {
            ExecutionEnvironment current = environment;
            if (current != null && current.enter()) {
                return current;
            }
            synchronized (reloadLock) {
                if (environment == current) {
                    environment = null;
                    environment = ExecutionEnvironment.load(spec, runtimeLibraries);
                }
            }
        }
    }

    /** Interrupts running handlers; callers still waiting get an IllegalStateException, not a function error. */
    @Override
    public void close() {
        workers.shutdownNow();
        IllegalStateException closed = new IllegalStateException("The Lambda runtime was closed during the invocation");
        inFlight.forEach(invocation -> invocation.result().completeExceptionally(closed));
        ExecutionEnvironment current = environment;
        if (current != null) {
            current.retire();
        }
    }

    @Override
    public String toString() {
        return "LambdaFunction[" + spec.name() + "]";
    }
}
