package dev.gwemu.cache;

import static dev.gwemu.cache.Req.bodyOf;
import static dev.gwemu.cache.Req.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many threads look up, store and invalidate at once; every hit must be the response of its own key. */
class ConcurrencyTest {
    private static final int THREADS = 16;
    private static final int OPERATIONS = 5_000;
    private static final int KEYS = 64;

    @Test
    void parallelLookupsAndStoresNeverMixEntries() throws Exception {
        StageResponseCache cache = new StageResponseCache(CacheSettings.enabled(0.5,
                new MethodCacheSettings(true, 300, false, UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403),
                Map.of()), 64 * 1024, new FakeTicker());
        AtomicInteger hits = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < OPERATIONS; i++) {
                    String k = Integer.toString(random.nextInt(KEYS));
                    Req req = Req.get("/pets/{id}").keys("res001", "method.request.path.id").path("id", k);
                    if (random.nextInt(50) == 0) {
                        req.maxAgeZero();
                    }
                    CacheDecision d = cache.lookup(req.build());
                    if (d instanceof CacheDecision.Hit hit) {
                        assertEquals("pet " + k, bodyOf(hit.response()));
                        hits.incrementAndGet();
                    } else {
                        cache.store((CacheDecision.Miss) d, response(200, "pet " + k, "X-Id", k));
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        for (Future<?> f : done) {
            f.get();
        }
        assertTrue(hits.get() > THREADS * OPERATIONS / 2, "hits " + hits.get());
        for (int k = 0; k < KEYS; k++) {
            CacheDecision d = cache.lookup(Req.get("/pets/{id}").keys("res001", "method.request.path.id")
                    .path("id", Integer.toString(k)).build());
            if (d instanceof CacheDecision.Hit hit) {
                assertEquals("pet " + k, bodyOf(hit.response()));
                assertEquals(Integer.toString(k), hit.response().headers().get(0).value());
            }
        }
        assertTrue(cache.weightedSize() <= 64 * 1024);
    }
}
