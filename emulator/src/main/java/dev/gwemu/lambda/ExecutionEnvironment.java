package dev.gwemu.lambda;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Lambda execution environment of a function, whatever its language: it serves one invocation
 * at a time ({@link LambdaFunction} keeps a pool of them), and its state is its own.
 *
 * <p>Loading runs none of the function's code. The first invocation runs the cold start
 * ({@link #initialise()}). When that fails, the environment answers every waiting call with the init
 * error and is retired, so the next call starts over in a fresh one, as Lambda re-runs init after a
 * failed one.
 *
 * <p>A retired environment releases its resources once the last call inside it has left (a stuck
 * handler that never leaves keeps them; it may still need them).
 */
abstract class ExecutionEnvironment {
    private final String logStreamName;
    private final CodeVersion codeVersion;
    private final AtomicInteger callsInside = new AtomicInteger();
    private final AtomicBoolean released = new AtomicBoolean(); // its place in the function's pool given back
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long loadNanos;                 // loading the code: part of the first call's Init Duration
    private volatile boolean retired;
    private volatile long idleSinceNanos;         // the pool's ticker, when it was last put back idle

    private final Object coldStartLock = new Object();
    private volatile boolean ready;       // set once the cold start succeeded
    private volatile byte[] initFailure;  // set once it failed

    protected ExecutionEnvironment(String logStreamName, CodeVersion codeVersion, long loadNanos) {
        this.logStreamName = logStreamName;
        this.codeVersion = codeVersion;
        this.loadNanos = loadNanos;
    }

    /**
     * The cold start: runs the function's initialisation code.
     *
     * @return null when the handler is ready, otherwise the init error payload
     */
    protected abstract byte[] initialise();

    /**
     * Runs the handler; {@link #coldStart()} has succeeded.
     *
     * @throws FunctionErrorException when the function failed and the runtime already made its payload
     * @throws Throwable              what the handler threw (a Java handler)
     */
    abstract void handle(InputStream input, OutputStream output, LambdaContext context) throws Throwable;

    /** Frees what the environment holds; called once, when it is retired and no call is inside. */
    protected abstract void closeResources();

    /** The status of an exit the function's code asked for, if it did (its process would have ended). */
    abstract OptionalInt exitStatus();

    /** The thread's context class loader during a call; null to leave it as it is. */
    abstract ClassLoader classLoader();

    /**
     * Stops a call still running after its timeout, from the watchdog's thread. The caller has
     * already been answered and the running thread interrupted; a runtime that can cancel code
     * which ignores interrupts does so here.
     */
    void abort() {
    }

    /** The code on disk this environment was loaded from. */
    CodeVersion codeVersion() {
        return codeVersion;
    }

    String logStreamName() {
        return logStreamName;
    }

    /** How long loading the code took (before the cold start). */
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
        return ready;
    }

    /**
     * Runs the cold start if it has not run yet.
     *
     * @return null when the handler is ready, otherwise the init error payload
     */
    byte[] coldStart() {
        if (ready) {
            return null;
        }
        synchronized (coldStartLock) {
            if (!ready && initFailure == null) {
                byte[] failure = initialise();
                if (failure == null) {
                    ready = true;
                } else {
                    initFailure = failure;
                    retire();
                }
            }
            return initFailure;
        }
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
            closeOnce();
        }
    }

    boolean isRetired() {
        return retired;
    }

    /** Takes no more calls; resources are freed when the last call inside has left. */
    void retire() {
        retired = true;
        if (callsInside.get() == 0) {
            closeOnce();
        }
    }

    private void closeOnce() {
        if (closed.compareAndSet(false, true)) {
            closeResources();
        }
    }

    // Lambda's format: 2024/05/06/[$LATEST]0123456789abcdef0123456789abcdef
    static String newLogStreamName() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return String.format("%04d/%02d/%02d/[%s]%s", today.getYear(), today.getMonthValue(), today.getDayOfMonth(),
                FunctionIdentity.VERSION, UUID.randomUUID().toString().replace("-", ""));
    }
}
