package dev.gwemu.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies a test project (or a sample) into a test's temporary folder, leaving any {@code .gwemu/} state folder behind,
 * so the project's generated keys and certificates stay out of the source tree and each test gets its own.
 */
public final class ProjectCopy {
    private ProjectCopy() {
    }

    /** @return {@code into} */
    public static Path of(Path source, Path into) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(file);
                if (relative.startsWith(".gwemu")) {
                    continue;
                }
                Path target = into.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return into;
    }
}
