package dev.gwemu.usage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The usage plans covering one API stage and their keys by value: one hash lookup finds the key and its plan for
 * this stage (there is at most one, §2.1 [doc]).
 */
final class StagePlans {
    static final StagePlans EMPTY = new StagePlans();

    /** The plans covering the stage; a {@link Binding}'s planIndex points into it. */
    final List<UsagePlan> plans;
    /** The stage's entry in each plan, aligned with {@link #plans}. */
    final List<UsagePlan.ApiStage> apiStages;
    final String apiId;
    final String stage;
    private final Map<String, Binding> byValue;

    /** A key of a plan covering this stage, and the decision that accepts it (made once, not per request). */
    record Binding(ApiKey key, int planIndex, UsageDecision accepted) {
    }

    private StagePlans() {
        plans = List.of();
        apiStages = List.of();
        apiId = null;
        stage = null;
        byValue = Map.of();
    }

    StagePlans(String apiId, String stage, List<UsagePlan> plans, ApiKeys keys) {
        this.apiId = apiId;
        this.stage = stage;
        this.plans = List.copyOf(plans);
        this.apiStages = this.plans.stream().map(p -> p.apiStage(apiId, stage)).toList();
        Map<String, Binding> values = new HashMap<>();
        Map<String, UsagePlan> planOfKey = new HashMap<>();
        for (int i = 0; i < this.plans.size(); i++) {
            UsagePlan plan = this.plans.get(i);
            for (String keyId : plan.keyIds()) {
                UsagePlan other = planOfKey.putIfAbsent(keyId, plan);
                if (other != null) {
                    throw new IllegalArgumentException("API key '" + keyId + "' is in usage plans " + other.label()
                            + " and " + plan.label() + ", which both cover stage " + stage + " of API " + apiId
                            + "; a key may be in only one usage plan per API stage");
                }
                ApiKey key = keys.byId(keyId);
                values.put(key.value(), new Binding(key, i, new UsageDecision(UsageDecision.Reason.KEY_ACCEPTED, key)));
            }
        }
        byValue = values;
    }

    /** The key with this value in a plan of the stage, or null (also for null). */
    Binding binding(String value) {
        return value == null ? null : byValue.get(value);
    }
}
