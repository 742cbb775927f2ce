package dev.gwemu.usage;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * The usage step of one gateway (security-and-operations.md §2.2, §2.5 steps 5-7): API key validation, throttling
 * and quotas, over one set of plans, buckets and counters. Resolve each method once with {@link #method} and call
 * {@link MethodUsage#check} per request, or call {@link #check} with everything (it resolves and remembers the
 * method on first use). Thread-safe.
 */
public final class UsageCheck {
    private final UsagePlans plans;
    private final Throttles throttles;
    private final Quotas quotas;
    private final ConcurrentMap<MethodRef, MethodUsage> methods = new ConcurrentHashMap<>();

    public UsageCheck(UsagePlans plans, Throttles throttles, Quotas quotas) {
        this.plans = Objects.requireNonNull(plans, "plans");
        this.throttles = Objects.requireNonNull(throttles, "throttles");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    /** On the system clocks ({@code System.nanoTime} for buckets, UTC wall time for quotas). */
    public static UsageCheck system(UsagePlans plans, ThrottleLimit account) {
        return create(plans, account, Clock.systemUTC(), System::nanoTime);
    }

    /** On given clocks (tests drive both from one fake time). */
    public static UsageCheck create(UsagePlans plans, ThrottleLimit account, Clock clock, LongSupplier nanoTime) {
        return new UsageCheck(plans, new Throttles(account, nanoTime), new Quotas(plans, clock));
    }

    /**
     * One method's usage step, resolved now: its stage and method buckets and its stage's plans.
     *
     * @param apiId           the API
     * @param stage           the stage name
     * @param methodKey       the method-setting key, {@code {resourcePath}/{METHOD}}: {@code /pets/{petId}/GET},
     *                        {@code //GET} for the root
     * @param apiKeyRequired  the method's {@code apiKeyRequired}
     * @param stageThrottling the stage's throttles; {@link StageThrottling#NONE} when it has none
     */
    public MethodUsage method(String apiId, String stage, String methodKey, boolean apiKeyRequired,
                              StageThrottling stageThrottling) {
        return new MethodUsage(plans, throttles, quotas, apiId, stage, methodKey, apiKeyRequired,
                Objects.requireNonNull(stageThrottling, "stageThrottling"));
    }

    /**
     * The decision for one request. The method is resolved on its first request with the throttles given then;
     * later calls for the same method reuse it (a stage's throttles are fixed for a gateway's life).
     *
     * @param apiKeyValue the key supplied (header {@code X-API-Key}, any case), or null
     */
    public UsageDecision check(String apiId, String stage, String methodKey, boolean apiKeyRequired,
                               String apiKeyValue, StageThrottling stageThrottling) {
        MethodRef ref = new MethodRef(apiId, stage, methodKey, apiKeyRequired);
        MethodUsage usage = methods.get(ref);
        if (usage == null) {
            usage = methods.computeIfAbsent(ref,
                    r -> method(apiId, stage, methodKey, apiKeyRequired, stageThrottling));
        }
        return usage.check(apiKeyValue);
    }

    public UsagePlans plans() {
        return plans;
    }

    public Throttles throttles() {
        return throttles;
    }

    public Quotas quotas() {
        return quotas;
    }

    /** GetUsage over this gateway's counts. */
    public UsageReport report() {
        return new UsageReport(plans, quotas);
    }

    private record MethodRef(String apiId, String stage, String methodKey, boolean apiKeyRequired) {
    }
}
