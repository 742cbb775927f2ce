package dev.gwemu.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stage's canary (canarySettings, security-and-operations.md §1.4): a share of the stage's
 * requests served as the canary deployment, with its stage variable overrides.
 *
 * @param percentTraffic         0.0-100.0: the chance that a request is a canary request
 * @param stageVariableOverrides merged over the stage's variables for canary requests (may add new ones)
 * @param deploymentId           the canary deployment's id ({@code $context.deploymentId} of canary requests)
 * @param useStageCache          whether canary requests share the stage's response cache (AWS's default: no)
 * @param resources              the canary deployment's resources when it serves another definition, or null when it
 *                               serves the stage's own
 */
public record Canary(double percentTraffic, Map<String, String> stageVariableOverrides, String deploymentId,
                     boolean useStageCache, java.util.List<Resource> resources) {
    public Canary {
        stageVariableOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(stageVariableOverrides));
        resources = resources == null ? null : java.util.List.copyOf(resources);
        if (percentTraffic < 0 || percentTraffic > 100) {
            throw new IllegalArgumentException("percentTraffic is 0.0 to 100.0, got " + percentTraffic);
        }
    }

    /** A canary serving the stage's own definition. */
    public Canary(double percentTraffic, Map<String, String> stageVariableOverrides, String deploymentId, boolean useStageCache) {
        this(percentTraffic, stageVariableOverrides, deploymentId, useStageCache, null);
    }
}
