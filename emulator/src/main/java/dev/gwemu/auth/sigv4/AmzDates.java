package dev.gwemu.auth.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** SigV4's timestamps: ISO 8601 basic format ({@code 20240101T120000Z}) and the HTTP {@code Date} header's RFC 1123. */
final class AmzDates {
    private AmzDates() {
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'}, strictly; null when it is not that. */
    static Instant parseBasic(String text) {
        if (text == null || text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
            return null;
        }
        for (int i = 0; i < 15; i++) {
            if (i != 8 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(number(text, 0, 4), number(text, 4, 6), number(text, 6, 8),
                    number(text, 9, 11), number(text, 11, 13), number(text, 13, 15)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A {@code Date} header: RFC 1123 as HTTP sends it, or the basic format; null when neither. */
    static Instant parseDateHeader(String text) {
        Instant basic = parseBasic(text);
        if (basic != null || text == null) {
            return basic;
        }
        try {
            return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String formatBasic(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(16);
        pad(out, t.getYear(), 4);
        pad(out, t.getMonthValue(), 2);
        pad(out, t.getDayOfMonth(), 2);
        out.append('T');
        pad(out, t.getHour(), 2);
        pad(out, t.getMinute(), 2);
        pad(out, t.getSecond(), 2);
        return out.append('Z').toString();
    }

    /** The {@code yyyyMMdd} of a basic-format timestamp. */
    static String day(String basic) {
        return basic.substring(0, 8);
    }

    private static int number(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }
}
