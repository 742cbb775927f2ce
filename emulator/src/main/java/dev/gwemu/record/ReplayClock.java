package dev.gwemu.record;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The replaying gateway's clock: moved to each exchange's recorded time before it is replayed, and running on from
 * there, so quotas, throttles, caches and token expiry see the traffic spaced as it was recorded, not thousands of
 * requests in a second. It never goes back (exchanges are written as they finish, so arrival times may be a little
 * out of order). Before the first recorded time it is the real time.
 */
final class ReplayClock extends Clock {
    /** A recorded time and when (System.nanoTime) the clock was moved to it. */
    private record Mark(Instant time, long nanos) {
    }

    private volatile Mark mark; // null until the first recorded time

    /** Moves the clock to {@code time}, unless it already is later. */
    synchronized void moveTo(Instant time) {
        if (time == null) {
            return;
        }
        if (mark == null || time.isAfter(instant())) {
            mark = new Mark(time, System.nanoTime());
        }
    }

    @Override
    public Instant instant() {
        Mark current = mark;
        return current == null ? Instant.now() : current.time().plusNanos(System.nanoTime() - current.nanos());
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
