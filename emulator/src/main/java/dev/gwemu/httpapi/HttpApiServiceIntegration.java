package dev.gwemu.httpapi;

import dev.gwemu.httpapi.mapping.ActionParameters;
import dev.gwemu.httpapi.mapping.MappingSources;
import dev.gwemu.integration.LambdaFunctionUri;
import dev.gwemu.integration.aws.AwsServiceBackends;
import dev.gwemu.integration.aws.IntegrationSubtype;
import dev.gwemu.integration.aws.ServiceAnswer;
import dev.gwemu.integration.aws.ServiceCall;
import dev.gwemu.integration.aws.SubtypeCalls;
import dev.gwemu.model.HttpIntegrationSpec;
import dev.gwemu.model.HttpRoute;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP API route's first-class AWS service integration ({@code integrationSubtype}): its parameters are read
 * from the client's request, the action is called through {@link AwsServiceBackends} (captured or forwarded as
 * api.yaml's {@code awsServices} says), and the service's status, body and Content-Type go back to the client [E].
 */
final class HttpApiServiceIntegration implements HttpApiIntegration {
    private record Compiled(IntegrationSubtype subtype, ActionParameters parameters) {
    }

    private final AwsServiceBackends backends;
    private final String accountId;
    private final String region;
    private final Map<String, Compiled> byRoute = new HashMap<>();

    /** @throws IllegalArgumentException for a subtype or parameter value AWS refuses (checked at load) */
    HttpApiServiceIntegration(List<HttpRoute> routes, AwsServiceBackends backends, String accountId, String region) {
        this.backends = backends;
        this.accountId = accountId;
        this.region = region;
        for (HttpRoute route : routes) {
            HttpIntegrationSpec spec = route.integration();
            if (spec.callsAwsService()) {
                IntegrationSubtype subtype = IntegrationSubtype.named(spec.integrationSubtype());
                if (subtype == null) {
                    throw new IllegalArgumentException(route.routeKey() + ": unknown integrationSubtype " + spec.integrationSubtype());
                }
                byRoute.put(route.routeKey(), new Compiled(subtype, ActionParameters.compile(spec.requestParameters())));
            }
        }
    }

    @Override
    public HttpResponse call(Invocation inv, HttpRequest request) {
        HttpRouteState state = inv.httpRoute();
        Compiled compiled = byRoute.get(state.routeKey());
        HttpIntegrationSpec spec = state.route().integration();
        Map<String, String> values = compiled.parameters().evaluate(new MappingSources(inv.request(), inv.routingPath(),
                state.pathParameters(), inv.stage().variables(), new HttpContextVariables(inv, accountId)));
        String credentials = spec.credentials() == null ? null
                : LambdaFunctionUri.substitute(spec.credentials(), inv.stage().variables());
        ServiceCall call = SubtypeCalls.build(compiled.subtype(), values, region, credentials, inv.api().id(),
                inv.ids().traceRoot());
        ServiceAnswer answer;
        try {
            answer = backends.forService(call.service()).send(call, spec.timeoutMillis());
        } catch (GatewayException e) {
            // As for HTTP proxies: no answer in time is 503, any other failure 500, in the HTTP API's words.
            throw e.status() == 504 ? HttpApiErrors.serviceUnavailable(e.detail()) : HttpApiErrors.internalServerError(e.detail());
        }
        HeaderList headers = new HeaderList();
        List<String> type = header(answer.headers(), "Content-Type");
        if (type != null && !type.isEmpty()) {
            headers.add("Content-Type", type.get(0));
        }
        return new HttpResponse(answer.status(), headers, answer.body());
    }

    private static List<String> header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
