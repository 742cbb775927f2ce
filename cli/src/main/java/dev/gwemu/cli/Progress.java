package dev.gwemu.cli;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Says what a slow step is doing once it has taken more than a second: on a terminal one line on standard error,
 * rewritten every second and erased at the end; otherwise a line every {@link #PLAIN_EVERY_SECONDS} seconds, so logs
 * of CI builds show it without a line per second. Quick steps print nothing.
 */
final class Progress implements AutoCloseable {
    private static final long FIRST_AFTER_MILLIS = 1_000;
    static final int PLAIN_EVERY_SECONDS = 10;

    private final PrintStream err;
    private final boolean terminal;
    private final Supplier<String> status;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gwemu-progress");
        t.setDaemon(true);
        return t;
    });
    private boolean shown;
    private boolean closed;

    private Progress(PrintStream err, boolean terminal, Supplier<String> status) {
        this.err = err;
        this.terminal = terminal;
        this.status = status;
    }

    /** @param status what is happening now, e.g. {@code loading api.yaml} or {@code replayed 1 200 of 5 000} */
    static Progress of(PrintStream err, Supplier<String> status) {
        return of(err, System.console() != null, status);
    }

    static Progress of(PrintStream err, boolean terminal, Supplier<String> status) {
        Progress progress = new Progress(err, terminal, status);
        progress.timer.scheduleAtFixedRate(progress::tick, FIRST_AFTER_MILLIS, 1_000, TimeUnit.MILLISECONDS);
        return progress;
    }

    private synchronized void tick() {
        if (closed) {
            return;
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        if (terminal) {
            err.print("\r\033[K" + "gwemu: " + status.get() + " (" + seconds + " s)");
            err.flush();
            shown = true;
        } else if (!shown || seconds % PLAIN_EVERY_SECONDS == 0) {
            err.println("gwemu: " + status.get() + " (" + seconds + " s)");
            shown = true;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        timer.shutdownNow();
        if (terminal && shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
