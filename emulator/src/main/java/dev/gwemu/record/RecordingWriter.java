package dev.gwemu.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes exchanges to a recording, one JSON line each. Safe for concurrent callers (the proxy records from worker
 * threads); each line is flushed, so a recording stopped by a signal or a crash ends with whole lines.
 */
public final class RecordingWriter implements AutoCloseable {
    private final BufferedWriter out;
    private int written;

    private RecordingWriter(BufferedWriter out) {
        this.out = out;
    }

    /** A new recording, replacing any file there. */
    public static RecordingWriter create(Path file) throws IOException {
        return new RecordingWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    /** Adds to the recording there, or starts one. */
    public static RecordingWriter append(Path file) throws IOException {
        return new RecordingWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    }

    public synchronized void write(Exchange exchange) throws IOException {
        out.write(ExchangeJson.write(exchange));
        out.write('\n');
        out.flush();
        written++;
    }

    /** How many exchanges this writer wrote. */
    public synchronized int written() {
        return written;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
