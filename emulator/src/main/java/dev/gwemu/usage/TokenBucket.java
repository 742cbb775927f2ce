package dev.gwemu.usage;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One throttle target (security-and-operations.md §2.6): {@code burstLimit} tokens of capacity, refilled
 * continuously at {@code rateLimit} tokens per second, full when created; a request takes one token.
 *
 * <p>Exact, not approximate: tokens are counted in millionths in a {@code long} and the refill is computed
 * without rounding drift (see {@link #advance}), so after the bucket is emptied, waiting exactly {@code k/rate}
 * seconds yields exactly {@code k} tokens. The rate is kept to a millionth of a token per second. Thread-safe: a
 * bucket's state is guarded by its own monitor, which {@link #tryTakeAll} also takes to check several buckets at
 * once.
 */
public final class TokenBucket {
    /** One token, in the millionths the bucket counts in. */
    static final long ONE = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Faster rates are treated as this one (no emulated client gets near it); keeps the arithmetic in a long. */
    static final double MAX_RATE = 1e9;

    private final ThrottleLimit limit;
    private final LongSupplier nanoTime;
    private final long capacity;
    private final long rate;
    private final long rateWhole;
    private final long rateMillionths;

    /** Tokens (millionths) at {@link #origin}; the level at time t is base + refill(t - origin), at most capacity. */
    private long base;
    private long origin;

    /**
     * A full bucket.
     *
     * @param limit    its rate and burst
     * @param nanoTime the clock, in nanoseconds ({@code System::nanoTime}, or a test's)
     */
    public TokenBucket(ThrottleLimit limit, LongSupplier nanoTime) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        capacity = limit.burstLimit() * ONE;
        rate = Math.round(Math.min(limit.rateLimit(), MAX_RATE) * ONE);
        rateWhole = rate / ONE;
        rateMillionths = rate % ONE;
        base = capacity;
        origin = nanoTime.getAsLong();
    }

    public ThrottleLimit limit() {
        return limit;
    }

    /** Takes a token if there is one; false (and nothing taken) otherwise. */
    public synchronized boolean tryTake() {
        long now = nanoTime.getAsLong();
        advance(now);
        if (level(now) < ONE) {
            return false;
        }
        base -= ONE;
        return true;
    }

    /** Whole tokens in the bucket now. */
    public synchronized long available() {
        long now = nanoTime.getAsLong();
        advance(now);
        return level(now) / ONE;
    }

    /**
     * Takes one token from each bucket given (nulls skipped), or none when any of them is empty (§2.6 [unc]: do
     * not consume tokens on rejection). The monitors are taken in argument order, so every caller must pass buckets
     * in one fixed order ({@link Throttles} passes them in §2.5's order) and each bucket at most once.
     */
    static boolean tryTakeAll(long now, TokenBucket a, TokenBucket b, TokenBucket c, TokenBucket d, TokenBucket e) {
        if (a == null) {
            return b == null && c == null && d == null && e == null || tryTakeAll(now, b, c, d, e, null);
        }
        synchronized (a) {
            a.advance(now);
            if (a.level(now) < ONE || !tryTakeAll(now, b, c, d, e, null)) {
                return false;
            }
            a.base -= ONE;
            return true;
        }
    }

    /**
     * Moves the origin forward by the whole seconds elapsed, adding exactly {@code seconds * rate} millionths, so
     * the part-second refill in {@link #level} stays below one second's worth and nothing is lost to rounding. A
     * full bucket restarts its origin at {@code now}: what it would have gained is capped anyway.
     */
    private void advance(long now) {
        long elapsed = now - origin;
        if (elapsed <= 0 || rate == 0) {
            return; // another thread read a later clock first, or nothing refills
        }
        long seconds = elapsed / NANOS_PER_SECOND;
        if (seconds > 0) {
            if (seconds > (capacity - base) / rate) {
                fill(now);
                return;
            }
            base += seconds * rate;
            origin += seconds * NANOS_PER_SECOND;
        }
        if (base + refill(now - origin) >= capacity) {
            fill(now);
        }
    }

    private void fill(long now) {
        base = capacity;
        origin = now;
    }

    /** The level (millionths) at {@code now}, just after {@link #advance}. */
    private long level(long now) {
        long elapsed = now - origin;
        return elapsed <= 0 || rate == 0 ? base : base + refill(elapsed);
    }

    /**
     * floor(nanos * rate / 1e9) in millionths, exactly, for nanos below a second: the rate is split into whole
     * tokens and millionths so that no product leaves a long.
     */
    private long refill(long nanos) {
        long wholePart = nanos * rateWhole;                  // < 1e18
        long thousands = wholePart / 1_000;                  // wholePart * 1e6 / 1e9, whole
        long rest = (wholePart % 1_000) * ONE + nanos * rateMillionths;   // < 1e9 + 1e15
        return thousands + rest / NANOS_PER_SECOND;
    }

    @Override
    public String toString() {
        return "TokenBucket[rate=" + limit.rateLimit() + ", burst=" + limit.burstLimit() + "]";
    }
}
