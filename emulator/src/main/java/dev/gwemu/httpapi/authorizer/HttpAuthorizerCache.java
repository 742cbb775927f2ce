package dev.gwemu.httpapi.authorizer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP API Lambda authorizer answers kept for {@code authorizerResultTtlInSeconds} (security-and-operations.md §3.4,
 * AWS guide "Caching authorizer responses" [doc]): one cache per API, authorizer and stage, keyed by the identity
 * sources' values. Every route using the authorizer shares it; {@code $context.routeKey} as a source splits it.
 */
final class HttpAuthorizerCache {
    /** Entries per authorizer and stage before the least recently used go [unc: AWS documents no bound], as REST's. */
    static final int MAX_ENTRIES = 10_000;

    private final Ticker ticker;
    private final Map<Scope, Cache<List<String>, HttpAuthorizerAnswer>> caches = new ConcurrentHashMap<>();

    /** @param ttlSeconds part of the scope, so a changed TTL starts a fresh cache rather than keeping the old one */
    record Scope(String apiId, String authorizerId, String stage, int ttlSeconds) {
    }

    /** @param clock entries expire by it (the gateway's clock) */
    HttpAuthorizerCache(Clock clock) {
        this.ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    /** The kept answer for this identity, or null. */
    HttpAuthorizerAnswer get(Scope scope, List<String> identity) {
        Cache<List<String>, HttpAuthorizerAnswer> cache = caches.get(scope);
        return cache == null ? null : cache.getIfPresent(identity);
    }

    void put(Scope scope, List<String> identity, HttpAuthorizerAnswer answer) {
        caches.computeIfAbsent(scope, s -> newCache(s.ttlSeconds())).put(identity, answer);
    }

    private Cache<List<String>, HttpAuthorizerAnswer> newCache(int ttlSeconds) {
        return Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(ttlSeconds))
                .maximumSize(MAX_ENTRIES)
                .ticker(ticker)
                // Clean-up on the calling thread: no pool, and deterministic in tests.
                .executor(Runnable::run)
                .build();
    }
}
