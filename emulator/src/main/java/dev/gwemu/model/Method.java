package dev.gwemu.model;

/**
 * A method of a resource.
 *
 * @param httpMethod    GET, POST, ... or ANY
 * @param operationName the OpenAPI operationId, or null
 * @param integration   what the method calls
 */
public record Method(String httpMethod, String operationName, Integration integration) {
}
