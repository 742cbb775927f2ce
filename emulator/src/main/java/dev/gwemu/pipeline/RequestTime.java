package dev.gwemu.pipeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code $context.requestTime}, the REST event's {@code requestTime} and the HTTP API event's {@code time}:
 * CLF, {@code 14/Mar/2025:09:26:53 +0000} (data-plane.md §2.1, §3.2).
 */
public final class RequestTime {
    private static final DateTimeFormatter CLF =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record FormattedSecond(long epochSecond, String text) {
    }

    /** Every request formats its time, but it only changes once a second: format it once a second. */
    private static volatile FormattedSecond lastSecond = new FormattedSecond(Long.MIN_VALUE, "");

    private RequestTime() {
    }

    public static String format(Instant time) {
        FormattedSecond last = lastSecond;
        if (last.epochSecond() != time.getEpochSecond()) {
            last = new FormattedSecond(time.getEpochSecond(), CLF.format(time));
            lastSecond = last;
        }
        return last.text();
    }
}
