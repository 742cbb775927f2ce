package dev.gwemu.lambda.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * The real function class loaders of {@code dev.gwemu.lambda} (package-private there, hence reflection)
 * over the test handler jars built by testdata/handlers.
 */
final class FunctionLoaders {
    static final String PACKAGE = "dev.gwemu.testhandlers.";

    private FunctionLoaders() {
    }

    /** A FunctionClassLoader over {@code code} whose parent is the runtime-libraries loader, as in the runtime. */
    static URLClassLoader open(Path code, Map<String, String> variables) {
        try {
            Class<?> parentType = Class.forName("dev.gwemu.lambda.RuntimeLibrariesClassLoader");
            Constructor<?> parentConstructor = parentType.getDeclaredConstructor(ClassLoader.class);
            parentConstructor.setAccessible(true);
            ClassLoader parent = (ClassLoader) parentConstructor.newInstance(FunctionLoaders.class.getClassLoader());

            Class<?> loaderType = Class.forName("dev.gwemu.lambda.FunctionClassLoader");
            Constructor<?> constructor = loaderType.getDeclaredConstructor(Path.class, ClassLoader.class, Map.class);
            constructor.setAccessible(true);
            return (URLClassLoader) constructor.newInstance(code, parent, variables);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static FunctionSandbox sandbox(ClassLoader loader) {
        return ((SandboxedClassLoader) loader).sandbox();
    }

    static Path lean() {
        Path jar = Path.of("..", "testdata", "handlers", "target", "test-handlers-lean.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + ": build the handlers first "
                    + "(cd /work/main && mvn -B -o -DskipTests package)");
        }
        return jar;
    }

    /** A test handler's class file as it is in the lean jar. */
    static byte[] classFile(String simpleName) throws IOException {
        try (JarFile jar = new JarFile(lean().toFile());
             InputStream in = jar.getInputStream(jar.getJarEntry("dev/gwemu/testhandlers/" + simpleName + ".class"))) {
            return in.readAllBytes();
        }
    }
}
