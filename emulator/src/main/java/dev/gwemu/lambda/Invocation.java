package dev.gwemu.lambda;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One call in flight: its result, the worker thread running it and the alarm that ends it at the
 * deadline. Whichever comes first, the handler's answer or the alarm, completes the result; the
 * other is dropped. When the alarm wins, the worker is interrupted and left to finish on its own.
 */
final class Invocation {
    private final String requestId;
    private final CompletableFuture<InvokeResult> result = new CompletableFuture<>();

    // Guarded by this: the alarm must never interrupt a worker that has moved on to another call.
    private Thread worker;
    private boolean workerDone;
    private Watchdog.Alarm alarm;

    Invocation(String requestId) {
        this.requestId = requestId;
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
        return result.complete(new InvokeResult(payload, functionError, requestId));
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

    private synchronized void expire(Supplier<byte[]> payload, Runnable onExpiry) {
        if (workerDone || !complete(payload.get(), true)) {
            return;
        }
        if (worker != null) {
            worker.interrupt();
        }
        onExpiry.run();
    }

    private void disarm() {
        if (alarm != null) {
            alarm.cancel();
            alarm = null;
        }
    }
}
