package dev.gwemu.model;

import java.util.Map;

/**
 * A method response a status may be answered with.
 *
 * @param statusCode         e.g. "200"
 * @param responseParameters {@code method.response.header.NAME} to whether it is required
 */
public record MethodResponse(String statusCode, Map<String, Boolean> responseParameters) {
    public MethodResponse {
        responseParameters = Map.copyOf(responseParameters);
    }
}
