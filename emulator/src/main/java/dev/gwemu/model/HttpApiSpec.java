package dev.gwemu.model;

import dev.gwemu.httpapi.CorsConfiguration;

import java.util.List;

/**
 * What an HTTP API (v2) has beyond what every API has (data-plane.md §3).
 *
 * @param routes every route, {@code $default} included, in definition order
 * @param cors   {@code x-amazon-apigateway-cors}, or null when CORS is not configured
 */
public record HttpApiSpec(List<HttpRoute> routes, CorsConfiguration cors) {
    public HttpApiSpec {
        routes = List.copyOf(routes);
    }
}
