package dev.gwemu.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The quotas of one gateway's usage plans, per plan and key (security-and-operations.md §2.6 [doc]): calendar
 * periods in UTC, the plan's offset taken off its initial period only, a refused request not counted (§2.3 [obs]).
 * A key's count is one for all the plan's stages. Every counted request is also kept per day for
 * {@link UsageReport}. The plans start serving when this object is made: that period is their initial one.
 */
public final class Quotas {
    /**
     * [unc] §2.1 does not say what GetUsage reports as remaining for a plan without quota; this reports 0.
     */
    public static final long REMAINING_WITHOUT_QUOTA = 0;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final UsagePlans plans;
    private final Clock clock;
    private final long firstDay;
    private final ConcurrentMap<String, ConcurrentMap<String, QuotaCounter>> counters = new ConcurrentHashMap<>();

    /**
     * @param plans the plans whose quotas these are
     * @param clock the time (its zone does not matter: periods are UTC)
     */
    public Quotas(UsagePlans plans, Clock clock) {
        this.plans = Objects.requireNonNull(plans, "plans");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.firstDay = today();
        for (UsagePlan plan : plans.plans()) {
            counters.put(plan.id(), new ConcurrentHashMap<>());
        }
    }

    /**
     * Counts one request of the key if the plan's quota has room.
     *
     * @return false, counting nothing, when the quota of the current period is used up
     */
    public boolean tryConsume(String planId, String keyId) {
        return counter(counters(planId), planId, keyId).tryConsume(today());
    }

    /** Requests the key has left in the current period, or {@link #REMAINING_WITHOUT_QUOTA} without a quota. */
    public long remaining(String planId, String keyId) {
        return counter(counters(planId), planId, keyId).remaining(today());
    }

    /**
     * Sets the requests the key has left in the current period, as AWS's
     * {@code PATCH /usageplans/{id}/keys/{keyId}/usage} with {@code replace /remaining} does (§2.1 [doc]).
     *
     * @throws IllegalArgumentException when the plan is unknown, the key not in it or the plan has no quota
     */
    public void grant(String planId, String keyId, long remaining) {
        requireKey(planId, keyId);
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining must be 0 or more, not " + remaining);
        }
        counter(counters(planId), planId, keyId).grant(today(), remaining);
    }

    /** Requests of the key counted on {@code day} (UTC). */
    public long used(String planId, String keyId, LocalDate day) {
        return usage(planId, keyId, day)[0];
    }

    /** {used, remaining} of the key for {@code day} (UTC), as in GetUsage (§2.1). */
    public long[] usage(String planId, String keyId, LocalDate day) {
        return counter(counters(planId), planId, keyId).usage(day.toEpochDay());
    }

    /** The counters of one plan's keys, for callers that look up keys per request without allocating. */
    ConcurrentMap<String, QuotaCounter> counters(String planId) {
        ConcurrentMap<String, QuotaCounter> map = counters.get(planId);
        if (map == null) {
            throw new IllegalArgumentException(UsageReport.INVALID_PLAN);
        }
        return map;
    }

    /** The key's counter in one of the maps above; created on first use. */
    QuotaCounter counter(ConcurrentMap<String, QuotaCounter> map, String planId, String keyId) {
        QuotaCounter counter = map.get(keyId);
        if (counter == null) {
            Objects.requireNonNull(keyId, "keyId");
            UsagePlan.Quota quota = plans.plan(planId).quota();
            counter = map.computeIfAbsent(keyId, k -> new QuotaCounter(quota, firstDay));
        }
        return counter;
    }

    boolean tryConsume(QuotaCounter counter) {
        return counter.tryConsume(today());
    }

    private void requireKey(String planId, String keyId) {
        UsagePlan plan = plans.plan(planId);
        if (plan == null) {
            throw new IllegalArgumentException(UsageReport.INVALID_PLAN);
        }
        if (!plan.keyIds().contains(keyId)) {
            throw new IllegalArgumentException("API key '" + keyId + "' is not in usage plan " + plan.label());
        }
    }

    /** Today's epoch day in UTC, without allocating. */
    private long today() {
        return Math.floorDiv(clock.millis(), MILLIS_PER_DAY);
    }
}
