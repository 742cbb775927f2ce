package dev.gwemu.lambda;

import dev.gwemu.model.FunctionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The test handler jars built by testdata/handlers, and specs for functions in them. */
final class HandlerJars {
    static final String PACKAGE = "dev.gwemu.testhandlers.";

    private HandlerJars() {
    }

    /** Only the handler classes: aws-lambda-java-core comes from the runtime, as in Lambda. */
    static Path lean() {
        return jar("test-handlers-lean.jar");
    }

    /** The handlers shaded with aws-lambda-java-core and aws-lambda-java-events. */
    static Path fat() {
        return jar("test-handlers-fat.jar");
    }

    static FunctionSpec spec(String name, Path code, String handler) {
        return spec(name, code, handler, FunctionSpec.DEFAULT_TIMEOUT_SECONDS);
    }

    static FunctionSpec spec(String name, Path code, String handler, int timeoutSeconds) {
        return new FunctionSpec(name, code, handler.contains(".") ? handler : PACKAGE + handler, timeoutSeconds,
                FunctionSpec.DEFAULT_MEMORY_MB, Map.of());
    }

    private static Path jar(String name) {
        // surefire runs in the emulator module directory
        Path jar = Path.of("..", "testdata", "handlers", "target", name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + ": build the handlers first "
                    + "(cd /work/main && mvn -B -o -DskipTests package)");
        }
        return jar;
    }
}
