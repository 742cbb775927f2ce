package dev.gwemu.lambda;

import dev.gwemu.lambda.sandbox.FunctionExitError;
import dev.gwemu.model.FunctionSpec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One function: a pool of execution environments, each serving one invocation at a time, and the
 * daemon threads that run the invocations, each under the function's timeout.
 *
 * <p>As in Lambda: a call takes the most recently used idle environment (LIFO), or, when every one
 * is busy, creates a new one (a cold start: a fresh class loader, static initialisers run again).
 * {@code reservedConcurrency} caps how many environments exist; a call over the cap is throttled
 * ({@link FunctionThrottledException}) without running anything. An environment idle for longer than
 * the idle timeout is dropped by {@link #sweepIdle}. An environment is thrown away after a timeout, a
 * failed init, or an error that ends Lambda's runtime process (VirtualMachineError, IOError); its
 * place goes back to the pool at once. An abandoned thread is interrupted and left to run out on its own.
 *
 * <p>The warm path takes no lock: a pop and a push on a concurrent deque.
 */
final class LambdaFunction implements AutoCloseable {
    // Lambda's limit for the init phase of on-demand functions; the function timeout starts after it.
    static final long INIT_LIMIT_MILLIS = 10_000;

    private final FunctionSpec spec;
    /** Threads of timed-out handlers that ignore interrupts, per function, before new calls are refused. */
    static final int MAX_STUCK_THREADS = 16;

    private final java.util.concurrent.atomic.AtomicInteger stuck = new java.util.concurrent.atomic.AtomicInteger();
    private final EnvironmentLoader loader;
    private volatile CodeVersion codeVersion;             // the code the current environments were loaded from
    private CodeVersion seenOnDisk;                       // last look at the disk (the code watcher's thread only)
    private final FunctionIdentity identity;
    private final Watchdog alarms;
    private final LongSupplier ticker;
    private final int maxEnvironments;
    private final ExecutorService workers;
    private final Set<FunctionInvocation> inFlight = ConcurrentHashMap.newKeySet();
    /** Idle environments, most recently used first. */
    private final ConcurrentLinkedDeque<ExecutionEnvironment> idle = new ConcurrentLinkedDeque<>();
    /** Every environment not yet discarded: busy, idle or starting (for close). */
    private final Set<ExecutionEnvironment> all = ConcurrentHashMap.newKeySet();
    /** Environments that exist or are being created: what reservedConcurrency caps. */
    private final AtomicInteger environments = new AtomicInteger();
    private volatile boolean closed;

    /**
     * Loads the code once (so a broken jar or handler fails at start) and keeps that environment as
     * the first idle one; its cold start runs at the first call or at {@link #prewarm}.
     *
     * @param loader makes the environments (it is closed with the function, or when this fails)
     * @param ticker nanoseconds, for idle times (System::nanoTime outside tests)
     */
    LambdaFunction(FunctionSpec spec, FunctionIdentity identity, EnvironmentLoader loader,
                   Watchdog alarms, LongSupplier ticker) throws FunctionLoadException {
        this.spec = spec;
        this.codeVersion = CodeVersion.of(spec.code());
        this.seenOnDisk = codeVersion;
        this.loader = loader;
        this.identity = identity;
        this.alarms = alarms;
        this.ticker = ticker;
        this.maxEnvironments = spec.reservedConcurrency() == null ? Integer.MAX_VALUE : spec.reservedConcurrency();
        ExecutionEnvironment first;
        try {
            first = loader.load(codeVersion);
        } catch (FunctionLoadException | RuntimeException e) {
            loader.close();
            throw e;
        }
        if (maxEnvironments > 0) {
            environments.set(1);
            all.add(first);
            first.idleSince(ticker.getAsLong());
            idle.offerFirst(first);
        } else {
            first.retire(); // reservedConcurrency 0: every call is throttled, as in Lambda
        }
        this.workers = Executors.newCachedThreadPool(new FunctionThreadFactory(spec.name()));
    }

    /** The future fails with {@link FunctionThrottledException} at once when the pool is at its cap. */
    CompletableFuture<InvokeResult> invoke(String qualifier, byte[] payload) {
        if (stuck.get() >= MAX_STUCK_THREADS) {
            // Lambda would kill those sandboxes; in one JVM each keeps a thread, so stop making more.
            String requestId = randomRequestId();
            return CompletableFuture.completedFuture(new InvokeResult(
                    FunctionErrorPayload.ofStuckThreads(spec.name(), stuck.get()), true, requestId));
        }
        ExecutionEnvironment env = idle.pollFirst();
        while (env != null && env.codeVersion() != codeVersion) {
            discard(env); // loaded from code replaced on disk since: later calls use the new code
            env = idle.pollFirst();
        }
        if (env == null && !reserveEnvironment()) {
            return CompletableFuture.failedFuture(new FunctionThrottledException(spec.name(), maxEnvironments));
        }
        FunctionInvocation invocation = new FunctionInvocation(randomRequestId());
        byte[] event = payload == null ? new byte[0] : payload;
        inFlight.add(invocation);
        ExecutionEnvironment taken = env;
        try {
            workers.execute(() -> run(invocation, taken, qualifier, event));
        } catch (RejectedExecutionException e) {
            inFlight.remove(invocation);
            giveBack(taken);
            return CompletableFuture.failedFuture(new IllegalStateException("The Lambda runtime is closed", e));
        }
        return invocation.result();
    }

    /** Takes a place for a new environment, unless the pool is at its cap. */
    private boolean reserveEnvironment() {
        while (true) {
            int now = environments.get();
            if (now >= maxEnvironments) {
                return false;
            }
            if (environments.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** A version-4 UUID from a thread-local generator: UUID.randomUUID's SecureRandom is a lock every call shares. */
    private static String randomRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /**
     * Runs one call in {@code pooled}, or in a new environment when null (its place is already reserved).
     * The environment goes back to the pool before the caller gets the answer, so a call that follows
     * this one finds it warm.
     */
    private void run(FunctionInvocation invocation, ExecutionEnvironment pooled, String qualifier, byte[] event) {
        Thread thread = Thread.currentThread();
        invocation.runsOn(thread);
        ClassLoader previousLoader = thread.getContextClassLoader();
        ExecutionEnvironment env = pooled;
        byte[] answer = null;
        boolean functionError = false;
        Throwable failure = null;      // a handler's throwable, logged when its answer is the result
        boolean initFailed = false;
        try {
            long initStart = System.nanoTime();
            if (env == null) {
                env = newEnvironment();
            }
            env.enter();
            if (env.classLoader() != null) {
                thread.setContextClassLoader(env.classLoader());
            }
            if (!env.isReady()) {
                ExecutionEnvironment starting = env;
                invocation.arm(alarms, INIT_LIMIT_MILLIS, () -> timeoutPayload(invocation),
                        () -> timedOut(invocation, starting));
                invocation.coldStarts();
                byte[] initError = env.coldStart();
                invocation.coldStartTook(System.nanoTime() - initStart + (pooled == null ? 0 : env.loadNanos()));
                if (initError != null) {
                    answer = initError;
                    functionError = true;
                    initFailed = true;
                    return;
                }
                if (invocation.isDone()) {
                    return; // the init limit went off
                }
            }
            identity.logger().log(InvocationLog.start(invocation.requestId()));
            invocation.started(System.nanoTime());
            long timeout = identity.timeoutMillis();
            LambdaContext context = new LambdaContext(invocation.requestId(), identity.invokedArn(qualifier),
                    System.currentTimeMillis() + timeout, identity, env.logStreamName());
            ByteArrayOutputStream output = new ByteArrayOutputStream(1024);
            ExecutionEnvironment running = env;
            invocation.arm(alarms, timeout, () -> timeoutPayload(invocation), () -> timedOut(invocation, running));
            try {
                env.handle(new ByteArrayInputStream(event), output, context);
                answer = output.toByteArray();
            } catch (FunctionErrorException formatted) {
                answer = formatted.payload(); // the runtime made and logged it
                functionError = true;
            } catch (Throwable handlerFailure) {
                if (handlerFailure instanceof VirtualMachineError || handlerFailure instanceof IOError) {
                    env.retire(); // Lambda's runtime exits on these; the next call gets a fresh environment
                }
                failure = handlerFailure;
                answer = FunctionErrorPayload.ofThrowable(handlerFailure); // the runtime's frames cut off here
                functionError = true;
            }
        } catch (FunctionLoadException e) {
            answer = FunctionErrorPayload.ofInitFailure(e); // the code changed under us
            functionError = true;
        } catch (Throwable e) {
            answer = FunctionErrorPayload.ofThrowable(e); // never leave a caller waiting
            functionError = true;
        } finally {
            if (env != null && env.exitStatus().isPresent()) {
                // The code called System.exit: Lambda's runtime process would be gone, and the call with it.
                FunctionExitError exit = FunctionExitError.forStatus(env.exitStatus().getAsInt());
                env.retire();
                answer = exit.payload(invocation.requestId());
                functionError = true;
                failure = null;
                identity.logger().log(exit.logMessage(invocation.requestId()) + "\nRuntime.ExitError");
            }
            inFlight.remove(invocation);
            invocation.workerLeaves(); // from here on the alarm cannot answer or interrupt
            if (invocation.abandoned()) {
                stuck.decrementAndGet(); // a timed-out handler finally returned: its thread is free again
            }
            thread.setContextClassLoader(previousLoader);
            if (answer != null && !invocation.isDone()) {
                logAnswer(invocation, answer, failure, initFailed);
            }
            if (env != null) {
                env.leave();
            }
            giveBack(env);
            if (answer != null) {
                invocation.complete(answer, functionError);
            }
        }
    }

    private void logAnswer(FunctionInvocation invocation, byte[] answer, Throwable failure, boolean initFailed) {
        try {
            if (initFailed) {
                identity.logger().log(new String(answer, StandardCharsets.UTF_8));
                return;
            }
            if (failure != null) {
                logFailure(failure);
            }
            if (invocation.startNanos() != 0) {
                identity.logger().log(InvocationLog.endAndReport(invocation.requestId(),
                        System.nanoTime() - invocation.startNanos(), invocation.initNanos(), identity.memoryMb()));
            }
        } catch (Throwable ignored) {
            // logging must not turn an answer into a runtime failure
        }
    }

    private ExecutionEnvironment newEnvironment() throws FunctionLoadException {
        ExecutionEnvironment env = loader.load(codeVersion);
        all.add(env);
        return env;
    }

    /**
     * Back to the pool when it can serve again; otherwise discarded. Null gives back the place reserved
     * for an environment that was never made.
     */
    private void giveBack(ExecutionEnvironment env) {
        if (env == null) {
            environments.decrementAndGet();
            return;
        }
        if (closed || env.isRetired() || env.codeVersion() != codeVersion) { // retired: timed out, crashed, init failed
            discard(env);
            return;
        }
        env.idleSince(ticker.getAsLong());
        idle.offerFirst(env);
        if (closed && idle.remove(env)) {
            discard(env); // close() ran meanwhile
        }
    }

    /** Retires the environment and gives its place back, once. */
    private void discard(ExecutionEnvironment env) {
        env.retire();
        if (env.release()) {
            all.remove(env);
            environments.decrementAndGet();
        }
    }

    private byte[] timeoutPayload(FunctionInvocation invocation) {
        return FunctionErrorPayload.ofTimeout(invocation.requestId(), identity.timeoutMillis(), Instant.now());
    }

    /** On the watchdog's thread, after the timeout answered the call. */
    private void timedOut(FunctionInvocation invocation, ExecutionEnvironment env) {
        discard(env);
        invocation.abandon(); // called under the invocation's lock, before its worker can leave
        env.abort();
        int stuckNow = stuck.incrementAndGet();
        if (stuckNow == MAX_STUCK_THREADS) {
            identity.logger().log("gwemu: " + stuckNow + " invocations are still running after their timeout, in code "
                    + "that ignores Thread.interrupt(); new invocations fail until some of them end");
        }
        identity.logger().log(FunctionErrorPayload.timeoutMessage(invocation.requestId(), identity.timeoutMillis(),
                Instant.now()));
        if (invocation.startNanos() != 0) {
            identity.logger().log(InvocationLog.endAndReport(invocation.requestId(),
                    System.nanoTime() - invocation.startNanos(), invocation.initNanos(), identity.memoryMb()));
        }
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

    /**
     * Makes sure one environment has done its cold start, ahead of any call (Lambda's provisioned
     * concurrency; {@code gwemu start --warm}). The first call in it reports no Init Duration.
     *
     * @return completes with true when a warm environment is idle in the pool, false when the pool is
     *         at its cap (reservedConcurrency 0) or the init failed (the error is in the function's log)
     */
    CompletableFuture<Boolean> prewarm() {
        ExecutionEnvironment cold = null;
        for (ExecutionEnvironment env : idle) {
            if (env.isReady()) {
                return CompletableFuture.completedFuture(true);
            }
            if (idle.remove(env)) {
                cold = env;
                break;
            }
        }
        if (cold == null && !reserveEnvironment()) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> warmed = new CompletableFuture<>();
        ExecutionEnvironment taken = cold;
        try {
            workers.execute(() -> warm(taken, warmed));
        } catch (RejectedExecutionException e) {
            giveBack(taken);
            warmed.complete(false);
        }
        return warmed;
    }

    private void warm(ExecutionEnvironment pooled, CompletableFuture<Boolean> warmed) {
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        ExecutionEnvironment env = pooled;
        boolean ready = false;
        try {
            if (env == null) {
                env = newEnvironment();
            }
            env.enter();
            if (env.classLoader() != null) {
                thread.setContextClassLoader(env.classLoader());
            }
            byte[] initError = env.coldStart();
            if (initError != null) {
                identity.logger().log(new String(initError, StandardCharsets.UTF_8));
            } else {
                ready = true;
            }
        } catch (FunctionLoadException e) {
            identity.logger().log(e.getMessage());
        } catch (Throwable e) {
            identity.logger().log(String.valueOf(e));
        } finally {
            thread.setContextClassLoader(previousLoader);
            Thread.interrupted();
            if (env != null) {
                env.leave();
            }
            giveBack(env);
            warmed.complete(ready);
        }
    }

    /**
     * Hot reload: when the code on disk has changed, and looks the same as at the previous look (so a
     * jar still being written is not loaded half-way), new calls get environments of the new code;
     * calls in flight finish in the old ones, which are then dropped. Called by the runtime's watcher.
     *
     * @param look reads the version of the code on disk ({@link CodeVersion#of}, shared across functions)
     * @return true when the function switched to new code
     */
    boolean reloadIfChanged(java.util.function.Function<java.nio.file.Path, CodeVersion> look) {
        CodeVersion now = look.apply(spec.code());
        CodeVersion previousLook = seenOnDisk;
        seenOnDisk = now;
        if (now.equals(codeVersion) || !now.equals(previousLook) || now == CodeVersion.UNREADABLE) {
            return false;
        }
        loader.codeChanged();
        codeVersion = now;
        for (ExecutionEnvironment env; (env = idle.pollFirst()) != null; ) {
            if (env.codeVersion() != now) {
                discard(env);
            } else {
                idle.offerLast(env);
                break;
            }
        }
        identity.logger().log("gwemu: code changed on disk; new invocations use it");
        return true;
    }

    /** Frees what replaced code left behind once no environment uses it. */
    void closeUnusedLibraries() {
        loader.closeUnused(all);
    }

    /**
     * Drops the environments idle since before {@code nowNanos - idleTimeoutNanos} (ticker time).
     *
     * @return how many were dropped
     */
    int sweepIdle(long nowNanos, long idleTimeoutNanos) {
        int dropped = 0;
        for (Iterator<ExecutionEnvironment> oldestFirst = idle.descendingIterator(); oldestFirst.hasNext(); ) {
            ExecutionEnvironment env = oldestFirst.next();
            if (nowNanos - env.idleSinceNanos() >= idleTimeoutNanos && idle.removeFirstOccurrence(env)) {
                discard(env);
                dropped++;
            }
        }
        return dropped;
    }

    /** Environments that exist now (busy, idle or starting). */
    int environmentCount() {
        return environments.get();
    }

    int stuckCount() {
        return stuck.get();
    }

    int idleCount() {
        return idle.size();
    }

    int warmIdleCount() {
        int warm = 0;
        for (ExecutionEnvironment env : idle) {
            if (env.isReady()) {
                warm++;
            }
        }
        return warm;
    }

    String name() {
        return spec.name();
    }

    /** Interrupts running handlers; callers still waiting get an IllegalStateException, not a function error. */
    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        IllegalStateException closedError = new IllegalStateException("The Lambda runtime was closed during the invocation");
        inFlight.forEach(invocation -> invocation.result().completeExceptionally(closedError));
        for (ExecutionEnvironment env; (env = idle.pollFirst()) != null; ) {
            discard(env);
        }
        all.forEach(env -> {
            discard(env);
            env.abort(); // a Node.js call still running is cancelled; Java threads were interrupted
        });
        loader.close();
    }

    @Override
    public String toString() {
        return "LambdaFunction[" + spec.name() + "]";
    }
}
