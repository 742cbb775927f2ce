package dev.gwemu.model;

import java.util.Map;

/**
 * A deployed stage.
 *
 * @param name         the first path segment that selects it
 * @param deploymentId 6-character id of the deployment it serves
 * @param variables    stage variables; empty when it has none
 */
public record Stage(String name, String deploymentId, Map<String, String> variables) {
    public Stage {
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    }
}
