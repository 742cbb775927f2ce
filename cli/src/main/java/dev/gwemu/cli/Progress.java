package dev.gwemu.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link ProgressLine} for a step that blocks (loading a project, cold-starting functions): a timer asks the step
 * what it is doing and shows it once the step has taken more than a second. Quick steps print nothing.
 */
final class Progress implements AutoCloseable {
    private static final long TICK_MILLIS = 250;

    private final ProgressLine line;
    private final Supplier<String> status;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gwemu-progress");
        t.setDaemon(true);
        return t;
    });
    private boolean closed;

    private Progress(ProgressLine line, Supplier<String> status) {
        this.line = line;
        this.status = status;
    }

    /** @param status what is happening now, e.g. {@code loading api.yaml} */
    static Progress of(PrintStream err, Supplier<String> status) {
        return of(err, System.console() != null, status);
    }

    static Progress of(PrintStream err, boolean terminal, Supplier<String> status) {
        Progress progress = new Progress(new ProgressLine(new PrintWriter(err, true), terminal, System::nanoTime,
                BatchingConsole::drainInstalled), status);
        progress.timer.scheduleAtFixedRate(progress::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return progress;
    }

    private synchronized void tick() {
        if (!closed) {
            line.update("gwemu: " + status.get());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        timer.shutdownNow();
        line.clear();
    }
}
