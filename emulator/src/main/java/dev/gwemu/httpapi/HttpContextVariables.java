package dev.gwemu.httpapi;

import dev.gwemu.auth.CallerIdentity;
import dev.gwemu.pipeline.ContextVariables;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.RequestTime;

import java.util.Map;
import java.util.function.Function;

/**
 * The {@code $context} variables of an HTTP API request, as parameter mapping and Lambda authorizer identity sources
 * read them (AWS docs "Customizing HTTP API access logs", the variables API Gateway supports for HTTP APIs):
 * request ids, route, stage, API, the caller and what its authorizer returned. Unknown names resolve to null.
 */
public final class HttpContextVariables implements Function<String, String> {
    private final Invocation inv;
    private final String accountId;

    public HttpContextVariables(Invocation inv, String accountId) {
        this.inv = inv;
        this.accountId = accountId;
    }

    @Override
    public String apply(String name) {
        CallerIdentity caller = inv.caller();
        HttpRouteState route = inv.httpRoute();
        String host = inv.request().host();
        return switch (name) {
            case "accountId" -> accountId;
            case "apiId" -> inv.api().id();
            case "domainName" -> host;
            case "domainPrefix" -> ContextVariables.domainPrefix(host);
            case "extendedRequestId", "requestId" -> inv.ids().extendedRequestId();
            case "httpMethod" -> inv.request().method();
            case "path" -> inv.request().rawPath();
            case "protocol" -> inv.request().protocol();
            case "requestTime" -> RequestTime.format(inv.ids().requestTime());
            case "requestTimeEpoch" -> Long.toString(inv.ids().requestTime().toEpochMilli());
            case "routeKey" -> route == null ? null : route.routeKey();
            case "stage" -> inv.stage().name();
            case "identity.sourceIp" -> inv.request().sourceIp();
            case "identity.userAgent" -> inv.request().headers().first("User-Agent");
            case "identity.accountId" -> caller == null ? null : caller.accountId();
            case "identity.caller", "identity.user" -> caller == null ? null : caller.caller();
            case "identity.userArn" -> caller == null ? null : caller.userArn();
            case "identity.accessKey" -> caller == null ? null : caller.accessKey();
            default -> name.startsWith("authorizer.") ? authorizer(route, name.substring("authorizer.".length())) : null;
        };
    }

    /**
     * {@code $context.authorizer.claims.x} (JWT), {@code $context.authorizer.x} (a Lambda authorizer's context) and
     * {@code $context.authorizer.principalId}, read from the 1.0 view, where both are flat.
     */
    private static String authorizer(HttpRouteState route, String key) {
        Map<String, Object> flat = route == null ? null : route.authorizerV1();
        if (flat == null) {
            return null;
        }
        Object value;
        if (key.startsWith("claims.") && flat.get("claims") instanceof Map<?, ?> claims) {
            value = claims.get(key.substring("claims.".length()));
        } else {
            value = flat.get(key);
        }
        return value == null ? null : value.toString();
    }
}
