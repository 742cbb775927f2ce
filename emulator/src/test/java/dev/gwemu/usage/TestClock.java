package dev.gwemu.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** One fake time for both clocks of the package: wall time for quotas, {@link #nanoTime} for buckets. */
final class TestClock extends Clock {
    private final AtomicLong epochNanos = new AtomicLong();

    TestClock(String instant) {
        set(instant);
    }

    void set(String instant) {
        Instant i = Instant.parse(instant);
        epochNanos.set(i.getEpochSecond() * 1_000_000_000L + i.getNano());
    }

    void advance(Duration d) {
        epochNanos.addAndGet(d.toNanos());
    }

    void advanceNanos(long nanos) {
        epochNanos.addAndGet(nanos);
    }

    long nanoTime() {
        return epochNanos.get();
    }

    @Override
    public long millis() {
        return Math.floorDiv(epochNanos.get(), 1_000_000L);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(0, epochNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
