package dev.gwemu.model;

/**
 * One route of an HTTP API: its key, what it is integrated with and who may call it.
 *
 * @param routeKey      {@code GET /pets/{id}}, {@code ANY /{proxy+}} or {@code $default}
 * @param operationId   the OpenAPI operationId, or null
 * @param integration   the route's integration
 * @param authorization the route's authorization
 */
public record HttpRoute(String routeKey, String operationId, HttpIntegrationSpec integration,
                        RouteAuthorization authorization) {
}
