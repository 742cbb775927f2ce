package dev.gwemu.cache;

import static dev.gwemu.cache.Req.bodyOf;
import static dev.gwemu.cache.Req.response;
import static dev.gwemu.cache.UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403;
import static dev.gwemu.cache.UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITHOUT_RESPONSE_HEADER;
import static dev.gwemu.cache.UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** §6 [doc]: Cache-Control: max-age=0, requireAuthorizationForCacheControl and the unauthorised strategies. */
class InvalidationTest {
    private static final HeaderList.Header WARNING = new HeaderList.Header("Warning",
            "199 - \"Cache-Control: max-age=0 ignored: not authorized to invalidate the cache\"");

    private final FakeTicker clock = new FakeTicker();

    /** A stage whose GET /pets holds "old". */
    private StageResponseCache primed(boolean requireAuthorization, UnauthorizedCacheControlHeaderStrategy strategy) {
        StageResponseCache cache = new StageResponseCache(CacheSettings.enabled(0.5,
                new MethodCacheSettings(true, 300, requireAuthorization, strategy), Map.of()), clock);
        cache.store(assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/pets").build())),
                response(200, "old"));
        return cache;
    }

    private static void assertStillCached(StageResponseCache cache) {
        CacheDecision.Hit hit = assertInstanceOf(CacheDecision.Hit.class, cache.lookup(Req.get("/pets").build()));
        assertEquals("old", bodyOf(hit.response()));
        assertEquals(List.of(), hit.addedHeaders());
    }

    @Test
    void authorisedCallerInvalidatesAndTheNewResponseReplacesTheEntry() {
        for (UnauthorizedCacheControlHeaderStrategy strategy : UnauthorizedCacheControlHeaderStrategy.values()) {
            StageResponseCache cache = primed(true, strategy);
            CacheDecision.Miss miss = assertInstanceOf(CacheDecision.Miss.class,
                    cache.lookup(Req.get("/pets").maxAgeZero().authorised().build()));
            assertTrue(miss.invalidation());
            assertEquals(List.of(), miss.addedHeaders());
            cache.store(miss, response(200, "new"));
            CacheDecision.Hit hit = assertInstanceOf(CacheDecision.Hit.class, cache.lookup(Req.get("/pets").build()));
            assertEquals("new", bodyOf(hit.response()), strategy.name());
        }
    }

    @Test
    void invalidatedEntryIsGoneEvenIfNothingReplacesIt() {
        // §6 [doc]: the entry is invalidated; if the integration then fails, nothing is stored
        StageResponseCache cache = primed(true, FAIL_WITH_403);
        cache.lookup(Req.get("/pets").maxAgeZero().authorised().build());
        assertFalse(assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/pets").build())).invalidation());
    }

    @Test
    void withoutRequiredAuthorisationAnyCallerInvalidates() {
        // §6 [doc]: requireAuthorizationForCacheControl false → any client may invalidate
        StageResponseCache cache = primed(false, FAIL_WITH_403);
        assertTrue(assertInstanceOf(CacheDecision.Miss.class,
                cache.lookup(Req.get("/pets").maxAgeZero().build())).invalidation());
    }

    @Test
    void failWith403RefusesTheUnauthorisedCaller() {
        // §6 [doc] 403; [unc] body and error type
        StageResponseCache cache = primed(true, FAIL_WITH_403);
        CacheDecision.Reject reject = assertInstanceOf(CacheDecision.Reject.class,
                cache.lookup(Req.get("/pets").maxAgeZero().build()));
        assertEquals(new CacheDecision.Reject(403, "UnauthorizedException", "{\"message\":\"Unauthorized\"}"), reject);
        assertStillCached(cache);
    }

    @Test
    void succeedWithResponseHeaderServesNormallyWithAWarning() {
        // §6 [doc] default strategy; [unc] the warning header
        StageResponseCache cache = primed(true, SUCCEED_WITH_RESPONSE_HEADER);
        CacheDecision.Hit hit = assertInstanceOf(CacheDecision.Hit.class,
                cache.lookup(Req.get("/pets").maxAgeZero().build()));
        assertEquals("old", bodyOf(hit.response()));
        assertEquals(List.of(WARNING), hit.toHttpResponse().headers().lines());
        assertStillCached(cache);
    }

    @Test
    void warningOnAMissIsNotStoredWithTheEntry() {
        StageResponseCache cache = new StageResponseCache(CacheSettings.enabled(0.5,
                new MethodCacheSettings(true, 300, true, SUCCEED_WITH_RESPONSE_HEADER), Map.of()), clock);
        CacheDecision.Miss miss = assertInstanceOf(CacheDecision.Miss.class,
                cache.lookup(Req.get("/pets").maxAgeZero().build()));
        assertFalse(miss.invalidation());
        HttpResponse fromIntegration = new HttpResponse(200, new HeaderList().add("Content-Type", "text/plain"),
                new byte[] {'x'});
        cache.store(miss, CachedResponse.from(fromIntegration));
        miss.addHeadersTo(fromIntegration);
        assertEquals(List.of(new HeaderList.Header("Content-Type", "text/plain"), WARNING),
                fromIntegration.headers().lines());
        CacheDecision.Hit hit = assertInstanceOf(CacheDecision.Hit.class, cache.lookup(Req.get("/pets").build()));
        assertEquals(List.of(new HeaderList.Header("Content-Type", "text/plain")), hit.response().headers());
    }

    @Test
    void succeedWithoutResponseHeaderIgnoresTheHeaderSilently() {
        StageResponseCache cache = primed(true, SUCCEED_WITHOUT_RESPONSE_HEADER);
        CacheDecision.Hit hit = assertInstanceOf(CacheDecision.Hit.class,
                cache.lookup(Req.get("/pets").maxAgeZero().build()));
        assertEquals("old", bodyOf(hit.response()));
        assertEquals(List.of(), hit.addedHeaders());
    }

    @Test
    void methodSettingChoosesItsOwnStrategy() {
        // §1.5 [snap]: requireAuthorizationForCacheControl and the strategy are per-method settings too
        StageResponseCache cache = new StageResponseCache(CacheSettings.enabled(0.5,
                new MethodCacheSettings(true, 300, true, SUCCEED_WITHOUT_RESPONSE_HEADER),
                Map.of("/strict/GET", new MethodCacheOverride(null, null, null, FAIL_WITH_403))), clock);
        assertInstanceOf(CacheDecision.Reject.class, cache.lookup(Req.get("/strict").maxAgeZero().build()));
        assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/pets").maxAgeZero().build()));
    }

    @Test
    void uncachedMethodIgnoresCacheControl() {
        // the strategies govern cache invalidation; a method without caching has nothing to invalidate
        StageResponseCache cache = primed(true, FAIL_WITH_403);
        assertSame(CacheDecision.Bypass.INSTANCE, cache.lookup(Req.get("/pets").method("POST", "POST").maxAgeZero().build()));
    }
}
