package dev.gwemu.lambda;

import dev.gwemu.model.FunctionSpec;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Java environments of one function. They share one parent loader for the function's
 * aws-lambda-java-events classes (so sixteen environments do not make sixteen copies of the event
 * serialization); handler classes and static state stay per environment.
 */
final class JavaEnvironmentLoader implements EnvironmentLoader {
    private final FunctionSpec spec;
    private final ClassLoader runtimeLibraries;
    private final String region;
    private volatile FunctionClassLoader sharedLibraries; // the current code's
    private final Set<FunctionClassLoader> replaced = ConcurrentHashMap.newKeySet();

    JavaEnvironmentLoader(FunctionSpec spec, ClassLoader runtimeLibraries, String region) {
        this.spec = spec;
        this.runtimeLibraries = runtimeLibraries;
        this.region = region;
        this.sharedLibraries = FunctionClassLoader.sharedEvents(spec.code(), runtimeLibraries);
    }

    @Override
    public ExecutionEnvironment load(CodeVersion codeVersion) throws FunctionLoadException {
        return JavaEnvironment.load(spec, sharedLibraries, region, codeVersion);
    }

    @Override
    public void codeChanged() {
        FunctionClassLoader old = sharedLibraries;
        sharedLibraries = FunctionClassLoader.sharedEvents(spec.code(), runtimeLibraries);
        replaced.add(old);
    }

    /** Closes the shared loaders of replaced code once no environment uses them (classes load lazily). */
    @Override
    public void closeUnused(Collection<ExecutionEnvironment> live) {
        for (FunctionClassLoader old : replaced) {
            boolean used = live.stream().anyMatch(env -> env.classLoader().getParent() == old);
            if (!used && replaced.remove(old)) {
                closeQuietly(old);
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(sharedLibraries);
        replaced.forEach(JavaEnvironmentLoader::closeQuietly);
    }

    private static void closeQuietly(FunctionClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
