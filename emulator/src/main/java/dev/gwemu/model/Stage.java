package dev.gwemu.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deployed stage.
 *
 * @param name           the first path segment that selects it
 * @param deploymentId   6-character id of the deployment it serves
 * @param variables      stage variables; empty when it has none
 * @param throttle       the stage's default throttle (its all-methods setting), or null for none beyond the account's
 * @param methodSettings per method, keyed like {@code /pets/GET} ({@code //GET} for the root)
 * @param cache          the stage's response cache, or null when it has none
 * @param canary         the stage's canary, or null when it has none
 * @param accessLog      the stage's access log, or null when it has none
 */
public record Stage(String name, String deploymentId, Map<String, String> variables, Throttle throttle,
                    Map<String, MethodSetting> methodSettings, StageCache cache, Canary canary,
                    AccessLogSettings accessLog) {
    public Stage {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        methodSettings = Collections.unmodifiableMap(new LinkedHashMap<>(methodSettings));
    }

    /** A stage without an access log. */
    public Stage(String name, String deploymentId, Map<String, String> variables, Throttle throttle,
                 Map<String, MethodSetting> methodSettings, StageCache cache, Canary canary) {
        this(name, deploymentId, variables, throttle, methodSettings, cache, canary, null);
    }

    /** A stage with variables only. */
    public Stage(String name, String deploymentId, Map<String, String> variables) {
        this(name, deploymentId, variables, null, Map.of(), null, null);
    }

    /** The stage as its canary requests see it: the canary's deployment, its variables merged over the stage's. */
    public Stage asCanary() {
        Map<String, String> merged = new LinkedHashMap<>(variables);
        merged.putAll(canary.stageVariableOverrides());
        return new Stage(name, canary.deploymentId(), merged, throttle, methodSettings, cache, canary, accessLog);
    }
}
