package dev.gwemu.lambda;

import java.util.Collection;

/** Makes a function's execution environments, for the language the function is written in. */
interface EnvironmentLoader extends AutoCloseable {

    /** Loads the code as it is on disk now; runs none of it (that is the cold start). */
    ExecutionEnvironment load(CodeVersion codeVersion) throws FunctionLoadException;

    /** The code on disk changed: environments loaded from now on use the new code. */
    void codeChanged();

    /** Frees what replaced code left behind once none of {@code live} uses it. */
    void closeUnused(Collection<ExecutionEnvironment> live);

    @Override
    void close();
}
