package dev.gwemu.integration;

import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;


/**
 * {@code AWS_PROXY}: sends the request to a Lambda function as the payload 1.0 event and turns its
 * result into the response (data-plane.md §2). The function runs in-process in the {@link LambdaRuntime}.
 */
public final class LambdaProxyIntegration implements IntegrationHandler {
    private final LambdaTargets targets;
    private final ProxyEventWriter events;
    private final BinaryMediaTypes binaryMediaTypes;

    public LambdaProxyIntegration(LambdaRuntime runtime, String accountId, BinaryMediaTypes binaryMediaTypes) {
        this.targets = new LambdaTargets(runtime);
        this.binaryMediaTypes = binaryMediaTypes;
        this.events = new ProxyEventWriter(accountId, binaryMediaTypes);
    }

    @Override
    public HttpResponse call(Invocation inv) {
        InvokeResult result = targets.invoke(inv, events.write(inv));
        if (result.functionError()) {
            throw GatewayException.badLambdaResponse("Lambda execution failed due to customer function error: "
                    + new String(result.payload(), java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpResponse response = ProxyResponseReader.read(result.payload(),
                binaryMediaTypes.matchesFirstAccept(inv.request().headers().first("Accept")));
        inv.traced(true);
        return response;
    }
}
