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
 * @param reservedConcurrency the most execution environments (concurrent invocations) the function may
 *                       have, 0..1000; null when unreserved (no cap). Calls over it are throttled.
 * @param inheritEnvironment names of the host's environment variables the function also sees (none by
 *                       default: a Lambda function does not see the developer's shell)
 * @param runtime        the Lambda runtime: Java (the handler is a class) or Node.js ({@code file.export})
 */
public record FunctionSpec(String name, Path code, String handler, int timeoutSeconds, int memoryMb,
                           Map<String, String> environment, Integer reservedConcurrency,
                           java.util.List<String> inheritEnvironment, FunctionRuntime runtime) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 3;
    public static final int DEFAULT_MEMORY_MB = 128;
    public static final int MAX_RESERVED_CONCURRENCY = 1000;

    public FunctionSpec {
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        inheritEnvironment = java.util.List.copyOf(inheritEnvironment);
        if (reservedConcurrency != null && (reservedConcurrency < 0 || reservedConcurrency > MAX_RESERVED_CONCURRENCY)) {
            throw new IllegalArgumentException("reservedConcurrency must be 0.." + MAX_RESERVED_CONCURRENCY
                    + ", got " + reservedConcurrency);
        }
        java.util.Objects.requireNonNull(runtime, "runtime");
    }

    /** A Java function. */
    public FunctionSpec(String name, Path code, String handler, int timeoutSeconds, int memoryMb,
                        Map<String, String> environment, Integer reservedConcurrency,
                        java.util.List<String> inheritEnvironment) {
        this(name, code, handler, timeoutSeconds, memoryMb, environment, reservedConcurrency, inheritEnvironment,
                FunctionRuntime.DEFAULT);
    }

    /** A function that inherits nothing from the host's environment. */
    public FunctionSpec(String name, Path code, String handler, int timeoutSeconds, int memoryMb,
                        Map<String, String> environment, Integer reservedConcurrency) {
        this(name, code, handler, timeoutSeconds, memoryMb, environment, reservedConcurrency, java.util.List.of());
    }

    /** An unreserved function (no concurrency cap). */
    public FunctionSpec(String name, Path code, String handler, int timeoutSeconds, int memoryMb,
                        Map<String, String> environment) {
        this(name, code, handler, timeoutSeconds, memoryMb, environment, null);
    }
}
