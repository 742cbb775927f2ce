package dev.gwemu.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import dev.gwemu.pipeline.HeaderList;

import java.util.List;

/**
 * One stage's cache cluster (security-and-operations.md §6): responses by {@link CacheKey}, bounded by the cluster
 * size in bytes, each expiring after its method's TTL. Thread-safe; one per stage that has a cluster.
 */
public final class StageResponseCache {
    /** §6: the largest cacheable response; [unc] counted on the body, which is what the quota is about. */
    static final int MAX_CACHEABLE_BODY_BYTES = 1_048_576;
    /** §6 [obs][unc]: non-2xx integration responses (e.g. a backend 429) are cached too. */
    static final boolean CACHES_NON_2XX = true;
    /**
     * Not AWS: the cluster's bytes live in this JVM's heap, so a cluster larger than this share of the heap is cut
     * down to it instead of running the emulator out of memory (the smallest AWS cluster is 0.5 GB).
     */
    static final double MAX_HEAP_SHARE = 0.25;

    private final CacheSettings settings;
    private final Cache<CacheKey, Entry> entries;

    public StageResponseCache(CacheSettings settings) {
        this(settings, Ticker.systemTicker());
    }

    /** @param ticker the time source, nanoseconds (a fake one makes TTL tests exact) */
    public StageResponseCache(CacheSettings settings, Ticker ticker) {
        this(settings, Math.min(settings.capacityBytes(), (long) (Runtime.getRuntime().maxMemory() * MAX_HEAP_SHARE)),
                ticker);
    }

    /** A cluster of exactly {@code capacityBytes}, for tests of eviction. */
    StageResponseCache(CacheSettings settings, long capacityBytes, Ticker ticker) {
        this.settings = settings;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(capacityBytes)
                .weigher((CacheKey key, Entry entry) -> entry.weight())
                .expireAfter(new TtlExpiry())
                .ticker(ticker)
                // Maintenance (eviction, expiry clean-up) on the calling thread: no pool, and deterministic.
                .executor(Runnable::run)
                .build();
    }

    public CacheSettings settings() {
        return settings;
    }

    /**
     * Looks the request up (§2.5 step 9: after validation, before the integration). Bypass when the method is not
     * cached; otherwise a client's {@code Cache-Control: max-age=0} is honoured, refused or ignored (§6), and the
     * entry is a hit or a miss.
     */
    public CacheDecision lookup(CacheRequest request) {
        if (!settings.clusterEnabled()) {
            return CacheDecision.Bypass.INSTANCE;
        }
        MethodCacheSettings method = settings.forMethod(request.resourcePath(), request.methodVerb());
        if (!method.caches()) {
            return CacheDecision.Bypass.INSTANCE;
        }
        boolean invalidationAsked = CacheControl.requestsInvalidation(request.headers());
        return switch (InvalidationRule.decide(invalidationAsked, method, request.mayInvalidate())) {
            case REJECT -> CacheDecision.Reject.UNAUTHORIZED_INVALIDATION;
            case INVALIDATE -> {
                CacheKey key = request.key();
                // §6 [doc] "invalidate an existing cache entry and reload it": gone now, replaced by store()
                entries.invalidate(key);
                yield new CacheDecision.Miss(key, method.ttl(), true, List.of());
            }
            case IGNORE_WITH_WARNING -> served(request.key(), method, List.of(InvalidationRule.UNAUTHORIZED_WARNING));
            case NONE, IGNORE -> served(request.key(), method, List.of());
        };
    }

    private CacheDecision served(CacheKey key, MethodCacheSettings method, List<HeaderList.Header> added) {
        Entry entry = entries.getIfPresent(key);
        return entry != null ? new CacheDecision.Hit(entry.response(), added)
                : new CacheDecision.Miss(key, method.ttl(), false, added);
    }

    /**
     * Caches the integration's response for a miss, for the miss's TTL from now (replacing any entry and its
     * remaining TTL). Call it only with a response the integration produced, never with a gateway error.
     *
     * @return false when the response is not cacheable (too large)
     */
    public boolean store(CacheDecision.Miss miss, CachedResponse response) {
        if (!cacheable(response)) {
            return false;
        }
        entries.put(miss.key(), new Entry(response, miss.ttl().toNanos(), response.weight()));
        return true;
    }

    static boolean cacheable(CachedResponse response) {
        boolean success = response.status() >= 200 && response.status() < 300;
        return response.bodyLength() <= MAX_CACHEABLE_BODY_BYTES && (success || CACHES_NON_2XX);
    }

    /** Drops every entry: {@code FlushStageCache} (§6 [doc]), or a resize, which recreates the cluster. */
    public void flush() {
        entries.invalidateAll();
    }

    /** Live entries, after expired and evicted ones are cleaned up. */
    public long entryCount() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Bytes held, as {@link CachedResponse} weighs them. */
    public long weightedSize() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    private record Entry(CachedResponse response, long ttlNanos, int weight) {
    }

    /** Each entry lives its method's TTL from when it was written; reads do not extend it. */
    private static final class TtlExpiry implements Expiry<CacheKey, Entry> {
        @Override
        public long expireAfterCreate(CacheKey key, Entry entry, long now) {
            return entry.ttlNanos();
        }

        @Override
        public long expireAfterUpdate(CacheKey key, Entry entry, long now, long remaining) {
            return entry.ttlNanos();
        }

        @Override
        public long expireAfterRead(CacheKey key, Entry entry, long now, long remaining) {
            return remaining;
        }
    }
}
