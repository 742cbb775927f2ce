package dev.gwemu.lambda.sandbox;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What function code calls instead of {@code System.getenv}, {@code System.exit},
 * {@code Runtime.exit} and {@code Runtime.halt} once {@link SystemCallRewriter} has rewritten it.
 * The only gwemu class a function's class loader can see, so it must stay small and public.
 *
 * <p>The rewritten call passes its own class; that class's loader is one execution environment's,
 * and holds that environment's variables. Code not loaded by a {@link SandboxedClassLoader} gets
 * no variables at all: the host's never leak through here.
 */
public final class SandboxBridge {
    private static final FunctionSandbox NO_SANDBOX = new FunctionSandbox(Map.of());
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private SandboxBridge() {
    }

    /** Replaces {@code System.getenv(name)}. */
    public static String getenv(String name, Class<?> caller) {
        return sandboxOf(caller).environmentVariables().get(Objects.requireNonNull(name, "name"));
    }

    /** Replaces {@code System.getenv()}. */
    public static Map<String, String> getenv(Class<?> caller) {
        return sandboxOf(caller).environmentVariables();
    }

    /** Replaces {@code System.exit(status)} and, with the receiver dropped, {@code Runtime.exit} and {@code Runtime.halt}. */
    public static void exit(int status, Class<?> caller) {
        throw exitError(status, sandboxOf(caller));
    }

    // Targets of rewritten method references (System::getenv ...): a lambda's class is hidden and
    // its calls carry no caller, so the nearest frame of function code on the stack is the caller.

    /** Replaces the method reference {@code System::getenv} taking a name. */
    public static String getenv(String name) {
        return sandboxOnStack().environmentVariables().get(Objects.requireNonNull(name, "name"));
    }

    /** Replaces the method reference {@code System::getenv} taking nothing. */
    public static Map<String, String> getenv() {
        return sandboxOnStack().environmentVariables();
    }

    /** Replaces the method reference {@code System::exit}. */
    public static void exit(int status) {
        throw exitError(status, sandboxOnStack());
    }

    /** Replaces the method references {@code Runtime::exit} and {@code Runtime::halt} (bound or not). */
    public static void exit(Runtime runtime, int status) {
        Objects.requireNonNull(runtime); // as invoking a method on null would
        throw exitError(status, sandboxOnStack());
    }

    private static FunctionExitError exitError(int status, FunctionSandbox sandbox) {
        return sandbox == NO_SANDBOX ? new FunctionExitError(status) : sandbox.exit(status);
    }

    private static FunctionSandbox sandboxOf(Class<?> caller) {
        return caller.getClassLoader() instanceof SandboxedClassLoader loader ? loader.sandbox() : NO_SANDBOX;
    }

    private static FunctionSandbox sandboxOnStack() {
        Optional<FunctionSandbox> found = STACK.walk(frames -> frames
                .map(frame -> frame.getDeclaringClass().getClassLoader())
                .filter(SandboxedClassLoader.class::isInstance)
                .map(loader -> ((SandboxedClassLoader) loader).sandbox())
                .findFirst());
        return found.orElse(NO_SANDBOX);
    }
}
