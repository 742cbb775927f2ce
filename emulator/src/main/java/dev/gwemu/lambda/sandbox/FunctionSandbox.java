package dev.gwemu.lambda.sandbox;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one execution environment's code sees in place of the process: its environment variables,
 * and whether it has asked the process to end ({@code System.exit}, {@code Runtime.halt} ...).
 *
 * <p>The exit is remembered even when the function catches the {@link FunctionExitError}: in Lambda
 * nothing runs after the exit, so the invocation fails and the environment is discarded regardless.
 */
public final class FunctionSandbox {
    private volatile Map<String, String> environmentVariables;
    private final AtomicReference<Integer> exitStatus = new AtomicReference<>();

    public FunctionSandbox(Map<String, String> environmentVariables) {
        setEnvironmentVariables(environmentVariables);
    }

    /** What {@code System.getenv()} returns to the function: unmodifiable, sorted by name. */
    public Map<String, String> environmentVariables() {
        return environmentVariables;
    }

    /**
     * Replaces the variables, e.g. once the log stream name is known. Call it before the function's
     * code runs: a class that has already read a variable keeps what it read.
     */
    public void setEnvironmentVariables(Map<String, String> variables) {
        // A TreeMap rejects null names as System.getenv() does (NullPointerException).
        this.environmentVariables = Collections.unmodifiableMap(new TreeMap<>(variables));
    }

    /** The status of the first exit the function's code asked for, if it did. */
    public OptionalInt exitStatus() {
        Integer status = exitStatus.get();
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** Records the exit (the first one wins, as the process would have ended there) and returns what to throw. */
    FunctionExitError exit(int status) {
        exitStatus.compareAndSet(null, status);
        return new FunctionExitError(exitStatus.get());
    }
}
