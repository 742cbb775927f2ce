package dev.gwemu.httpapi;

import dev.gwemu.integration.HttpBackend;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.HttpRoute;
import dev.gwemu.model.IntegrationType;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Step;

import java.util.List;

/**
 * Calls the route's integration, Lambda or HTTP, with the request its parameter mapping makes, and keeps the
 * response its response mapping makes as the client's.
 */
public final class HttpApiIntegrationStep implements Step {
    private final HttpApiIntegration lambda;
    private final HttpApiIntegration http;
    private final HttpParameterMappings mappings;

    /** @throws IllegalArgumentException for a parameter mapping AWS refuses (checked at load) */
    public HttpApiIntegrationStep(List<HttpRoute> routes, LambdaRuntime runtime, String accountId, HttpBackend backend) {
        this.lambda = new HttpApiLambdaIntegration(runtime, accountId);
        this.http = new HttpApiProxyIntegration(backend);
        this.mappings = new HttpParameterMappings(routes, accountId);
    }

    @Override
    public void apply(Invocation inv) {
        IntegrationType type = inv.httpRoute().route().integration().type();
        HttpRequest request = mappings.request(inv);
        long started = System.nanoTime();
        HttpResponse response = null;
        try {
            response = (type == IntegrationType.AWS_PROXY ? lambda : http).call(inv, request);
        } finally {
            inv.integrationTook(System.nanoTime() - started, response == null ? 0 : response.status()); // for access logs
        }
        inv.response(mappings.response(inv, response));
    }
}
