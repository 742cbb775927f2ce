package dev.gwemu.httpapi;

import java.util.Map;

/** The route an HTTP API request resolved to and its URL-decoded path parameters (data-plane.md §3.1). */
public record HttpRouteMatch(RouteKey routeKey, Map<String, String> pathParameters) {
    public HttpRouteMatch {
        pathParameters = Map.copyOf(pathParameters);
    }
}
