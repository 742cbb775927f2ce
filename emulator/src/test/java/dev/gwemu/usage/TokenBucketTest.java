package dev.gwemu.usage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Token bucket semantics, security-and-operations.md §2.6. */
class TokenBucketTest {
    private final TestClock clock = new TestClock("2024-03-10T12:00:00Z");

    private TokenBucket bucket(double rate, int burst) {
        return new TokenBucket(new ThrottleLimit(rate, burst), clock::nanoTime);
    }

    private static int drain(TokenBucket bucket) {
        int taken = 0;
        while (bucket.tryTake()) {
            taken++;
        }
        return taken;
    }

    @Test
    void startsFull() {
        TokenBucket b = bucket(1, 5);
        assertEquals(5, b.available());
        assertEquals(5, drain(b));
        assertFalse(b.tryTake());
        assertEquals(0, b.available());
    }

    @Test
    void refillsContinuouslyButNeverPastBurst() {
        TokenBucket b = bucket(10, 3);
        drain(b);
        clock.advance(Duration.ofMillis(99));
        assertFalse(b.tryTake());
        clock.advance(Duration.ofMillis(1));          // 0.1 s at 10/s: one token
        assertTrue(b.tryTake());
        assertFalse(b.tryTake());
        clock.advance(Duration.ofHours(1));
        assertEquals(3, b.available());
        assertEquals(3, drain(b));
    }

    @Test
    void halfATokenPerSecond() {
        TokenBucket b = bucket(0.5, 1);
        assertTrue(b.tryTake());
        clock.advanceNanos(1_999_999_999L);
        assertFalse(b.tryTake());
        clock.advanceNanos(1);                        // exactly 2 s
        assertTrue(b.tryTake());
        assertFalse(b.tryTake());
    }

    @Test
    void aTenthOfATokenPerSecondIsExactOverManyPeriods() {
        TokenBucket b = bucket(0.1, 1);
        assertTrue(b.tryTake());
        for (int i = 0; i < 100; i++) {
            clock.advanceNanos(9_999_999_999L);
            assertFalse(b.tryTake(), "period " + i);
            clock.advanceNanos(1);
            assertTrue(b.tryTake(), "period " + i);
        }
    }

    @Test
    void aRateThatDoesNotDivideASecondLosesNothingToRounding() {
        TokenBucket b = bucket(3, 1);
        assertTrue(b.tryTake());
        // 1/3 s is 333 333 333.3 ns: at 333 333 333 ns the bucket holds 0.999999999 tokens.
        clock.advanceNanos(333_333_333L);
        assertFalse(b.tryTake());
        clock.advanceNanos(1);
        assertTrue(b.tryTake());
        // Over 3 s in uneven steps: exactly 9 tokens, though no step lands on a token boundary.
        TokenBucket c = bucket(3, 100);
        drain(c);
        int taken = 0;
        for (int i = 0; i < 3000; i++) {
            clock.advanceNanos(1_000_000L);
            taken += drain(c);
        }
        assertEquals(9, taken);
    }

    @Test
    void rateZeroBurstZeroBlocksEverything() {
        TokenBucket b = bucket(0, 0);
        assertFalse(b.tryTake());
        clock.advance(Duration.ofDays(365));
        assertFalse(b.tryTake());
    }

    @Test
    void rateZeroNeverRefills() {
        TokenBucket b = bucket(0, 3);
        assertEquals(3, drain(b));
        clock.advance(Duration.ofDays(365));
        assertFalse(b.tryTake());
    }

    @Test
    void burstZeroBlocksWhateverTheRate() {
        TokenBucket b = bucket(10_000, 0);
        clock.advance(Duration.ofSeconds(5));
        assertFalse(b.tryTake());
    }

    @Test
    void longIdleAtHighRateDoesNotOverflow() {
        TokenBucket b = bucket(1e9, Integer.MAX_VALUE);
        assertTrue(b.tryTake());
        clock.advance(Duration.ofDays(365 * 100));
        assertEquals(Integer.MAX_VALUE, b.available());
    }

    @Test
    void negativeOrNonNumericLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ThrottleLimit(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ThrottleLimit(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new ThrottleLimit(Double.NaN, 1));
    }

    /**
     * Exact under contention: threads released together fire more requests than the burst at a fresh bucket with
     * a frozen clock; exactly burstLimit get through. Then k/rate seconds later exactly k more do.
     */
    @Test
    void exactlyBurstUnderContentionThenExactlyKAfterKOverRate() throws Exception {
        int threads = 8;
        int perThread = 250;                          // 2 000 requests
        int burst = 500;
        int rate = 40;
        TokenBucket b = bucket(rate, burst);
        assertEquals(burst, fire(threads, perThread, b));

        int k = 37;
        clock.advanceNanos(k * 1_000_000_000L / rate);  // k/rate = 0.925 s
        assertEquals(k, fire(threads, perThread, b));
        assertEquals(0, b.available());
    }

    static int fire(int threads, int perThread, TokenBucket b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    int admitted = 0;
                    for (int i = 0; i < perThread; i++) {
                        if (b.tryTake()) {
                            admitted++;
                        }
                    }
                    return admitted;
                }));
            }
            ready.await();
            go.countDown();
            int admitted = 0;
            for (Future<Integer> f : results) {
                admitted += f.get(30, TimeUnit.SECONDS);
            }
            return admitted;
        } finally {
            pool.shutdownNow();
        }
    }
}
