package dev.gwemu.auth.policy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Date condition values: the W3C profile of ISO 8601 or epoch seconds, as the IAM User Guide's Date condition
 * operators accept ({@code 2026-11-25T21:06:17Z}, {@code 2026-11-25T23:06:17+02:00}, {@code 2026-11-25T21:06Z},
 * {@code 2026-11-25}, {@code 1795640777}). A date without an offset is UTC.
 */
final class PolicyDates {
    private static final int MAX_LENGTH = 40;

    private PolicyDates() {
    }

    /** @return the instant, or null when {@code text} is no such date */
    static Instant parse(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return null;
        }
        try {
            if (isEpochSeconds(text)) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            if (text.indexOf('T') < 0) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            char last = text.charAt(text.length() - 1);
            boolean hasOffset = last == 'Z' || last == 'z' || text.lastIndexOf('+') > text.indexOf('T')
                    || text.lastIndexOf('-') > text.indexOf('T');
            return hasOffset ? OffsetDateTime.parse(text.replace('z', 'Z')).toInstant()
                    : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static boolean isEpochSeconds(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length() || text.length() - start > 18) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
