package dev.gwemu.model;

/**
 * A throttle target: a token bucket of {@code burstLimit} tokens refilled at {@code rateLimit} per
 * second (security-and-operations.md §2.6).
 */
public record Throttle(double rateLimit, int burstLimit) {
    /** The account's default limits per region (§2.4). */
    public static final Throttle ACCOUNT_DEFAULT = new Throttle(10_000, 5_000);

    public Throttle {
        if (rateLimit < 0 || burstLimit < 0) {
            throw new IllegalArgumentException("rateLimit and burstLimit must be 0 or more");
        }
    }
}
