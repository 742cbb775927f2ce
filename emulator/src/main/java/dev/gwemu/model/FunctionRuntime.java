package dev.gwemu.model;

import java.util.List;

/**
 * A Lambda runtime identifier as AWS spells it ({@code java17}, {@code nodejs20.x}): which language
 * runs the function, and what {@code AWS_EXECUTION_ENV} says.
 */
public record FunctionRuntime(String id) {
    /** The runtimes gwemu runs: Java in-process on this JVM, Node.js through GraalJS. */
    public static final List<String> SUPPORTED = List.of("java8.al2", "java11", "java17", "java21",
            "nodejs18.x", "nodejs20.x", "nodejs22.x");
    public static final FunctionRuntime DEFAULT = new FunctionRuntime("java17");

    public FunctionRuntime {
        if (!SUPPORTED.contains(id)) {
            throw new IllegalArgumentException("runtime '" + id + "' is not one of " + String.join(", ", SUPPORTED));
        }
    }

    public boolean isNodeJs() {
        return id.startsWith("nodejs");
    }

    /** What Lambda sets {@code AWS_EXECUTION_ENV} to, e.g. {@code AWS_Lambda_nodejs20.x}. */
    public String executionEnv() {
        return "AWS_Lambda_" + id;
    }

    @Override
    public String toString() {
        return id;
    }
}
