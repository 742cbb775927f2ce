package dev.gwemu.httpapi;

import dev.gwemu.integration.HttpBackend;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.IntegrationType;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Step;

/** Calls the route's integration, Lambda or HTTP, and keeps its response as the client's. */
public final class HttpApiIntegrationStep implements Step {
    private final HttpApiIntegration lambda;
    private final HttpApiIntegration http;

    public HttpApiIntegrationStep(LambdaRuntime runtime, String accountId, HttpBackend backend) {
        this.lambda = new HttpApiLambdaIntegration(runtime, accountId);
        this.http = new HttpApiProxyIntegration(backend);
    }

    @Override
    public void apply(Invocation inv) {
        IntegrationType type = inv.httpRoute().route().integration().type();
        inv.response((type == IntegrationType.AWS_PROXY ? lambda : http).call(inv));
    }
}
