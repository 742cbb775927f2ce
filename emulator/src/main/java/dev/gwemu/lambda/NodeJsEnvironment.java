package dev.gwemu.lambda;

import dev.gwemu.lambda.nodejs.NodeJsHandler;
import dev.gwemu.lambda.nodejs.NodeJsModule;
import dev.gwemu.lambda.sandbox.LambdaEnvironmentVariables;
import dev.gwemu.model.FunctionSpec;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.OptionalInt;

/**
 * A Node.js execution environment: one GraalJS context with the function's module loaded in it.
 * Loading only finds the handler's file; the cold start creates the context and runs the module.
 */
final class NodeJsEnvironment extends ExecutionEnvironment {
    private final NodeJsHandler handler;

    private NodeJsEnvironment(NodeJsHandler handler, String logStreamName, CodeVersion codeVersion, long loadNanos) {
        super(logStreamName, codeVersion, loadNanos);
        this.handler = handler;
    }

    static NodeJsEnvironment load(FunctionSpec spec, String region, FunctionIdentity identity, CodeVersion codeVersion)
            throws FunctionLoadException {
        if (spec.code() == null || !Files.isDirectory(spec.code())) {
            throw new FunctionLoadException(spec.name(), spec.code(), "code not found (no such directory; a Node.js "
                    + "function's code is the folder its handler file is in)");
        }
        long started = System.nanoTime();
        NodeJsModule module;
        try {
            module = NodeJsModule.locate(spec.code(), spec.handler());
        } catch (IllegalArgumentException e) {
            throw new FunctionLoadException(spec.name(), spec.code(), "handler " + spec.handler() + ": " + e.getMessage());
        }
        String logStreamName = newLogStreamName();
        NodeJsHandler handler = new NodeJsHandler(module, spec.code(),
                LambdaEnvironmentVariables.of(spec, region, logStreamName, System.getenv()),
                line -> identity.logger().log(line));
        return new NodeJsEnvironment(handler, logStreamName, codeVersion, System.nanoTime() - started);
    }

    @Override
    protected byte[] initialise() {
        try {
            return handler.initialise();
        } catch (RuntimeException | LinkageError e) {
            return FunctionErrorPayload.ofInitFailure(e); // GraalJS could not start
        }
    }

    @Override
    void handle(InputStream input, OutputStream output, LambdaContext context) throws Throwable {
        NodeJsHandler.Outcome outcome = handler.invoke(input.readAllBytes(), context.getAwsRequestId(),
                context.getInvokedFunctionArn(), context.deadlineMillis());
        if (handler.crashed()) {
            retire(); // an uncaught error ended the runtime process
        }
        if (outcome.failed()) {
            throw new FunctionErrorException(outcome.error());
        }
        output.write(outcome.response());
    }

    @Override
    OptionalInt exitStatus() {
        return handler.exitStatus();
    }

    @Override
    ClassLoader classLoader() {
        return null;
    }

    @Override
    void abort() {
        handler.cancel();
    }

    @Override
    protected void closeResources() {
        handler.close();
    }
}
