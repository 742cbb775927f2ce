package dev.gwemu.usage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The buckets of a gateway and the all-or-nothing take, security-and-operations.md §2.4-§2.6. */
class ThrottlesTest {
    private final TestClock clock = new TestClock("2024-03-10T12:00:00Z");

    @Test
    void accountDefaultIsTenThousandPerSecondBurstFiveThousand() {
        assertEquals(new ThrottleLimit(10_000, 5_000), Throttles.ACCOUNT_DEFAULT);
        Throttles t = new Throttles(Throttles.ACCOUNT_DEFAULT, clock::nanoTime);
        assertEquals(5_000, t.account().available());
        int admitted = 0;
        for (int i = 0; i < 6_000; i++) {
            if (t.acquire(null, null, null, null) == UsageOutcome.OK) {
                admitted++;
            }
        }
        assertEquals(5_000, admitted);
    }

    @Test
    void bucketsAreCreatedOnceAndKeptPerScope() {
        Throttles t = new Throttles(Throttles.ACCOUNT_DEFAULT, clock::nanoTime);
        ThrottleLimit l = new ThrottleLimit(1, 1);
        assertSame(t.stage("a1", "dev", l), t.stage("a1", "dev", l));
        assertSame(t.stage("a1", "dev", l), t.stageMethod("a1", "dev", "*/*", l));
        assertNotSame(t.stage("a1", "dev", l), t.stage("a1", "prod", l));
        assertNotSame(t.stageMethod("a1", "dev", "/pets/GET", l), t.stageMethod("a1", "dev", "/pets/POST", l));
        assertSame(t.plan("up1", "k1", l), t.plan("up1", "k1", l));
        assertNotSame(t.plan("up1", "k1", l), t.plan("up1", "k2", l));
        assertSame(t.planMethod("up1", "a1", "dev", "/pets/GET", "k1", l),
                t.planMethod("up1", "a1", "dev", "/pets/GET", "k1", l));
        assertNotSame(t.planMethod("up1", "a1", "dev", "/pets/GET", "k1", l),
                t.planMethod("up1", "a1", "prod", "/pets/GET", "k1", l));
        // The limit a bucket was made with stays.
        assertEquals(l, t.stage("a1", "dev", new ThrottleLimit(5, 5)).limit());
    }

    /** §2.6 [unc]: a later empty bucket means no token is taken from the earlier ones, nor from the later ones. */
    @Test
    void rejectionTakesNothingAnywhere() {
        Throttles t = new Throttles(new ThrottleLimit(0, 10), clock::nanoTime);
        TokenBucket planMethod = t.planMethod("up1", "a1", "dev", "/pets/GET", "k1", new ThrottleLimit(0, 5));
        TokenBucket plan = t.plan("up1", "k1", new ThrottleLimit(0, 5));
        TokenBucket stageMethod = t.stageMethod("a1", "dev", "/pets/GET", new ThrottleLimit(0, 1));
        TokenBucket stage = t.stage("a1", "dev", new ThrottleLimit(0, 5));

        assertEquals(UsageOutcome.OK, t.acquire(planMethod, plan, stageMethod, stage));
        assertEquals(UsageOutcome.THROTTLED, t.acquire(planMethod, plan, stageMethod, stage));
        assertEquals(4, planMethod.available());
        assertEquals(4, plan.available());
        assertEquals(0, stageMethod.available());
        assertEquals(4, stage.available());
        assertEquals(9, t.account().available());
    }

    /**
     * Contention across buckets: requests on two stages share the account bucket. Exactly the account's burst
     * gets through, and each stage bucket lost exactly the tokens of the requests it admitted.
     */
    @Test
    void exactAcrossSharedBucketsUnderContention() throws Exception {
        Throttles t = new Throttles(new ThrottleLimit(0, 150), clock::nanoTime);
        TokenBucket dev = t.stage("a1", "dev", new ThrottleLimit(0, 100));
        TokenBucket prod = t.stage("a1", "prod", new ThrottleLimit(0, 100));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<int[]>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                TokenBucket mine = i % 2 == 0 ? dev : prod;
                int index = i % 2;
                results.add(pool.submit(() -> {
                    go.await();
                    int[] admitted = new int[2];
                    for (int r = 0; r < 100; r++) {
                        if (t.acquire(null, null, null, mine) == UsageOutcome.OK) {
                            admitted[index]++;
                        }
                    }
                    return admitted;
                }));
            }
            go.countDown();
            int[] admitted = new int[2];
            for (Future<int[]> f : results) {
                int[] a = f.get(30, TimeUnit.SECONDS);
                admitted[0] += a[0];
                admitted[1] += a[1];
            }
            assertEquals(150, admitted[0] + admitted[1]);
            assertEquals(100 - admitted[0], dev.available());
            assertEquals(100 - admitted[1], prod.available());
            assertEquals(0, t.account().available());
        } finally {
            pool.shutdownNow();
        }
    }
}
