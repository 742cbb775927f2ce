package dev.gwemu.httpapi;

import dev.gwemu.integration.HttpBackend;
import dev.gwemu.integration.aws.AwsServiceBackends;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.HttpIntegrationSpec;
import dev.gwemu.model.HttpRoute;
import dev.gwemu.model.IntegrationType;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Step;

import java.util.List;

/**
 * Calls the route's integration, Lambda, HTTP or an AWS service action ({@code integrationSubtype}), with the request its parameter mapping makes, and keeps the
 * response its response mapping makes as the client's.
 */
public final class HttpApiIntegrationStep implements Step {
    private final HttpApiIntegration lambda;
    private final HttpApiIntegration http;
    private final HttpApiIntegration service;
    private final HttpParameterMappings mappings;

    /**
     * @param aws    where AWS service integrations' calls go (captured or forwarded)
     * @param region the API's region: the services' unless a route's {@code Region} parameter says another
     * @throws IllegalArgumentException for a parameter mapping AWS refuses (checked at load)
     */
    public HttpApiIntegrationStep(List<HttpRoute> routes, LambdaRuntime runtime, String accountId, HttpBackend backend,
                                  AwsServiceBackends aws, String region) {
        this.lambda = new HttpApiLambdaIntegration(runtime, accountId);
        this.http = new HttpApiProxyIntegration(backend);
        this.service = new HttpApiServiceIntegration(routes, aws, accountId, region);
        this.mappings = new HttpParameterMappings(routes, accountId);
    }

    @Override
    public void apply(Invocation inv) {
        HttpIntegrationSpec integration = inv.httpRoute().route().integration();
        HttpRequest request = mappings.request(inv);
        long started = System.nanoTime();
        HttpResponse response = null;
        try {
            HttpApiIntegration target = integration.callsAwsService() ? service
                    : integration.type() == IntegrationType.AWS_PROXY ? lambda : http;
            response = target.call(inv, request);
        } finally {
            inv.integrationTook(System.nanoTime() - started, response == null ? 0 : response.status()); // for access logs
        }
        inv.response(mappings.response(inv, response));
    }
}
