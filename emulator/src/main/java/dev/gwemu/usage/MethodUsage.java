package dev.gwemu.usage;

import java.util.List;
import java.util.concurrent.ConcurrentMap;

/**
 * The usage step of one method of one API stage, resolved once so that a request costs a key lookup and the
 * bucket checks (security-and-operations.md §2.2, §2.5 steps 5-7): validate the key, then throttle, then count the
 * quota. A method without {@code apiKeyRequired} ignores any key and skips plan throttles and quotas (§2.2 [doc]),
 * but its stage, method and account buckets still apply. Thread-safe. Made by {@link UsageCheck#method}.
 */
public final class MethodUsage {
    /**
     * [unc] §1.5, §2.5: a method with its own stage method setting takes its token there instead of from the
     * stage's {@code *\/*} bucket, since "a per-method entry fully overrides {@code *\/*}" [snap]. False makes
     * it take from both (stage method, then stage).
     */
    public static final boolean METHOD_SETTING_REPLACES_STAGE_DEFAULT = true;
    /**
     * [unc] §2.6: a plan's per-method throttle is taken in addition to the plan's per-key throttle, so that a key's
     * aggregate over the plan's stages [doc] holds for overridden methods too. False makes the override replace it.
     */
    public static final boolean PLAN_METHOD_ALSO_TAKES_PLAN_THROTTLE = true;

    private final UsagePlans plans;
    private final Throttles throttles;
    private final Quotas quotas;
    private final boolean apiKeyRequired;
    private final StagePlans stagePlans;
    private final TokenBucket stageMethodBucket;
    private final TokenBucket stageBucket;
    /** Per plan of the stage, aligned with {@link StagePlans#plans}. */
    private final PlanRoute[] routes;

    /** What one plan of the stage applies to this method: its buckets and counters, per key. */
    private record PlanRoute(ThrottleLimit methodLimit, ConcurrentMap<String, TokenBucket> methodBuckets,
                             ThrottleLimit planLimit, ConcurrentMap<String, TokenBucket> planBuckets,
                             String planId, ConcurrentMap<String, QuotaCounter> counters) {
    }

    MethodUsage(UsagePlans plans, Throttles throttles, Quotas quotas, String apiId, String stage, String methodKey,
                boolean apiKeyRequired, StageThrottling stageThrottling) {
        this.plans = plans;
        this.throttles = throttles;
        this.quotas = quotas;
        this.apiKeyRequired = apiKeyRequired;
        ThrottleLimit methodLimit = stageThrottling.methods().get(methodKey);
        stageMethodBucket = methodLimit == null ? null : throttles.stageMethod(apiId, stage, methodKey, methodLimit);
        ThrottleLimit stageLimit = stageThrottling.stageDefault();
        boolean defaultApplies = methodLimit == null || !METHOD_SETTING_REPLACES_STAGE_DEFAULT;
        TokenBucket stageDefault = stageLimit != null && defaultApplies
                ? throttles.stage(apiId, stage, stageLimit) : null;
        // A method-setting key of "*/*" names the stage default itself: one token from it, not two.
        stageBucket = stageDefault == stageMethodBucket ? null : stageDefault;

        stagePlans = plans.stage(apiId, stage);
        List<UsagePlan> stagePlanList = stagePlans.plans;
        routes = new PlanRoute[stagePlanList.size()];
        for (int i = 0; i < routes.length; i++) {
            UsagePlan plan = stagePlanList.get(i);
            ThrottleLimit override = stagePlans.apiStages.get(i).methodThrottles().get(methodKey);
            ThrottleLimit perKey = override == null || PLAN_METHOD_ALSO_TAKES_PLAN_THROTTLE ? plan.throttle() : null;
            routes[i] = new PlanRoute(
                    override, override == null ? null : throttles.planMethodBuckets(plan.id(), apiId, stage, methodKey),
                    perKey, perKey == null ? null : throttles.planBuckets(plan.id()),
                    plan.id(), quotas.counters(plan.id()));
        }
    }

    /**
     * The decision for one request.
     *
     * @param apiKeyValue the key the request supplied (header {@code X-API-Key}, any case, or the authorizer's
     *                    {@code usageIdentifierKey}), or null
     */
    public UsageDecision check(String apiKeyValue) {
        if (!apiKeyRequired) {
            return throttles.acquire(null, null, stageMethodBucket, stageBucket) == UsageOutcome.OK
                    ? UsageDecision.NO_KEY_REQUIRED : UsageDecision.THROTTLED_WITHOUT_KEY;
        }
        // §2.5 step 5: the key (§2.2).
        StagePlans.Binding binding = stagePlans.binding(apiKeyValue);
        if (binding == null || !binding.key().enabled()) {
            return plans.refuse(stagePlans, apiKeyValue);
        }
        ApiKey key = binding.key();
        PlanRoute route = routes[binding.planIndex()];
        // Step 6: throttling, plan method → plan → stage method → stage → account.
        TokenBucket planMethod = route.methodLimit() == null ? null
                : throttles.bucket(route.methodBuckets(), key.id(), route.methodLimit());
        TokenBucket plan = route.planLimit() == null ? null
                : throttles.bucket(route.planBuckets(), key.id(), route.planLimit());
        if (throttles.acquire(planMethod, plan, stageMethodBucket, stageBucket) != UsageOutcome.OK) {
            return new UsageDecision(UsageDecision.Reason.THROTTLED, key);
        }
        // Step 7: the quota. A refusal here does not give back the tokens taken in step 6, which the request passed.
        if (!quotas.tryConsume(quotas.counter(route.counters(), route.planId(), key.id()))) {
            return new UsageDecision(UsageDecision.Reason.QUOTA_EXCEEDED, key);
        }
        return binding.accepted();
    }

    public boolean apiKeyRequired() {
        return apiKeyRequired;
    }
}
