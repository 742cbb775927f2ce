package dev.gwemu.lambda;

import dev.gwemu.lambda.sandbox.FunctionSandbox;
import dev.gwemu.lambda.sandbox.SandboxedClassLoader;
import dev.gwemu.lambda.sandbox.SystemCallRewriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * One function's code: its jar, or a class directory plus the jars in its {@code lib/}
 * (in name order, as Lambda's runtime lays out an unpacked deployment package).
 *
 * <p>Every class it defines goes through {@link SystemCallRewriter}, so {@code System.getenv} answers
 * with this loader's {@link FunctionSandbox} (one per execution environment) and {@code System.exit}
 * throws instead of ending the emulator. Classes of the parent (the JDK, core, serialization) are
 * not rewritten.
 *
 * <p>Deliberately unnamed: a named loader would prefix every stack frame in error payloads
 * ({@code name//pkg.Class.method}), which Lambda's frames do not have.
 */
final class FunctionClassLoader extends URLClassLoader implements SandboxedClassLoader {
    static {
        registerAsParallelCapable();
    }

    /** aws-lambda-java-events: plain data classes without state worth isolating. */
    static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";

    private final FunctionSandbox sandbox;
    private final String onlyPackage; // null: defines any class of the code
    // Our own handles on the jars: jar: URL connections would share a JVM-wide cache that outlives this
    // loader and would keep serving a replaced jar's old content.
    private final Map<URL, JarFile> jars = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** A loader whose code sees no environment variables until {@code sandbox().setEnvironmentVariables} is called. */
    FunctionClassLoader(Path code, ClassLoader parent) {
        this(code, parent, Map.of());
    }

    /** @param environmentVariables what {@code System.getenv} returns to this loader's classes */
    FunctionClassLoader(Path code, ClassLoader parent, Map<String, String> environmentVariables) {
        this(code, parent, environmentVariables, null);
    }

    private FunctionClassLoader(Path code, ClassLoader parent, Map<String, String> environmentVariables, String onlyPackage) {
        super(urls(code), parent);
        this.sandbox = new FunctionSandbox(environmentVariables);
        this.onlyPackage = onlyPackage;
    }

    /**
     * The parent of every environment loader of one function: it defines only the function's copy of
     * aws-lambda-java-events, so all environments share those classes while each keeps its own handler
     * classes and static state. Sixteen concurrent environments would otherwise each load, and make the
     * JIT compile, their own copy of the event classes and their serializers.
     */
    static FunctionClassLoader sharedEvents(Path code, ClassLoader runtimeLibraries) {
        return new FunctionClassLoader(code, runtimeLibraries, Map.of(), EVENTS_PACKAGE);
    }

    @Override
    public FunctionSandbox sandbox() {
        return sandbox;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (onlyPackage != null && !name.startsWith(onlyPackage)) {
            throw new ClassNotFoundException(name); // the environment's own loader defines it
        }
        URL url = findResource(name.replace('.', '/').concat(".class"));
        if (url == null) {
            throw new ClassNotFoundException(name);
        }
        try {
            return defineRewritten(name, url);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    private Class<?> defineRewritten(String name, URL url) throws IOException {
        URLConnection connection = url.openConnection(); // not connected: opens nothing for jar: URLs
        if (connection instanceof JarURLConnection entryInJar) {
            URL jarUrl = entryInJar.getJarFileURL();
            JarFile jar = jar(jarUrl);
            JarEntry entry = jar.getJarEntry(entryInJar.getEntryName());
            if (entry == null) {
                throw new IOException(url + " is gone");
            }
            byte[] classFile;
            try (InputStream in = jar.getInputStream(entry)) {
                classFile = in.readAllBytes();
            }
            definePackageOf(name, jar.getManifest(), jarUrl);
            return define(name, classFile, new CodeSource(jarUrl, entry.getCodeSigners()));
        }
        byte[] classFile;
        try (InputStream in = connection.getInputStream()) {
            classFile = in.readAllBytes();
        }
        definePackageOf(name, null, null);
        return define(name, classFile, new CodeSource(classDirectory(url, name), (CodeSigner[]) null));
    }

    private Class<?> define(String name, byte[] classFile, CodeSource source) {
        byte[] rewritten;
        try {
            rewritten = SystemCallRewriter.rewrite(classFile);
        } catch (RuntimeException e) {
            // Defining it unrewritten would hand the function the host's environment and a working System.exit.
            ClassFormatError error = new ClassFormatError(name + ": gwemu cannot read this class file to sandbox it: " + e);
            error.initCause(e);
            throw error;
        }
        return defineClass(name, rewritten, 0, rewritten.length, source);
    }

    private void definePackageOf(String className, Manifest manifest, URL jarUrl) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String packageName = className.substring(0, dot);
        if (getDefinedPackage(packageName) != null) {
            return;
        }
        try {
            if (manifest != null) {
                definePackage(packageName, manifest, jarUrl); // Implementation-Version etc., as URLClassLoader does
            } else {
                definePackage(packageName, null, null, null, null, null, null, null);
            }
        } catch (IllegalArgumentException definedMeanwhile) {
            // another thread defined it first: parallel capable
        }
    }

    private JarFile jar(URL jarUrl) throws IOException {
        try {
            return jars.computeIfAbsent(jarUrl, url -> {
                try {
                    // runtime-versioned, as URLClassLoader opens multi-release jars
                    return new JarFile(Path.of(url.toURI()).toFile(), true, ZipFile.OPEN_READ, JarFile.runtimeVersion());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new UncheckedIOException(new IOException("not a local jar: " + url, e));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (closed) {
                closeJars(); // raced with close(): release what was just opened
            }
        }
    }

    /** The directory a class file was found in: its URL without the class's path. */
    private static URL classDirectory(URL classUrl, String className) throws MalformedURLException {
        String url = classUrl.toString();
        String path = className.replace('.', '/') + ".class";
        return url.endsWith(path) ? new URL(url.substring(0, url.length() - path.length())) : classUrl;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            super.close();
        } finally {
            closeJars();
        }
    }

    private void closeJars() {
        for (URL url : List.copyOf(jars.keySet())) {
            JarFile jar = jars.remove(url);
            if (jar != null) {
                try {
                    jar.close();
                } catch (IOException ignored) {
                    // nothing more to release
                }
            }
        }
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
