package dev.gwemu.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress of a long run on standard error, once it has taken more than a second: on a terminal one line
 * redrawn in place (carriage return) at most ten times a second, elsewhere (a CI log) a line every few seconds.
 * Before drawing it has standard output written out, so a report printed there and the progress line do not
 * overtake each other.
 */
final class ProgressLine {
    static final long QUIET_NANOS = 1_000_000_000L;
    static final long REDRAW_NANOS = 100_000_000L;
    static final long LOG_EVERY_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final Runnable flushOut;
    private final long started;
    private long lastShown;
    private boolean shown;
    private int drawnWidth; // characters of the line now on the terminal, 0 when none

    /**
     * @param terminal whether standard error is a terminal (redraw in place) or a log (a line now and then)
     * @param flushOut writes out what standard output holds
     */
    ProgressLine(PrintWriter err, boolean terminal, LongSupplier nanos, Runnable flushOut) {
        this.err = err;
        this.terminal = terminal;
        this.nanos = nanos;
        this.flushOut = flushOut;
        this.started = nanos.getAsLong();
    }

    /** Shows {@code text} if the run has been going for more than a second and the last showing is old enough. */
    void update(String text) {
        long now = nanos.getAsLong();
        if (now - started < QUIET_NANOS || shown && now - lastShown < (terminal ? REDRAW_NANOS : LOG_EVERY_NANOS)) {
            return;
        }
        shown = true;
        lastShown = now;
        flushOut.run();
        String line = text + " (" + (now - started) / 1_000_000_000L + " s)";
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            drawnWidth = Math.max(drawnWidth, line.length()); // the padding is on the terminal too
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Takes the line off the terminal, before other output or at the end. */
    void clear() {
        if (terminal && drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }
}
