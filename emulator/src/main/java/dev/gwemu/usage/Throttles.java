package dev.gwemu.usage;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * The token buckets of one gateway (one account and region), created on first use and kept
 * (security-and-operations.md §2.6): the account's, one per stage ({@code *\/*}), one per stage method setting,
 * and per API key one per usage plan and one per plan method override. A bucket keeps the limit it was created
 * with (the {@code limit} arguments below are used only when a bucket is created); a new configuration takes a
 * new {@code Throttles}.
 *
 * <p>{@link #acquire} is the one call per request: it checks every bucket that applies in §2.5's order and takes a
 * token from each only if all have one.
 */
public final class Throttles {
    /** The account's limits per region: 10 000 requests/s, burst 5 000 (§2.4 [doc]). */
    public static final ThrottleLimit ACCOUNT_DEFAULT = new ThrottleLimit(10_000, 5_000);
    /** The method-setting key of a stage's default throttle (§1.5 [snap]). */
    public static final String STAGE_DEFAULT_KEY = "*/*";

    private final LongSupplier nanoTime;
    private final TokenBucket account;
    private final ConcurrentMap<StageScope, TokenBucket> stageBuckets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<String, TokenBucket>> planBuckets = new ConcurrentHashMap<>();
    private final ConcurrentMap<PlanMethodScope, ConcurrentMap<String, TokenBucket>> planMethodBuckets =
            new ConcurrentHashMap<>();

    /** Buckets on {@code System.nanoTime} with the account default. */
    public Throttles() {
        this(ACCOUNT_DEFAULT, System::nanoTime);
    }

    /**
     * @param account  the account's limits ({@link #ACCOUNT_DEFAULT} unless configured)
     * @param nanoTime the clock of every bucket, in nanoseconds
     */
    public Throttles(ThrottleLimit account, LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.account = new TokenBucket(account, nanoTime);
    }

    /** The account's bucket, shared by every API and stage of the gateway. */
    public TokenBucket account() {
        return account;
    }

    /** A stage's default ({@code *\/*}) bucket, shared by all callers of the stage's methods without their own. */
    public TokenBucket stage(String apiId, String stage, ThrottleLimit limit) {
        return stageMethod(apiId, stage, STAGE_DEFAULT_KEY, limit);
    }

    /** The bucket of a stage method setting ({@code /pets/GET}), shared by all callers (§1.5, §2.6). */
    public TokenBucket stageMethod(String apiId, String stage, String methodKey, ThrottleLimit limit) {
        return stageBuckets.computeIfAbsent(new StageScope(apiId, stage, methodKey),
                s -> new TokenBucket(limit, nanoTime));
    }

    /** A key's bucket in a usage plan, one for all the plan's stages (§2.6 [doc]). */
    public TokenBucket plan(String planId, String keyId, ThrottleLimit limit) {
        return bucket(planBuckets(planId), keyId, limit);
    }

    /** A key's bucket for one method override of a plan's API stage (§2.6: per key per method). */
    public TokenBucket planMethod(String planId, String apiId, String stage, String methodKey, String keyId,
                                  ThrottleLimit limit) {
        return bucket(planMethodBuckets(planId, apiId, stage, methodKey), keyId, limit);
    }

    /**
     * Takes one token from each bucket that applies, in §2.5's order: plan method, plan, stage method, stage
     * {@code *\/*}, account; or from none of them when any is empty (§2.6 [unc], "do not consume tokens on
     * rejection"). The AWS region's own limit, last in §2.5's list, is not emulated: no figure is known.
     *
     * @param planMethod  the key's plan method bucket, or null
     * @param plan        the key's plan bucket, or null
     * @param stageMethod the stage method-setting bucket, or null
     * @param stage       the stage {@code *\/*} bucket, or null
     * @return {@link UsageOutcome#OK} or {@link UsageOutcome#THROTTLED}
     */
    public UsageOutcome acquire(TokenBucket planMethod, TokenBucket plan, TokenBucket stageMethod, TokenBucket stage) {
        // The fixed argument order is also the lock order, so concurrent requests cannot deadlock.
        return TokenBucket.tryTakeAll(nanoTime.getAsLong(), planMethod, plan, stageMethod, stage, account)
                ? UsageOutcome.OK : UsageOutcome.THROTTLED;
    }

    /** The per-key buckets of one plan, for callers that look up keys per request without allocating. */
    ConcurrentMap<String, TokenBucket> planBuckets(String planId) {
        return planBuckets.computeIfAbsent(planId, p -> new ConcurrentHashMap<>());
    }

    ConcurrentMap<String, TokenBucket> planMethodBuckets(String planId, String apiId, String stage, String methodKey) {
        return planMethodBuckets.computeIfAbsent(new PlanMethodScope(planId, apiId, stage, methodKey),
                p -> new ConcurrentHashMap<>());
    }

    /** The key's bucket in one of the maps above; created full on first use. */
    TokenBucket bucket(ConcurrentMap<String, TokenBucket> buckets, String keyId, ThrottleLimit limit) {
        TokenBucket bucket = buckets.get(keyId);
        if (bucket == null) {
            bucket = buckets.computeIfAbsent(keyId, k -> new TokenBucket(limit, nanoTime));
        }
        return bucket;
    }

    private record StageScope(String apiId, String stage, String methodKey) {
    }

    private record PlanMethodScope(String planId, String apiId, String stage, String methodKey) {
    }
}
