package dev.gwemu.cache;

/**
 * A per-method setting ({@code methodSettings."/pets/GET"}) as written; a null field takes the stage's
 * {@code *}{@code /*} value. AWS initialises a new per-method entry from the current {@code *}{@code /*} values and
 * then uses it instead of {@code *}{@code /*} (security-and-operations.md §1.5 [snap]); declaring both together in a
 * project file is the same thing.
 */
public record MethodCacheOverride(Boolean cachingEnabled, Integer ttlSeconds, Boolean requireAuthorizationForCacheControl,
                                  UnauthorizedCacheControlHeaderStrategy unauthorizedCacheControlHeaderStrategy) {
    public MethodCacheOverride {
        if (ttlSeconds != null) {
            MethodCacheSettings.checkTtl(ttlSeconds);
        }
    }

    /** Only caching on/off and TTL; the rest from the stage. */
    public MethodCacheOverride(Boolean cachingEnabled, Integer ttlSeconds) {
        this(cachingEnabled, ttlSeconds, null, null);
    }

    MethodCacheSettings over(MethodCacheSettings stage) {
        return new MethodCacheSettings(
                cachingEnabled != null ? cachingEnabled : stage.cachingEnabled(),
                ttlSeconds != null ? ttlSeconds : stage.ttlSeconds(),
                requireAuthorizationForCacheControl != null ? requireAuthorizationForCacheControl
                        : stage.requireAuthorizationForCacheControl(),
                unauthorizedCacheControlHeaderStrategy != null ? unauthorizedCacheControlHeaderStrategy
                        : stage.unauthorizedCacheControlHeaderStrategy());
    }
}
