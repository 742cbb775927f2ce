package dev.gwemu.usage;

import dev.gwemu.usage.UsageDecision.Reason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.gwemu.usage.UsagePlansTest.KEYS;
import static dev.gwemu.usage.UsagePlansTest.V1;
import static dev.gwemu.usage.UsagePlansTest.V2;
import static dev.gwemu.usage.UsagePlansTest.V3;
import static dev.gwemu.usage.UsagePlansTest.V4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The per-request decision: §2.2 key validation, §2.5 check order, §2.6 buckets and quotas. */
class UsageCheckTest {
    private static final ThrottleLimit UNLIMITED = new ThrottleLimit(1e6, 1_000_000);
    private static final UsagePlan.ApiStage DEV = new UsagePlan.ApiStage("a1", "dev");
    private static final UsagePlan.ApiStage PROD = new UsagePlan.ApiStage("a1", "prod");

    private final TestClock clock = new TestClock("2024-03-10T12:00:00Z");

    private UsageCheck check(ThrottleLimit account, UsagePlan... plans) {
        return UsageCheck.create(new UsagePlans(KEYS, List.of(plans)), account, clock, clock::nanoTime);
    }

    private static UsagePlan plan(List<UsagePlan.ApiStage> stages, ThrottleLimit throttle, UsagePlan.Quota quota) {
        return new UsagePlan("up1", "gold", stages, throttle, quota, List.of("k1", "k2", "k3"));
    }

    private static Reason keyed(MethodUsage m, String value) {
        return m.check(value).reason();
    }

    @Test
    void gatewayResponsesOfEachOutcome() {
        assertEquals(403, UsageOutcome.FORBIDDEN.status());
        assertEquals("ForbiddenException", UsageOutcome.FORBIDDEN.errorType());
        assertEquals("{\"message\":\"Forbidden\"}", UsageOutcome.FORBIDDEN.defaultBody());
        assertEquals("INVALID_API_KEY", UsageOutcome.FORBIDDEN.responseType());
        assertEquals(429, UsageOutcome.THROTTLED.status());
        assertEquals("TooManyRequestsException", UsageOutcome.THROTTLED.errorType());
        assertEquals("{\"message\":\"Too Many Requests\"}", UsageOutcome.THROTTLED.defaultBody());
        assertEquals("THROTTLED", UsageOutcome.THROTTLED.responseType());
        assertEquals(429, UsageOutcome.QUOTA_EXCEEDED.status());
        assertEquals("LimitExceededException", UsageOutcome.QUOTA_EXCEEDED.errorType());
        assertEquals("{\"message\":\"Limit Exceeded\"}", UsageOutcome.QUOTA_EXCEEDED.defaultBody());
        assertEquals("QUOTA_EXCEEDED", UsageOutcome.QUOTA_EXCEEDED.responseType());
    }

    /** §2.2: every refusal case through the whole check, and the key handed on for $context.identity. */
    @Test
    void keyValidationThroughTheCheck() {
        UsageCheck uc = check(UNLIMITED, plan(List.of(DEV), null, null));
        MethodUsage m = uc.method("a1", "dev", "/pets/GET", true, StageThrottling.NONE);
        assertEquals(Reason.MISSING_KEY, keyed(m, null));
        assertEquals(Reason.UNKNOWN_KEY, keyed(m, "x".repeat(40)));
        assertEquals(Reason.KEY_DISABLED, keyed(m, V3));
        assertEquals(Reason.KEY_NOT_IN_STAGE_PLAN, keyed(m, V4));
        UsageDecision ok = m.check(V1);
        assertEquals(UsageOutcome.OK, ok.outcome());
        assertEquals("k1", ok.apiKeyId());
        assertEquals(V1, ok.apiKeyValue());
        // The plan covers dev only.
        MethodUsage prod = uc.method("a1", "prod", "/pets/GET", true, StageThrottling.NONE);
        assertEquals(Reason.KEY_NOT_IN_STAGE_PLAN, keyed(prod, V1));
        assertEquals(UsageOutcome.FORBIDDEN, prod.check(V1).outcome());
    }

    /** §2.5: a refused key is decided before throttling, so it takes no token. */
    @Test
    void refusedKeysTakeNoTokens() {
        UsageCheck uc = check(new ThrottleLimit(0, 1), plan(List.of(DEV), null, null));
        MethodUsage m = uc.method("a1", "dev", "/pets/GET", true, StageThrottling.of(new ThrottleLimit(0, 1)));
        for (int i = 0; i < 3; i++) {
            assertEquals(UsageOutcome.FORBIDDEN, m.check(V4).outcome());
            assertEquals(UsageOutcome.FORBIDDEN, m.check(V3).outcome());
            assertEquals(UsageOutcome.FORBIDDEN, m.check(null).outcome());
        }
        assertEquals(Reason.KEY_ACCEPTED, keyed(m, V1));
        assertEquals(Reason.THROTTLED, keyed(m, V1));
    }

    /**
     * §2.5 order and §2.6: a request over both its plan method limit and its stage limit is THROTTLED and takes
     * nothing from the plan, account or quota.
     */
    @Test
    void overPlanMethodAndStageLimitsIsThrottledWithoutTakingOtherTokens() {
        UsagePlan.ApiStage dev = new UsagePlan.ApiStage("a1", "dev", Map.of("/pets/GET", new ThrottleLimit(0, 1)));
        UsageCheck uc = check(new ThrottleLimit(0, 1000),
                plan(List.of(dev), new ThrottleLimit(0, 10), new UsagePlan.Quota(100, QuotaPeriod.DAY)));
        StageThrottling stage = StageThrottling.of(new ThrottleLimit(0, 2));
        MethodUsage pets = uc.method("a1", "dev", "/pets/GET", true, stage);
        MethodUsage health = uc.method("a1", "dev", "/health/GET", false, stage);

        assertEquals(Reason.KEY_ACCEPTED, keyed(pets, V1));   // plan method 1→0, plan 10→9, stage 2→1
        assertEquals(Reason.NO_KEY_REQUIRED, keyed(health, null));  // stage 1→0
        UsageDecision d = pets.check(V1);
        assertEquals(UsageOutcome.THROTTLED, d.outcome());
        assertEquals("k1", d.apiKeyId());

        Throttles t = uc.throttles();
        assertEquals(9, t.plan("up1", "k1", null).available());
        assertEquals(0, t.planMethod("up1", "a1", "dev", "/pets/GET", "k1", null).available());
        assertEquals(0, t.stage("a1", "dev", null).available());
        assertEquals(998, t.account().available());
        assertEquals(1, uc.quotas().used("up1", "k1", LocalDate.parse("2024-03-10")));
    }

    /** §2.6: an empty later bucket (the plan's) leaves the earlier one (the plan method's) untouched. */
    @Test
    void emptyPlanBucketLeavesThePlanMethodBucketAlone() {
        UsagePlan.ApiStage dev = new UsagePlan.ApiStage("a1", "dev", Map.of("/pets/GET", new ThrottleLimit(0, 5)));
        UsageCheck uc = check(UNLIMITED, plan(List.of(dev), new ThrottleLimit(0, 1), null));
        MethodUsage pets = uc.method("a1", "dev", "/pets/GET", true, StageThrottling.NONE);
        MethodUsage cats = uc.method("a1", "dev", "/cats/GET", true, StageThrottling.NONE);
        assertEquals(Reason.KEY_ACCEPTED, keyed(cats, V1));   // empties the key's plan bucket
        assertEquals(Reason.THROTTLED, keyed(pets, V1));
        assertEquals(5, uc.throttles().planMethod("up1", "a1", "dev", "/pets/GET", "k1", null).available());
    }

    /** §2.6 [doc]: a key's plan throttle and quota are one across all the plan's stages; each key has its own. */
    @Test
    void planThrottleIsPerKeyAggregatedAcrossStages() {
        UsageCheck uc = check(UNLIMITED, plan(List.of(DEV, PROD), new ThrottleLimit(0, 3), null));
        MethodUsage dev = uc.method("a1", "dev", "/pets/GET", true, StageThrottling.NONE);
        MethodUsage prod = uc.method("a1", "prod", "/orders/POST", true, StageThrottling.NONE);
        assertEquals(Reason.KEY_ACCEPTED, keyed(dev, V1));
        assertEquals(Reason.KEY_ACCEPTED, keyed(prod, V1));
        assertEquals(Reason.KEY_ACCEPTED, keyed(dev, V1));
        assertEquals(Reason.THROTTLED, keyed(prod, V1));
        assertEquals(Reason.THROTTLED, keyed(dev, V1));
        for (int i = 0; i < 3; i++) {
            assertEquals(Reason.KEY_ACCEPTED, keyed(i % 2 == 0 ? prod : dev, V2));
        }
        assertEquals(Reason.THROTTLED, keyed(dev, V2));
    }

    @Test
    void quotaIsPerKeyAggregatedAcrossStagesAndRefusalsAreNotCounted() {
        UsageCheck uc = check(UNLIMITED, plan(List.of(DEV, PROD), new ThrottleLimit(0, 10),
                new UsagePlan.Quota(2, QuotaPeriod.DAY)));
        MethodUsage dev = uc.method("a1", "dev", "/pets/GET", true, StageThrottling.NONE);
        MethodUsage prod = uc.method("a1", "prod", "/pets/GET", true, StageThrottling.NONE);
        assertEquals(Reason.KEY_ACCEPTED, keyed(dev, V1));
        assertEquals(Reason.KEY_ACCEPTED, keyed(prod, V1));
        UsageDecision over = dev.check(V1);
        assertEquals(UsageOutcome.QUOTA_EXCEEDED, over.outcome());
        assertEquals("k1", over.apiKeyId());
        assertEquals(Reason.QUOTA_EXCEEDED, keyed(prod, V1));
        assertEquals(2, uc.quotas().used("up1", "k1", LocalDate.parse("2024-03-10")));
        assertEquals(0, uc.quotas().remaining("up1", "k1"));
        // The quota step comes after throttling: its refusals took their plan tokens (10 - 4).
        assertEquals(6, uc.throttles().plan("up1", "k1", null).available());
        assertEquals(Reason.KEY_ACCEPTED, keyed(dev, V2));
        // A new UTC day, a new quota.
        clock.set("2024-03-11T00:00:00Z");
        assertEquals(Reason.KEY_ACCEPTED, keyed(prod, V1));
    }

    /** §2.6: plan method overrides are per key per method. */
    @Test
    void planMethodThrottleIsPerKeyPerMethod() {
        UsagePlan.ApiStage dev = new UsagePlan.ApiStage("a1", "dev", Map.of("/pets/GET", new ThrottleLimit(0, 1),
                "//GET", new ThrottleLimit(0, 1)));
        UsageCheck uc = check(UNLIMITED, plan(List.of(dev), null, null));
        MethodUsage pets = uc.method("a1", "dev", "/pets/GET", true, StageThrottling.NONE);
        MethodUsage root = uc.method("a1", "dev", "//GET", true, StageThrottling.NONE);
        MethodUsage post = uc.method("a1", "dev", "/pets/POST", true, StageThrottling.NONE);
        assertEquals(Reason.KEY_ACCEPTED, keyed(pets, V1));
        assertEquals(Reason.THROTTLED, keyed(pets, V1));
        assertEquals(Reason.KEY_ACCEPTED, keyed(pets, V2));
        assertEquals(Reason.KEY_ACCEPTED, keyed(root, V1));
        assertEquals(Reason.THROTTLED, keyed(root, V1));
        for (int i = 0; i < 5; i++) {
            assertEquals(Reason.KEY_ACCEPTED, keyed(post, V1));
        }
    }

    /** §2.2 [doc]: without apiKeyRequired the key is ignored and plan limits skipped; stage and account apply. */
    @Test
    void methodWithoutApiKeyRequiredBypassesPlansButNotStageOrAccount() {
        UsageCheck uc = check(new ThrottleLimit(0, 100),
                plan(List.of(DEV), new ThrottleLimit(0, 1), new UsagePlan.Quota(1, QuotaPeriod.DAY)));
        MethodUsage open = uc.method("a1", "dev", "/pets/GET", false, StageThrottling.of(new ThrottleLimit(0, 5)));
        for (String value : new String[] {V1, V1, "bogus", null, V3}) {
            UsageDecision d = open.check(value);
            assertSame(Reason.NO_KEY_REQUIRED, d.reason());
            assertNull(d.apiKey());
        }
        UsageDecision throttled = open.check(V1);
        assertEquals(UsageOutcome.THROTTLED, throttled.outcome());
        assertNull(throttled.apiKey());
        assertEquals(0, uc.quotas().used("up1", "k1", LocalDate.parse("2024-03-10")));
        assertEquals(95, uc.throttles().account().available());
        // No stage throttle at all: the account's alone.
        MethodUsage bare = uc.method("a1", "prod", "/pets/GET", false, StageThrottling.NONE);
        for (int i = 0; i < 95; i++) {
            assertEquals(Reason.NO_KEY_REQUIRED, keyed(bare, null));
        }
        assertEquals(Reason.THROTTLED, keyed(bare, null));
    }

    /** §1.5 [snap], see {@link MethodUsage#METHOD_SETTING_REPLACES_STAGE_DEFAULT}. */
    @Test
    void stageMethodSettingReplacesTheStageDefault() {
        UsageCheck uc = check(UNLIMITED);
        StageThrottling stage = new StageThrottling(new ThrottleLimit(0, 1),
                Map.of("/pets/GET", new ThrottleLimit(0, 2)));
        MethodUsage pets = uc.method("a1", "dev", "/pets/GET", false, stage);
        MethodUsage other = uc.method("a1", "dev", "/other/GET", false, stage);
        MethodUsage third = uc.method("a1", "dev", "/third/GET", false, stage);
        assertEquals(Reason.NO_KEY_REQUIRED, keyed(pets, null));
        assertEquals(Reason.NO_KEY_REQUIRED, keyed(pets, null));
        assertEquals(Reason.THROTTLED, keyed(pets, null));
        // Methods without their own setting share the stage's one */* bucket (§2.6).
        assertEquals(Reason.NO_KEY_REQUIRED, keyed(other, null));
        assertEquals(Reason.THROTTLED, keyed(third, null));
    }

    @Test
    void bucketsRefillWithTheInjectedClock() {
        UsageCheck uc = check(UNLIMITED, plan(List.of(DEV), new ThrottleLimit(2, 1), null));
        StageThrottling none = StageThrottling.NONE;
        assertEquals(Reason.KEY_ACCEPTED, uc.check("a1", "dev", "/pets/GET", true, V1, none).reason());
        assertEquals(Reason.THROTTLED, uc.check("a1", "dev", "/pets/GET", true, V1, none).reason());
        clock.advance(Duration.ofMillis(499));
        assertEquals(Reason.THROTTLED, uc.check("a1", "dev", "/pets/GET", true, V1, none).reason());
        clock.advance(Duration.ofMillis(1));
        assertEquals(Reason.KEY_ACCEPTED, uc.check("a1", "dev", "/pets/GET", true, V1, none).reason());
    }

    /** Throttle and quota together, exact under contention: 400 requests, burst 50, quota 30. */
    @Test
    void exactOutcomesUnderContention() throws Exception {
        UsageCheck uc = check(UNLIMITED, plan(List.of(DEV), new ThrottleLimit(0, 50),
                new UsagePlan.Quota(30, QuotaPeriod.MONTH)));
        MethodUsage m = uc.method("a1", "dev", "/pets/GET", true, StageThrottling.NONE);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Map<UsageOutcome, Integer>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    Map<UsageOutcome, Integer> counts = new EnumMap<>(UsageOutcome.class);
                    for (int r = 0; r < 50; r++) {
                        counts.merge(m.check(V1).outcome(), 1, Integer::sum);
                    }
                    return counts;
                }));
            }
            go.countDown();
            Map<UsageOutcome, Integer> total = new EnumMap<>(UsageOutcome.class);
            for (Future<Map<UsageOutcome, Integer>> f : results) {
                f.get(30, TimeUnit.SECONDS).forEach((k, v) -> total.merge(k, v, Integer::sum));
            }
            assertEquals(Map.of(UsageOutcome.OK, 30, UsageOutcome.QUOTA_EXCEEDED, 20, UsageOutcome.THROTTLED, 350),
                    total);
            assertEquals(30, uc.quotas().used("up1", "k1", LocalDate.parse("2024-03-10")));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void checksFeedTheUsageReport() {
        UsageCheck uc = check(UNLIMITED, plan(List.of(DEV), null, new UsagePlan.Quota(10, QuotaPeriod.WEEK)));
        MethodUsage m = uc.method("a1", "dev", "/pets/GET", true, StageThrottling.NONE);
        m.check(V1);
        m.check(V1);
        m.check(V2);
        assertEquals("{\"usagePlanId\":\"up1\",\"startDate\":\"2024-03-10\",\"endDate\":\"2024-03-10\",\"items\":"
                        + "{\"k1\":[[2,8]],\"k2\":[[1,9]],\"k3\":[[0,10]]}}",
                uc.report().json("up1", null, "2024-03-10", "2024-03-10"));
    }
}
