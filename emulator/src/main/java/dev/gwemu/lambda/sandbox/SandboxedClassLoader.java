package dev.gwemu.lambda.sandbox;

/**
 * A class loader whose classes call {@link SandboxBridge} instead of {@code System.getenv} and
 * {@code System.exit}: the bridge finds the calling class's loader and asks it for its sandbox.
 */
public interface SandboxedClassLoader {
    /** The state of the execution environment this loader belongs to. */
    FunctionSandbox sandbox();
}
