package dev.gwemu.cache;

import static dev.gwemu.cache.Req.bodyOf;
import static dev.gwemu.cache.Req.response;
import static dev.gwemu.cache.UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** §6: what is cached, for how long, under which key, within what size. */
class StageResponseCacheTest {
    private static final MethodCacheSettings ON = new MethodCacheSettings(true, 300, true, SUCCEED_WITH_RESPONSE_HEADER);
    private static final long ONE_MB = 1L << 20;

    private final FakeTicker clock = new FakeTicker();

    private StageResponseCache cache(Map<String, MethodCacheOverride> overrides) {
        return new StageResponseCache(CacheSettings.enabled(0.5, ON, overrides), 4 * ONE_MB, clock);
    }

    /** Looks up, and on a miss stores {@code body}; returns the body the client gets. */
    private static String serve(StageResponseCache cache, Req req, String body) {
        CacheDecision d = cache.lookup(req.build());
        if (d instanceof CacheDecision.Hit hit) {
            return bodyOf(hit.response());
        }
        cache.store(assertInstanceOf(CacheDecision.Miss.class, d), response(200, body));
        return body;
    }

    @Test
    void entryLivesExactlyTheDefaultTtl() {
        // §6 [doc]: default TTL 300 s
        StageResponseCache cache = cache(Map.of());
        assertEquals("first", serve(cache, Req.get("/pets"), "first"));
        clock.advance(Duration.ofSeconds(300).minusNanos(1));
        assertEquals("first", serve(cache, Req.get("/pets"), "second"));
        clock.advanceNanos(1);
        assertEquals("third", serve(cache, Req.get("/pets"), "third"));
    }

    @Test
    void methodTtlOverrideSetsTheEntryLifetime() {
        // §1.5/§6: per-method cacheTtlInSeconds
        StageResponseCache cache = cache(Map.of("/pets/{id}/GET", new MethodCacheOverride(null, 10)));
        CacheDecision.Miss miss = assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/pets/{id}").build()));
        assertEquals(Duration.ofSeconds(10), miss.ttl());
        cache.store(miss, response(200, "a"));
        serve(cache, Req.get("/pets"), "b");
        clock.advance(Duration.ofSeconds(10));
        assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/pets/{id}").build()));
        assertInstanceOf(CacheDecision.Hit.class, cache.lookup(Req.get("/pets").build()));
    }

    @Test
    void replacingAnEntryRestartsItsTtl() {
        StageResponseCache cache = cache(Map.of());
        serve(cache, Req.get("/pets"), "one");
        clock.advance(Duration.ofSeconds(200));
        cache.store(new CacheDecision.Miss(Req.get("/pets").build().key(), Duration.ofSeconds(300), false, List.of()),
                response(200, "two"));
        clock.advance(Duration.ofSeconds(299));
        assertEquals("two", serve(cache, Req.get("/pets"), "three"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("three", serve(cache, Req.get("/pets"), "three"));
    }

    @Test
    void uncachedMethodsBypass() {
        // §6 [doc]: */* caches GET only; a per-method setting can switch a method off; TTL 0 disables
        StageResponseCache cache = cache(Map.of(
                "/off/GET", new MethodCacheOverride(false, null),
                "/zero/GET", new MethodCacheOverride(null, 0)));
        assertSame(CacheDecision.Bypass.INSTANCE, cache.lookup(Req.get("/pets").method("POST", "POST").build()));
        assertSame(CacheDecision.Bypass.INSTANCE, cache.lookup(Req.get("/off").build()));
        assertSame(CacheDecision.Bypass.INSTANCE, cache.lookup(Req.get("/zero").build()));
        assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/pets").build()));
    }

    @Test
    void noClusterMeansNoCaching() {
        // §6: a method is cached only when the stage cluster is enabled
        StageResponseCache cache = new StageResponseCache(
                new CacheSettings(false, 0.5, ON, Map.of("/pets/POST", new MethodCacheOverride(true, 60))), clock);
        assertSame(CacheDecision.Bypass.INSTANCE, cache.lookup(Req.get("/pets").build()));
        assertSame(CacheDecision.Bypass.INSTANCE, cache.lookup(Req.get("/pets").method("POST", "POST").build()));
    }

    @Test
    void anyMethodWithItsOwnSettingCachesEachVerbApart() {
        // §6 [doc]: the verb is part of the key; [unc] ANY needs its own setting
        StageResponseCache cache = cache(Map.of("/{proxy+}/ANY", new MethodCacheOverride(true, null)));
        assertEquals("get", serve(cache, Req.get("/{proxy+}").method("ANY", "GET"), "get"));
        assertEquals("post", serve(cache, Req.get("/{proxy+}").method("ANY", "POST"), "post"));
        assertEquals("get", serve(cache, Req.get("/{proxy+}").method("ANY", "GET"), "x"));
        assertEquals("post", serve(cache, Req.get("/{proxy+}").method("ANY", "POST"), "x"));
    }

    @Test
    void requestsDifferingOnlyInNonKeyParametersShareAnEntry() {
        // §6 [obs]: path and query parameters not listed are ignored
        StageResponseCache cache = cache(Map.of());
        Req first = Req.get("/pets/{id}").keys("res002", "method.request.querystring.type")
                .path("id", "1").query("type", "dog").query("page", "1").header("X-Other", "a");
        Req second = Req.get("/pets/{id}").keys("res002", "method.request.querystring.type")
                .path("id", "2").query("type", "dog").query("page", "2").header("X-Other", "b");
        Req third = Req.get("/pets/{id}").keys("res002", "method.request.querystring.type")
                .path("id", "1").query("type", "cat");
        assertEquals("dog-1", serve(cache, first, "dog-1"));
        assertEquals("dog-1", serve(cache, second, "dog-2"));
        assertEquals("cat-1", serve(cache, third, "cat-1"));
    }

    @Test
    void nonSuccessResponsesAreCachedToo() {
        // §6 [obs][unc]: a backend 429 is cached
        StageResponseCache cache = cache(Map.of());
        CacheDecision.Miss miss = assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/pets").build()));
        assertTrue(cache.store(miss, response(429, "{\"message\":\"slow down\"}")));
        CacheDecision.Hit hit = assertInstanceOf(CacheDecision.Hit.class, cache.lookup(Req.get("/pets").build()));
        assertEquals(429, hit.response().status());
    }

    @Test
    void responsesOverOneMegabyteAreNotStored() {
        // §6: max cacheable response 1,048,576 bytes
        StageResponseCache cache = cache(Map.of());
        CacheDecision.Miss big = assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/big").build()));
        assertFalse(cache.store(big, new CachedResponse(200, List.of(), new byte[1_048_577])));
        assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/big").build()));

        CacheDecision.Miss limit = assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/limit").build()));
        assertTrue(cache.store(limit, new CachedResponse(200, List.of(), new byte[1_048_576])));
        assertInstanceOf(CacheDecision.Hit.class, cache.lookup(Req.get("/limit").build()));
    }

    @Test
    void hitIsTheStoredResponseWithNothingAdded() {
        // §6 [doc][snap]: no API Gateway cache-hit header; §0: request ids and Date belong to each request
        StageResponseCache cache = cache(Map.of());
        HttpResponse fromIntegration = new HttpResponse(201, new HeaderList()
                .add("Content-Type", "application/json").add("x-amzn-RequestId", "r-1").add("Set-Cookie", "a=1")
                .add("X-Amzn-Trace-Id", "Root=1").add("Date", "Mon").add("x-amz-apigw-id", "id=")
                .add("Set-Cookie", "b=2"), "{}".getBytes(StandardCharsets.UTF_8));
        CacheDecision.Miss miss = assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/pets").build()));
        cache.store(miss, CachedResponse.from(fromIntegration));

        CacheDecision.Hit hit = assertInstanceOf(CacheDecision.Hit.class, cache.lookup(Req.get("/pets").build()));
        HttpResponse served = hit.toHttpResponse();
        assertEquals(201, served.status());
        assertEquals(List.of(new HeaderList.Header("Content-Type", "application/json"),
                new HeaderList.Header("Set-Cookie", "a=1"), new HeaderList.Header("Set-Cookie", "b=2")),
                served.headers().lines());
        assertEquals("{}", new String(served.body(), StandardCharsets.UTF_8));
    }

    @Test
    void servedResponsesCannotAlterTheEntry() {
        StageResponseCache cache = cache(Map.of());
        serve(cache, Req.get("/pets"), "abc");
        HttpResponse served = assertInstanceOf(CacheDecision.Hit.class, cache.lookup(Req.get("/pets").build()))
                .toHttpResponse();
        served.body()[0] = 'X';
        served.headers().add("x-amzn-RequestId", "r-2");
        CacheDecision.Hit again = assertInstanceOf(CacheDecision.Hit.class, cache.lookup(Req.get("/pets").build()));
        assertEquals("abc", bodyOf(again.response()));
        assertEquals(List.of(), again.toHttpResponse().headers().lines());
    }

    @Test
    void weightIsBodyPlusHeaderBytes() {
        StageResponseCache cache = cache(Map.of());
        CacheDecision.Miss miss = assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/pets").build()));
        cache.store(miss, new CachedResponse(200, List.of(new HeaderList.Header("X-A", "bébé")), new byte[100]));
        assertEquals(100 + 3 + 6, cache.weightedSize());
    }

    @Test
    void sizeBoundEvictsEntries() {
        // §6: the cluster has a fixed capacity; a tiny one holds five 200-byte responses at most
        StageResponseCache cache = new StageResponseCache(CacheSettings.enabled(0.5, ON, Map.of()), 1000, clock);
        for (int i = 0; i < 20; i++) {
            CacheDecision.Miss miss = assertInstanceOf(CacheDecision.Miss.class,
                    cache.lookup(Req.get("/pets").keys("res001", "method.request.querystring.i")
                            .query("i", Integer.toString(i)).build()));
            cache.store(miss, new CachedResponse(200, List.of(), new byte[200]));
            assertTrue(cache.weightedSize() <= 1000, "weighted size " + cache.weightedSize());
        }
        assertTrue(cache.entryCount() <= 5 && cache.entryCount() >= 1, "entries " + cache.entryCount());

        CacheDecision.Miss huge = assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/huge").build()));
        cache.store(huge, new CachedResponse(200, List.of(), new byte[1001]));
        assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/huge").build()));
    }

    @Test
    void flushDropsEverything() {
        // §6 [doc]: FlushStageCache
        StageResponseCache cache = cache(Map.of());
        serve(cache, Req.get("/a"), "a");
        serve(cache, Req.get("/b"), "b");
        assertEquals(2, cache.entryCount());
        cache.flush();
        assertEquals(0, cache.entryCount());
        assertInstanceOf(CacheDecision.Miss.class, cache.lookup(Req.get("/a").build()));
    }
}
