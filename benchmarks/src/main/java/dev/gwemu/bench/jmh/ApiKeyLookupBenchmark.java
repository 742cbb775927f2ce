package dev.gwemu.bench.jmh;

import dev.gwemu.usage.ApiKey;
import dev.gwemu.usage.ApiKeys;
import dev.gwemu.usage.MethodUsage;
import dev.gwemu.usage.QuotaPeriod;
import dev.gwemu.usage.StageThrottling;
import dev.gwemu.usage.ThrottleLimit;
import dev.gwemu.usage.UsageCheck;
import dev.gwemu.usage.UsageDecision;
import dev.gwemu.usage.UsageOutcome;
import dev.gwemu.usage.UsagePlan;
import dev.gwemu.usage.UsagePlans;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What do API keys and usage plans cost a request? 10 000 keys in 300 plans (the account maxima of
 * security-and-operations.md §2.1). Key validation alone (§2.2) for a key of a plan of the stage (hit), a value no
 * key has (miss), and a key whose plan does not cover the stage; then the whole usage step of a route with a plan
 * method throttle, a plan throttle, a quota and stage throttles, against a route without usage plans (account
 * bucket only): the difference is the throttled route's overhead. Limits are far above what the benchmark reaches,
 * so every request is admitted.
 *
 * <p>A request's header value is a fresh string whose hash is not cached yet, so each operation copies the value
 * first, as the header parser would have made it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ApiKeyLookupBenchmark {
    private static final int KEYS = 10_000;
    private static final int PLANS = 300;
    private static final String API = "b3kx9p2qde";
    private static final String METHOD = "/pets/{petId}/GET";
    private static final ThrottleLimit HIGH = new ThrottleLimit(1e9, Integer.MAX_VALUE);

    private UsagePlans plans;
    private MethodUsage throttledRoute;
    private MethodUsage routeWithoutPlans;
    private char[] hit;
    private char[] miss;
    private char[] otherStage;

    @Setup
    public void setUp() {
        ApiKeys.Builder builder = ApiKeys.builder(new Random(1));
        List<ApiKey> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            keys.add(builder.add(null, "key-" + i, null, true));
        }
        ApiKeys apiKeys = builder.build();
        // Key i is in plan i % 300; plans cover the dev stage, except the last, which covers prod only.
        List<UsagePlan> planList = new ArrayList<>();
        for (int p = 0; p < PLANS; p++) {
            List<String> ids = new ArrayList<>();
            for (int i = p; i < KEYS; i += PLANS) {
                ids.add(keys.get(i).id());
            }
            String stage = p == PLANS - 1 ? "prod" : "dev";
            planList.add(new UsagePlan("plan" + p, "plan " + p,
                    List.of(new UsagePlan.ApiStage(API, stage, Map.of(METHOD, HIGH))), HIGH,
                    new UsagePlan.Quota(Integer.MAX_VALUE, QuotaPeriod.MONTH), ids));
        }
        plans = new UsagePlans(apiKeys, planList);
        UsageCheck check = UsageCheck.system(plans, HIGH);
        throttledRoute = check.method(API, "dev", METHOD, true, new StageThrottling(HIGH, Map.of(METHOD, HIGH)));
        routeWithoutPlans = check.method(API, "dev", "/health/GET", false, StageThrottling.NONE);

        hit = keys.get(KEYS / 2).value().toCharArray();
        miss = ApiKeys.generateValue(new Random(2)).toCharArray();
        otherStage = keys.get(PLANS - 1).value().toCharArray();
        expect(keyHit(), UsageDecision.Reason.KEY_ACCEPTED);
        expect(keyMiss(), UsageDecision.Reason.UNKNOWN_KEY);
        expect(keyOfPlanNotCoveringStage(), UsageDecision.Reason.KEY_NOT_IN_STAGE_PLAN);
        expect(throttledRoute(), UsageDecision.Reason.KEY_ACCEPTED);
        expect(routeWithoutUsagePlans(), UsageDecision.Reason.NO_KEY_REQUIRED);
    }

    private static void expect(UsageDecision decision, UsageDecision.Reason reason) {
        if (decision.reason() != reason) {
            throw new IllegalStateException("expected " + reason + ", got " + decision.reason());
        }
    }

    @Benchmark
    public UsageDecision keyHit() {
        return plans.validateKey(API, "dev", new String(hit));
    }

    @Benchmark
    public UsageDecision keyMiss() {
        return plans.validateKey(API, "dev", new String(miss));
    }

    @Benchmark
    public UsageDecision keyOfPlanNotCoveringStage() {
        return plans.validateKey(API, "dev", new String(otherStage));
    }

    /** Key, then plan method, plan, stage method and account buckets, then the quota (§2.5 steps 5-7). */
    @Benchmark
    public UsageDecision throttledRoute() {
        return throttledRoute.check(new String(hit));
    }

    /** No key required, no stage throttle: the account bucket alone. */
    @Benchmark
    public UsageDecision routeWithoutUsagePlans() {
        UsageDecision d = routeWithoutPlans.check(null);
        if (d.outcome() != UsageOutcome.OK) {
            throw new IllegalStateException(d.reason().text());
        }
        return d;
    }
}
