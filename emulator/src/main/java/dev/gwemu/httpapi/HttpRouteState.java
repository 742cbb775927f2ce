package dev.gwemu.httpapi;

import dev.gwemu.model.HttpRoute;

import java.util.Map;

/**
 * What the HTTP API road learns about a request once its route is known: the route, its decoded path parameters,
 * and what the route's authorizer tells the integration in each payload format (data-plane.md §3.2).
 */
public final class HttpRouteState {
    private final HttpRoute route;
    private final Map<String, String> pathParameters;
    private Map<String, Object> authorizerV2;
    private Map<String, Object> authorizerV1;

    public HttpRouteState(HttpRoute route, Map<String, String> pathParameters) {
        this.route = route;
        this.pathParameters = pathParameters;
    }

    public HttpRoute route() {
        return route;
    }

    /** {@code GET /pets/{id}}, {@code $default}. */
    public String routeKey() {
        return route.routeKey();
    }

    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    /**
     * @param v2 {@code requestContext.authorizer} of a 2.0 event ({@code {"jwt": ...}}, {@code {"lambda": ...}},
     *           {@code {"iam": ...}})
     * @param v1 {@code requestContext.authorizer} of a 1.0 event, or null for none
     */
    public void authorizer(Map<String, Object> v2, Map<String, Object> v1) {
        this.authorizerV2 = v2;
        this.authorizerV1 = v1;
    }

    /** Null when no authorizer ran. */
    public Map<String, Object> authorizerV2() {
        return authorizerV2;
    }

    public Map<String, Object> authorizerV1() {
        return authorizerV1;
    }
}
