package dev.gwemu.auth.lambda;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.Stage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorizer answers kept for {@code authorizerResultTtlInSeconds} (security-and-operations.md §3.3, Caching [doc]):
 * one cache per authorizer per stage, keyed by the identity (the token, or every REQUEST source's value). A stage's
 * canary is another deployment with its own stage variables, so it has caches of its own.
 */
public final class AuthorizerCache<P> {
    /** Entries per authorizer and stage before the least recently used go [unc: AWS documents no bound]. */
    static final int MAX_ENTRIES = 10_000;

    private final Ticker ticker;
    private final Map<Scope, Cache<List<String>, AuthorizerAnswer<P>>> caches = new ConcurrentHashMap<>();

    private record Scope(String authorizerId, String stage, String deploymentId) {
    }

    /** @param clock entries expire by it (the gateway's clock) */
    public AuthorizerCache(Clock clock) {
        this.ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    /** True when answers of this authorizer are kept: a TTL above 0, and an identity to key them by. */
    public static boolean caches(AuthorizerSpec spec) {
        return spec.resultTtlSeconds() > 0 && !spec.identitySources().isEmpty();
    }

    /** The kept answer for this identity, or null. */
    public AuthorizerAnswer<P> get(AuthorizerSpec spec, Stage stage, List<String> identity) {
        Cache<List<String>, AuthorizerAnswer<P>> cache = caches.get(scope(spec, stage));
        return cache == null ? null : cache.getIfPresent(identity);
    }

    public void put(AuthorizerSpec spec, Stage stage, List<String> identity, AuthorizerAnswer<P> answer) {
        caches.computeIfAbsent(scope(spec, stage), scope -> newCache(spec.resultTtlSeconds())).put(identity, answer);
    }

    /** {@code FlushStageAuthorizersCache}: forgets every answer kept for the stage, canary included. */
    void flush(String stageName) {
        caches.forEach((scope, cache) -> {
            if (scope.stage().equals(stageName)) {
                cache.invalidateAll();
            }
        });
    }

    private static Scope scope(AuthorizerSpec spec, Stage stage) {
        return new Scope(spec.id(), stage.name(), stage.deploymentId());
    }

    private Cache<List<String>, AuthorizerAnswer<P>> newCache(int ttlSeconds) {
        return Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(ttlSeconds))
                .maximumSize(MAX_ENTRIES)
                .ticker(ticker)
                // Clean-up on the calling thread: no pool, and deterministic in tests.
                .executor(Runnable::run)
                .build();
    }
}
