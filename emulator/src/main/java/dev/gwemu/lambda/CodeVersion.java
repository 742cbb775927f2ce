package dev.gwemu.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * What a function's code looked like on disk: a jar's size and modification time, or for a class
 * folder the newest modification time and total size of its files. Two reads that differ mean the
 * code changed (hot reload); reads happen on a background thread, never on a request.
 */
record CodeVersion(long lastModifiedMillis, long size) {
    static final CodeVersion UNREADABLE = new CodeVersion(-1, -1);

    static CodeVersion of(Path code) {
        try {
            if (!Files.isDirectory(code)) {
                BasicFileAttributes attributes = Files.readAttributes(code, BasicFileAttributes.class);
                return new CodeVersion(attributes.lastModifiedTime().toMillis(), attributes.size());
            }
            long newest = 0;
            long total = 0;
            try (Stream<Path> files = Files.walk(code)) {
                // gwemu's own state folder is not code: a key written there must not reload a function whose code is the project folder.
                for (Path file : (Iterable<Path>) files.filter(f -> !inStateFolder(code, f)).filter(Files::isRegularFile)::iterator) {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    newest = Math.max(newest, attributes.lastModifiedTime().toMillis());
                    total += attributes.size();
                }
            }
            return new CodeVersion(newest, total);
        } catch (IOException | UncheckedIOException e) {
            return UNREADABLE; // being replaced right now: the next look decides
        }
    }

    private static boolean inStateFolder(Path code, Path file) {
        for (Path part : code.relativize(file)) {
            if (part.toString().equals(".gwemu")) {
                return true;
            }
        }
        return false;
    }
}
