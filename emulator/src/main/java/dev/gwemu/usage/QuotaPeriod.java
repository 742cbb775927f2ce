package dev.gwemu.usage;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A quota's calendar window in UTC (security-and-operations.md §2.6 [doc]): periods reset at their start rather
 * than draining in a rolling window (the rolling reading is [unc]; the spec says implement calendar reset).
 * Days are epoch days (days since 1970-01-01, UTC).
 */
public enum QuotaPeriod {
    /** Resets at 00:00 UTC. */
    DAY,
    /** Resets at 00:00 UTC on {@link #WEEK_START}. */
    WEEK,
    /** Resets at 00:00 UTC on the 1st. */
    MONTH;

    /** [unc] §2.6 says only "at period start (UTC)": weeks here are ISO weeks, starting on Monday. */
    public static final DayOfWeek WEEK_START = DayOfWeek.MONDAY;
    /** Days from the last {@link #WEEK_START} to 1970-01-01, a Thursday. */
    private static final int EPOCH_DAY_IN_WEEK = DayOfWeek.THURSDAY.getValue() - WEEK_START.getValue();

    /** The first day of the period that contains {@code epochDay}. */
    public long startDay(long epochDay) {
        return switch (this) {
            case DAY -> epochDay;
            case WEEK -> epochDay - Math.floorMod(epochDay + EPOCH_DAY_IN_WEEK, 7);
            case MONTH -> LocalDate.ofEpochDay(epochDay).withDayOfMonth(1).toEpochDay();
        };
    }

    /** The first day of the period after the one starting on {@code startDay}. */
    public long nextStartDay(long startDay) {
        return switch (this) {
            case DAY -> startDay + 1;
            case WEEK -> startDay + 7;
            case MONTH -> LocalDate.ofEpochDay(startDay).plusMonths(1).withDayOfMonth(1).toEpochDay();
        };
    }
}
