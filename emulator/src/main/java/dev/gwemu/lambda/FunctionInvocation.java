package dev.gwemu.lambda;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One call in flight: its result, the worker thread running it and the alarm that ends it at the
 * deadline. Whichever comes first, the worker leaving the call or the alarm, completes the result; the
 * other is dropped. When the alarm wins, the worker is interrupted and left to finish on its own.
 */
final class FunctionInvocation {
    private final String requestId;
    private final CompletableFuture<InvokeResult> result = new CompletableFuture<>();

    // Guarded by this: the alarm must never interrupt a worker that has moved on to another call.
    private Thread worker;
    private boolean workerDone;
    private Watchdog.Alarm alarm;
    private boolean abandoned; // timed out while its worker was still in the handler

    // For the REPORT line, whoever writes it (the worker, or the alarm on a timeout).
    private volatile long startNanos;
    private volatile long initNanos = -1;
    private volatile boolean coldStart; // set before the init runs, so an init that times out counts too


    FunctionInvocation(String requestId) {
        this.requestId = requestId;
    }

    /** Marks the start of the invocation: Duration counts from here (after any cold start). */
    void started(long nanos) {
        startNanos = nanos;
    }

    long startNanos() {
        return startNanos;
    }

    /** This invocation runs the cold start of its environment (its answer says so). */
    void coldStarts() {
        coldStart = true;
    }

    /** This invocation paid for a cold start of that long. */
    void coldStartTook(long nanos) {
        initNanos = nanos;
    }

    /** @return the cold start this invocation paid for, or -1 */
    long initNanos() {
        return initNanos;
    }

    String requestId() {
        return requestId;
    }

    CompletableFuture<InvokeResult> result() {
        return result;
    }

    synchronized void runsOn(Thread thread) {
        worker = thread;
    }

    /**
     * (Re)sets the alarm: after {@code millis}, unless the call is done, it completes with
     * the {@code payload} made at that moment, as a function error, interrupts the worker and runs {@code onExpiry}.
     */
    synchronized void arm(Watchdog watchdog, long millis, Supplier<byte[]> payload, Runnable onExpiry) {
        disarm();
        alarm = watchdog.schedule(millis, () -> expire(payload, onExpiry));
    }

    /** @return true when this answer is the call's result (the alarm had not gone off) */
    boolean complete(byte[] payload, boolean functionError) {
        return result.complete(new InvokeResult(payload, functionError, requestId, coldStart));
    }

    boolean isDone() {
        return result.isDone();
    }

    /** Called by the worker when it leaves the call, whatever happened: no interrupt can reach it after this. */
    synchronized void workerLeaves() {
        workerDone = true;
        disarm();
        Thread.interrupted(); // clear a late interrupt so the pooled thread starts clean
    }

    /**
     * {@code onExpiry} (discarding the environment) runs before the caller gets the timeout, so a call
     * it makes next finds the environment's place free. The worker cannot answer meanwhile: it answers
     * only after {@link #workerLeaves}, which waits for this lock.
     */
    /** Marks the call as left behind by its timeout; guarded by this, as expiry and the worker's leaving are. */
    synchronized void abandon() {
        abandoned = true;
    }

    synchronized boolean abandoned() {
        return abandoned;
    }

    private synchronized void expire(Supplier<byte[]> payload, Runnable onExpiry) {
        if (workerDone || result.isDone()) {
            return;
        }
        byte[] answer = payload.get();
        if (worker != null) {
            worker.interrupt();
        }
        try {
            onExpiry.run();
        } finally {
            complete(answer, true);
        }
    }

    private void disarm() {
        if (alarm != null) {
            alarm.cancel();
            alarm = null;
        }
    }
}
