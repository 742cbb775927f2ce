package dev.gwemu.config;

import java.nio.file.Path;

/**
 * Something wrong (or ignored) in a definition, placed as precisely as the parser allows.
 *
 * @param file    the file it is in
 * @param line    1-based line, or 0 when unknown
 * @param pointer JSON pointer of the offending node, or "" for the whole file
 * @param message what is wrong and why
 */
public record Problem(Path file, int line, String pointer, String message) {
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(file);
        if (line > 0) {
            s.append(':').append(line);
        }
        s.append(": ");
        if (!pointer.isEmpty()) {
            s.append(pointer).append(": ");
        }
        return s.append(message).toString();
    }
}
