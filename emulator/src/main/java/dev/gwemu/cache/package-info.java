/**
 * API Gateway REST stage response caching (security-and-operations.md §6, method settings §1.5, place in the request
 * §2.5 step 9).
 *
 * <ul>
 *   <li>{@link dev.gwemu.cache.CacheSettings} is a stage's configuration: the cache cluster and its size, the
 *       {@code *}{@code /*} setting ({@link dev.gwemu.cache.MethodCacheSettings}) and per-method settings
 *       ({@link dev.gwemu.cache.MethodCacheOverride}); it resolves which methods are cached and for how long.</li>
 *   <li>{@link dev.gwemu.cache.CacheKeyTemplate} builds a method's {@link dev.gwemu.cache.CacheKey}: namespace, verb
 *       and the values of the integration's {@code cacheKeyParameters}, nothing else.</li>
 *   <li>{@link dev.gwemu.cache.StageResponseCache} is one stage's cluster. {@code lookup} turns a
 *       {@link dev.gwemu.cache.CacheRequest} into a {@link dev.gwemu.cache.CacheDecision} (hit, miss, bypass, or a
 *       403 for an unauthorised {@code Cache-Control: max-age=0}); {@code store} keeps a miss's
 *       {@link dev.gwemu.cache.CachedResponse} for the method's TTL.</li>
 * </ul>
 *
 * <p>Choices made where the spec is [unc] or [obs] are named constants next to the code they steer, each citing its
 * section. Everything is immutable or thread-safe; time comes from an injected Caffeine {@code Ticker}.
 */
package dev.gwemu.cache;
