package dev.gwemu.record;

import java.nio.file.Path;

/** A recording that cannot be read: which file, which line (1-based), and why. */
public final class RecordingException extends Exception {
    private final Path file;
    private final int line;
    private final String reason;

    public RecordingException(Path file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
