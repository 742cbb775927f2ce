package dev.gwemu.usage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The usage plans of one gateway with their keys, checked and indexed at load (security-and-operations.md §2.1):
 * every key a plan names exists, plan ids are unique, and a key is in at most one plan per API stage [doc]
 * (AWS answers ConflictException). Immutable; {@link #validateKey} is §2.2's algorithm.
 */
public final class UsagePlans {
    public static final UsagePlans NONE = new UsagePlans(ApiKeys.NONE, List.of());

    private final ApiKeys keys;
    private final List<UsagePlan> plans;
    private final Map<String, UsagePlan> byId;
    /** apiId → stage → the plans covering it and their keys by value. */
    private final Map<String, Map<String, StagePlans>> stages;

    /**
     * @throws IllegalArgumentException naming the plan and key or stage, when a plan id repeats, a plan names a key
     *                                  that {@code keys} lacks, or a key is in two plans covering one API stage
     */
    public UsagePlans(ApiKeys keys, List<UsagePlan> plans) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.plans = List.copyOf(plans);
        Map<String, UsagePlan> ids = new LinkedHashMap<>();
        Map<String, Map<String, List<UsagePlan>>> covering = new HashMap<>();
        for (UsagePlan plan : this.plans) {
            if (ids.putIfAbsent(plan.id(), plan) != null) {
                throw new IllegalArgumentException("usage plan id '" + plan.id() + "' is used by two plans");
            }
            for (String keyId : plan.keyIds()) {
                if (keys.byId(keyId) == null) {
                    throw new IllegalArgumentException("usage plan " + plan.label() + " names API key '" + keyId
                            + "', which does not exist");
                }
            }
            for (UsagePlan.ApiStage s : plan.apiStages()) {
                covering.computeIfAbsent(s.apiId(), a -> new HashMap<>())
                        .computeIfAbsent(s.stage(), t -> new ArrayList<>()).add(plan);
            }
        }
        byId = ids;
        Map<String, Map<String, StagePlans>> index = new HashMap<>();
        covering.forEach((apiId, byStage) -> byStage.forEach((stage, stagePlans) ->
                index.computeIfAbsent(apiId, a -> new HashMap<>())
                        .put(stage, new StagePlans(apiId, stage, stagePlans, keys))));
        stages = index;
    }

    public ApiKeys keys() {
        return keys;
    }

    /** Every plan, in the order given. */
    public List<UsagePlan> plans() {
        return plans;
    }

    /** The plan with this id, or null. */
    public UsagePlan plan(String id) {
        return byId.get(id);
    }

    /** Whether some plan covers this API stage. */
    public boolean covers(String apiId, String stage) {
        return stage(apiId, stage) != StagePlans.EMPTY;
    }

    /**
     * §2.2's validation of the key supplied to a method with {@code apiKeyRequired}: no value (null or empty) →
     * forbidden; no plan of this API stage has a key with the value → forbidden; the key is disabled → forbidden
     * [snap]; otherwise accepted with the key.
     */
    public UsageDecision validateKey(String apiId, String stage, String apiKeyValue) {
        StagePlans plans = stage(apiId, stage);
        StagePlans.Binding binding = plans.binding(apiKeyValue);
        return binding != null && binding.key().enabled() ? binding.accepted() : refuse(plans, apiKeyValue);
    }

    /** The refusal, with its reason, of a value that {@code plans} did not accept. */
    UsageDecision refuse(StagePlans plans, String apiKeyValue) {
        if (apiKeyValue == null || apiKeyValue.isEmpty()) {
            return UsageDecision.MISSING_KEY;
        }
        if (plans.binding(apiKeyValue) != null) {
            return UsageDecision.KEY_DISABLED;
        }
        return keys.byValue(apiKeyValue) == null ? UsageDecision.UNKNOWN_KEY : UsageDecision.KEY_NOT_IN_STAGE_PLAN;
    }

    /** The plans covering this API stage; {@link StagePlans#EMPTY} when none does. */
    StagePlans stage(String apiId, String stage) {
        Map<String, StagePlans> byStage = stages.get(apiId);
        StagePlans plans = byStage == null ? null : byStage.get(stage);
        return plans == null ? StagePlans.EMPTY : plans;
    }
}
