package dev.gwemu.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One function's code: its jar, or a class directory plus the jars in its {@code lib/}
 * (in name order, as Lambda's runtime lays out an unpacked deployment package).
 *
 * <p>Deliberately unnamed: a named loader would prefix every stack frame in error payloads
 * ({@code name//pkg.Class.method}), which Lambda's frames do not have.
 */
final class FunctionClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    FunctionClassLoader(Path code, ClassLoader parent) {
        super(urls(code), parent);
    }

    private static URL[] urls(Path code) {
        List<URL> urls = new ArrayList<>();
        urls.add(url(code));
        Path lib = code.resolve("lib");
        if (Files.isDirectory(code) && Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
                        .sorted()
                        .forEach(p -> urls.add(url(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL(); // directories get the trailing slash URLClassLoader needs
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
