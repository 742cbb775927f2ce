package dev.gwemu.lambda;

import dev.gwemu.lambda.sandbox.SandboxBridge;

/**
 * The parent of every function's class loader: the JDK plus the two libraries Lambda's Java
 * runtime itself carries (aws-lambda-java-core and aws-lambda-java-serialization), taken from
 * gwemu's own class path. Everything else of gwemu (Undertow, Jackson, slf4j ...) stays invisible.
 *
 * <p>Core classes must come from here, not from a fat jar, so that {@code Context},
 * {@code RequestHandler} ... are the same types on both sides, exactly as in Lambda where the
 * runtime sits on the parent class path. Event classes ({@code ...runtime.events}) are not part of
 * the runtime: they always come from the function's own code.
 *
 * <p>The one gwemu class it shows is {@link SandboxBridge}: function code is rewritten to call it
 * instead of {@code System.getenv} and {@code System.exit}.
 */
final class RuntimeLibrariesClassLoader extends ClassLoader {
    private static final String RUNTIME_PACKAGE = "com.amazonaws.services.lambda.runtime.";
    private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";
    // aws-lambda-java-serialization shades its Jackson, Gson and org.json here.
    private static final String SERIALIZATION_THIRD_PARTY = "com.amazonaws.lambda.thirdparty.";
    private static final String SANDBOX_BRIDGE = SandboxBridge.class.getName();

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader runtimeLibraries;

    /** @param runtimeLibraries the loader that holds gwemu's copies of core and serialization */
    RuntimeLibrariesClassLoader(ClassLoader runtimeLibraries) {
        super("lambda-runtime-libraries", ClassLoader.getPlatformClassLoader());
        this.runtimeLibraries = runtimeLibraries;
    }

    static boolean isRuntimeLibraryClass(String className) {
        return (className.startsWith(RUNTIME_PACKAGE) && !className.startsWith(EVENTS_PACKAGE))
                || className.startsWith(SERIALIZATION_THIRD_PARTY);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals(SANDBOX_BRIDGE)) {
            return SandboxBridge.class;
        }
        if (isRuntimeLibraryClass(name)) {
            return runtimeLibraries.loadClass(name);
        }
        return super.loadClass(name, resolve); // the platform loader, then nothing
    }
}
