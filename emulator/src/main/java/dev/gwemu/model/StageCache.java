package dev.gwemu.model;

/**
 * A stage's response cache (cacheClusterEnabled / cacheClusterSize and the stage-wide cache method
 * settings, security-and-operations.md §1.5, §6).
 *
 * @param clusterSizeGb                          0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118 or 237 (GB, as AWS sizes it)
 * @param cachingEnabled                         whether GET responses of every method are cached (the stage's
 *                                               all-methods setting); methods can turn it on or off
 * @param ttlSeconds                             the default time to live, 0..3600 (300 unless set)
 * @param requireAuthorizationForCacheControl    whether Cache-Control: max-age=0 needs authorisation
 * @param unauthorizedCacheControlHeaderStrategy FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER or SUCCEED_WITHOUT_RESPONSE_HEADER
 */
public record StageCache(double clusterSizeGb, boolean cachingEnabled, int ttlSeconds,
                         boolean requireAuthorizationForCacheControl, String unauthorizedCacheControlHeaderStrategy) {
    public static final int DEFAULT_TTL_SECONDS = 300;
}
