package dev.gwemu.lambda;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Fires the deadlines of invocations in flight (function timeouts, the init limit). One thread
 * checks the armed deadlines every {@value #TICK_MILLIS} ms while any are armed and sleeps
 * otherwise: arming and disarming cost a set insert and removal, where a scheduled executor
 * would wake its thread on almost every invocation. Deadlines fire up to one tick late, far
 * below Lambda's own timing granularity.
 */
final class Watchdog implements AutoCloseable {
    static final long TICK_MILLIS = 10;

    /** An armed deadline; {@link #cancel()} disarms it. */
    final class Alarm {
        private final long deadlineNanos;
        private final Runnable action;

        private Alarm(long deadlineNanos, Runnable action) {
            this.deadlineNanos = deadlineNanos;
            this.action = action;
        }

        void cancel() {
            armed.remove(this);
        }
    }

    private final Set<Alarm> armed = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean idle;
    private volatile boolean running = true;

    Watchdog() {
        thread = new Thread(this::watch, "lambda-timeouts");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code action} on the watchdog's thread once {@code millis} have passed, unless cancelled first. */
    Alarm schedule(long millis, Runnable action) {
        Alarm alarm = new Alarm(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis), action);
        armed.add(alarm);
        if (idle) {
            LockSupport.unpark(thread);
        }
        return alarm;
    }

    private void watch() {
        while (running) {
            if (armed.isEmpty()) {
                idle = true;
                if (armed.isEmpty() && running) { // re-check: an alarm armed before 'idle' was seen would be missed
                    LockSupport.park(this);
                }
                idle = false;
                continue;
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
            long now = System.nanoTime();
            for (Alarm alarm : armed) {
                if (now - alarm.deadlineNanos >= 0 && armed.remove(alarm)) {
                    fire(alarm);
                }
            }
        }
    }

    private static void fire(Alarm alarm) {
        try {
            alarm.action.run();
        } catch (RuntimeException | LinkageError e) {
            // One failed expiry must not stop the deadlines of every other invocation.
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        armed.clear();
    }
}
