package dev.gwemu.routing;

import dev.gwemu.model.Method;
import dev.gwemu.model.Resource;

import java.util.Map;

/**
 * The (resource, method) pair a request resolved to.
 *
 * @param resource       the matched resource
 * @param method         its method that serves the request (possibly ANY)
 * @param pathParameters values still percent-encoded, as AWS passes them; empty when the resource has none
 */
public record RouteMatch(Resource resource, Method method, Map<String, String> pathParameters) {
}
