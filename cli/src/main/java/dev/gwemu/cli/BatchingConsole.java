package dev.gwemu.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Standard output that writes in batches: whatever was printed in the last few milliseconds goes
 * out in one write from a background thread. A console line per request (and the functions'
 * own log lines) would otherwise cost a system call each on the request path, a fifth of the
 * gateway's throughput. Output keeps its order; {@link #drain()} writes everything still held.
 */
final class BatchingConsole extends OutputStream {
    private static final long INTERVAL_MILLIS = 20;
    private static final int INITIAL_BYTES = 1 << 16;
    /** Past this much held output a writer waits for it to be written (a handler printing without end). */
    private static final int MAX_HELD_BYTES = 1 << 22;

    private final OutputStream target;
    private final Object writeLock = new Object(); // taken before lock: writes to the target stay in order
    private final Object lock = new Object();       // guards pending and length
    private byte[] pending = new byte[INITIAL_BYTES];
    private byte[] spare = new byte[INITIAL_BYTES];
    private int length;

    private BatchingConsole(OutputStream target) {
        this.target = target;
        Thread writer = new Thread(this::writeLoop, "gwemu-console");
        writer.setDaemon(true);
        writer.start();
    }

    private static volatile BatchingConsole installed;

    /** Replaces System.out with a batching stream over the process's standard output. */
    static void install() {
        BatchingConsole console = new BatchingConsole(new FileOutputStream(FileDescriptor.out));
        System.setOut(new PrintStream(console, false, StandardCharsets.UTF_8));
        installed = console;
    }

    /** Writes out whatever System.out still holds, if the batching console is installed. */
    static void drainInstalled() {
        BatchingConsole console = installed;
        if (console != null) {
            console.drain();
        }
    }

    @Override
    public void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
        if (count > MAX_HELD_BYTES) {
            synchronized (writeLock) {
                drainLocked();
                writeTarget(bytes, offset, count);
            }
            return;
        }
        while (true) {
            synchronized (lock) {
                if (length + count <= MAX_HELD_BYTES) {
                    if (length + count > pending.length) {
                        pending = Arrays.copyOf(pending, Math.min(MAX_HELD_BYTES, Math.max(pending.length * 2, length + count)));
                    }
                    System.arraycopy(bytes, offset, pending, length, count);
                    length += count;
                    return;
                }
            }
            drain();
        }
    }

    /** Writing is the writer thread's job; a caller's flush must not cost it a system call. */
    @Override
    public void flush() {
    }

    /** Writes everything held now, in order (at exit, and when the buffer is full). */
    void drain() {
        synchronized (writeLock) {
            drainLocked();
        }
    }

    /** Call with writeLock held. */
    private void drainLocked() {
        byte[] batch;
        int count;
        synchronized (lock) {
            if (length == 0) {
                return;
            }
            batch = pending;
            count = length;
            pending = spare;
            length = 0;
        }
        writeTarget(batch, 0, count);
        spare = batch.length > INITIAL_BYTES ? new byte[INITIAL_BYTES] : batch;
    }

    private void writeLoop() {
        while (true) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            drain();
        }
    }

    private void writeTarget(byte[] bytes, int offset, int count) {
        try {
            target.write(bytes, offset, count);
        } catch (IOException e) {
            // A closed terminal must not fail requests; the lines are lost, as a terminal's would be.
        }
    }
}
