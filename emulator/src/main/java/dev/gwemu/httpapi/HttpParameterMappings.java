package dev.gwemu.httpapi;

import dev.gwemu.httpapi.mapping.MappedRequest;
import dev.gwemu.httpapi.mapping.MappingSources;
import dev.gwemu.httpapi.mapping.RequestParameterMapping;
import dev.gwemu.httpapi.mapping.ResponseParameterMapping;
import dev.gwemu.model.HttpRoute;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each route's parameter mapping (AWS docs "Transform API requests and responses for HTTP APIs"), compiled once:
 * the request the integration receives and the response the client receives.
 */
final class HttpParameterMappings {
    private record Compiled(RequestParameterMapping request, ResponseParameterMapping response) {
    }

    private final Map<String, Compiled> byRoute = new HashMap<>();
    private final String accountId;

    /** @throws IllegalArgumentException for a mapping AWS refuses (checked at load) */
    HttpParameterMappings(List<HttpRoute> routes, String accountId) {
        this.accountId = accountId;
        for (HttpRoute route : routes) {
            // An AWS service integration's requestParameters are its action's parameters, not a request rewrite.
            RequestParameterMapping request = route.integration().callsAwsService() ? RequestParameterMapping.NONE
                    : RequestParameterMapping.compile(route.integration().requestParameters());
            ResponseParameterMapping response = ResponseParameterMapping.compile(route.integration().responseParameters());
            if (!request.isEmpty() || !response.isEmpty()) {
                byRoute.put(route.routeKey(), new Compiled(request, response));
            }
        }
    }

    /** The request as the integration receives it: the client's, or its mapped copy. */
    HttpRequest request(Invocation inv) {
        Compiled compiled = byRoute.get(inv.httpRoute().routeKey());
        if (compiled == null || compiled.request().isEmpty()) {
            return inv.request();
        }
        MappedRequest mapped = compiled.request().apply(sources(inv));
        HttpRequest in = inv.request();
        String path = mapped.path() == null ? in.rawPath() : mapped.path().startsWith("/") ? mapped.path() : "/" + mapped.path();
        return new HttpRequest(in.method(), path, mapped.rawQuery(), mapped.headers(), in.body(), in.sourceIp(),
                in.protocol(), in.scheme(), in.serverPort());
    }

    /** The response as the client receives it. */
    HttpResponse response(Invocation inv, HttpResponse integration) {
        Compiled compiled = byRoute.get(inv.httpRoute().routeKey());
        return compiled == null || compiled.response().isEmpty() ? integration
                : compiled.response().apply(integration, sources(inv));
    }

    private MappingSources sources(Invocation inv) {
        return new MappingSources(inv.request(), inv.routingPath(), inv.httpRoute().pathParameters(),
                inv.stage().variables(), new HttpContextVariables(inv, accountId));
    }
}
