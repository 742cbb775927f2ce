package dev.gwemu.model;

import java.nio.file.Path;
import java.util.Map;

/**
 * A Lambda function bound in api.yaml: where its code is and how to run it.
 *
 * @param name           the function name integration URIs refer to
 * @param code           a jar, or a directory of classes (absolute)
 * @param handler        {@code com.example.Handler::method} or just the class name
 * @param timeoutSeconds Lambda's function timeout (default 3)
 * @param memoryMb       reported by {@code Context.getMemoryLimitInMB()} (default 128)
 * @param environment    environment variables the function sees
 */
public record FunctionSpec(String name, Path code, String handler, int timeoutSeconds, int memoryMb,
                           Map<String, String> environment) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 3;
    public static final int DEFAULT_MEMORY_MB = 128;

    public FunctionSpec {
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
    }
}
