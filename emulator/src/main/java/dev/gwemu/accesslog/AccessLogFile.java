package dev.gwemu.accesslog;

import dev.gwemu.model.StateFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One access log file, appended to in batches: a request only adds its line to memory; {@link #flush()} (the
 * access logs' writer thread, a few times a second, and at close) writes what is held in one write. The file
 * and its folders are made at the first line, so a project that is only validated leaves nothing behind.
 * Lines keep their order; none is dropped while the disk takes them.
 */
final class AccessLogFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("gwemu");
    /** Past this much held text the request that adds to it writes it out itself (a writer thread far behind). */
    private static final int MAX_HELD_CHARS = 1 << 22;

    private final Path path;
    private final Path stateFolder;                // the .gwemu folder the file is in, or null
    private final Object writeLock = new Object(); // taken before lock: writes keep the lines' order
    private final Object lock = new Object();      // guards held
    private StringBuilder held = new StringBuilder(8192);
    private OutputStream out;                      // under writeLock
    private boolean failed;                        // under writeLock: reported once

    /** @param stateFolder the project's {@code .gwemu/} when the file is inside it (made with its .gitignore), else null */
    AccessLogFile(Path path, Path stateFolder) {
        this.path = path;
        this.stateFolder = stateFolder;
    }

    Path path() {
        return path;
    }

    /** Adds one line (its line break is added here); no I/O unless far too much is held. */
    void append(CharSequence line) {
        boolean full;
        synchronized (lock) {
            held.append(line).append('\n');
            full = held.length() > MAX_HELD_CHARS;
        }
        if (full) {
            flush();
        }
    }

    /** Writes every line held now. */
    void flush() {
        synchronized (writeLock) {
            StringBuilder batch;
            synchronized (lock) {
                if (held.length() == 0) {
                    return;
                }
                batch = held;
                held = new StringBuilder(Math.min(Math.max(8192, batch.length()), MAX_HELD_CHARS));
            }
            try {
                if (out == null) {
                    if (stateFolder != null) {
                        StateFolder.ensure(stateFolder);
                    }
                    Files.createDirectories(path.toAbsolutePath().getParent());
                    out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                            StandardOpenOption.WRITE);
                }
                out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                failed = false;
            } catch (IOException | RuntimeException e) {
                if (!failed) { // once per outage, not per batch
                    LOG.warn("cannot write the access log {}: {}; its lines are lost until it can", path, e.toString());
                    failed = true;
                }
                closeQuietly();
            }
        }
    }

    @Override
    public void close() {
        flush();
        synchronized (writeLock) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing more to write to it
            }
            out = null;
        }
    }
}
