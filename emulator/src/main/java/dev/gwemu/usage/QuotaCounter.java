package dev.gwemu.usage;

import java.util.Map;
import java.util.TreeMap;

/**
 * One key's quota in one plan (security-and-operations.md §2.6): the requests left in the current calendar period,
 * and per day the requests counted and what was left at the day's end, for usage reports. Plans without a quota
 * still count, for the reports. Days are epoch days in UTC; every method takes "today" from the caller.
 */
final class QuotaCounter {
    private final UsagePlan.Quota quota;
    /** The first day of the plan's initial period, the only one whose limit is reduced by the offset. */
    private final long initialPeriodStart;

    /** The first day after the current period. */
    private long periodEnd = Long.MIN_VALUE;
    private long remaining;
    /** Epoch day → {used, remaining at the end of the day}; written on every change, so absent days had none. */
    private final TreeMap<Long, long[]> days = new TreeMap<>();
    private long cachedDay = Long.MIN_VALUE;
    private long[] cachedRecord;

    /**
     * @param quota    the plan's quota, or null
     * @param firstDay the day the plan started serving (the gateway's start)
     */
    QuotaCounter(UsagePlan.Quota quota, long firstDay) {
        this.quota = quota;
        this.initialPeriodStart = quota == null ? firstDay : quota.period().startDay(firstDay);
    }

    /** Counts a request if the quota has room; a refused request is not counted (§2.3 [obs]). */
    synchronized boolean tryConsume(long day) {
        if (quota != null) {
            roll(day);
            if (remaining <= 0) {
                return false;
            }
            remaining--;
        }
        long[] record = record(day);
        record[0]++;
        record[1] = quota == null ? Quotas.REMAINING_WITHOUT_QUOTA : remaining;
        return true;
    }

    /** Requests left in the period of {@code day}; {@link Quotas#REMAINING_WITHOUT_QUOTA} without a quota. */
    synchronized long remaining(long day) {
        if (quota == null) {
            return Quotas.REMAINING_WITHOUT_QUOTA;
        }
        roll(day);
        return remaining;
    }

    /** Sets the requests left in the current period (AWS's {@code replace /remaining}, §2.1 [doc]). */
    synchronized void grant(long day, long newRemaining) {
        if (quota == null) {
            throw new IllegalArgumentException("the usage plan has no quota to extend");
        }
        roll(day);
        remaining = newRemaining;
        record(day)[1] = newRemaining;
    }

    /** {used, remaining} for one day: remaining as the day ended, or as it stands for today and later days. */
    synchronized long[] usage(long day) {
        long[] record = days.get(day);
        if (record != null) {
            return record.clone();
        }
        if (quota == null) {
            return new long[] {0, Quotas.REMAINING_WITHOUT_QUOTA};
        }
        // No change that day: what the last change of the same period left, else the period's full limit.
        long start = quota.period().startDay(day);
        Map.Entry<Long, long[]> before = days.lowerEntry(day);
        if (before != null && before.getKey() >= start) {
            return new long[] {0, before.getValue()[1]};
        }
        return new long[] {0, limitOfPeriod(start)};
    }

    /** Starts a new period when {@code day} is past the current one (a clock moved back stays in the current). */
    private void roll(long day) {
        if (day >= periodEnd) {
            long start = quota.period().startDay(day);
            periodEnd = quota.period().nextStartDay(start);
            remaining = limitOfPeriod(start);
        }
    }

    private long limitOfPeriod(long start) {
        return start == initialPeriodStart ? quota.initialLimit() : quota.limit();
    }

    private long[] record(long day) {
        if (day != cachedDay) {
            cachedRecord = days.computeIfAbsent(day, d -> new long[2]);
            cachedDay = day;
        }
        return cachedRecord;
    }
}
