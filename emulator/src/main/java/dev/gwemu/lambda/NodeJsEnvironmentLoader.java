package dev.gwemu.lambda;

import dev.gwemu.lambda.nodejs.NodeJsEngine;
import dev.gwemu.model.FunctionSpec;

import java.util.Collection;

/** Node.js environments of one function; they share only gwemu's one GraalJS engine. */
final class NodeJsEnvironmentLoader implements EnvironmentLoader {
    private final FunctionSpec spec;
    private final String region;
    private final FunctionIdentity identity;

    NodeJsEnvironmentLoader(FunctionSpec spec, String region, FunctionIdentity identity) {
        this.spec = spec;
        this.region = region;
        this.identity = identity;
        NodeJsEngine.warmUpInBackground();
    }

    @Override
    public ExecutionEnvironment load(CodeVersion codeVersion) throws FunctionLoadException {
        return NodeJsEnvironment.load(spec, region, identity, codeVersion);
    }

    @Override
    public void codeChanged() {
        // each environment reads the files afresh at its cold start
    }

    @Override
    public void closeUnused(Collection<ExecutionEnvironment> live) {
        // nothing is shared between a function's environments
    }

    @Override
    public void close() {
        // contexts close with their environments; the engine lives as long as the process
    }
}
