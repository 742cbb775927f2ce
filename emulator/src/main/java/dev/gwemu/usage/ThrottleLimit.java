package dev.gwemu.usage;

/**
 * A throttle target (security-and-operations.md §2.1, §2.6): a bucket of {@code burstLimit} tokens refilled at
 * {@code rateLimit} tokens per second. Both are 0 or more and {@code burstLimit > rateLimit} is fine [snap];
 * fractional rates such as 0.1 are allowed.
 */
public record ThrottleLimit(double rateLimit, int burstLimit) {
    public ThrottleLimit {
        if (!(rateLimit >= 0) || Double.isInfinite(rateLimit)) {
            throw new IllegalArgumentException("rateLimit must be a number of 0 or more, not " + rateLimit);
        }
        if (burstLimit < 0) {
            throw new IllegalArgumentException("burstLimit must be 0 or more, not " + burstLimit);
        }
    }
}
