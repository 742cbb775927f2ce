package dev.gwemu.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * The caching part of one method setting, fully resolved: the stage's {@code *}{@code /*} entry or a method's
 * effective setting (security-and-operations.md §1.5, §6).
 *
 * @param cachingEnabled                         {@code cachingEnabled}
 * @param ttlSeconds                             {@code cacheTtlInSeconds}, 0..3600; 0 disables caching (§6 [doc])
 * @param requireAuthorizationForCacheControl    whether {@code Cache-Control: max-age=0} needs authorisation
 * @param unauthorizedCacheControlHeaderStrategy what to do when it is not authorised
 */
public record MethodCacheSettings(boolean cachingEnabled, int ttlSeconds, boolean requireAuthorizationForCacheControl,
                                  UnauthorizedCacheControlHeaderStrategy unauthorizedCacheControlHeaderStrategy) {
    /** §6 [doc]: default TTL. */
    public static final int DEFAULT_TTL_SECONDS = 300;
    /** §6 [doc]: largest TTL. */
    public static final int MAX_TTL_SECONDS = 3600;
    /** §1.5 [snap]: what AWS materialises when a method setting is created. */
    public static final MethodCacheSettings AWS_DEFAULTS = new MethodCacheSettings(false, DEFAULT_TTL_SECONDS, true,
            UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER);

    public MethodCacheSettings {
        checkTtl(ttlSeconds);
        Objects.requireNonNull(unauthorizedCacheControlHeaderStrategy, "unauthorizedCacheControlHeaderStrategy");
    }

    /** True when responses are cached: enabled and a TTL above 0 (§6 [doc]: "0 disables"). */
    public boolean caches() {
        return cachingEnabled && ttlSeconds > 0;
    }

    public Duration ttl() {
        return Duration.ofSeconds(ttlSeconds);
    }

    MethodCacheSettings withCachingEnabled(boolean enabled) {
        return enabled == cachingEnabled ? this : new MethodCacheSettings(enabled, ttlSeconds,
                requireAuthorizationForCacheControl, unauthorizedCacheControlHeaderStrategy);
    }

    static void checkTtl(int ttlSeconds) {
        if (ttlSeconds < 0 || ttlSeconds > MAX_TTL_SECONDS) {
            throw new IllegalArgumentException("cacheTtlInSeconds must be between 0 and " + MAX_TTL_SECONDS + ", got "
                    + ttlSeconds);
        }
    }
}
