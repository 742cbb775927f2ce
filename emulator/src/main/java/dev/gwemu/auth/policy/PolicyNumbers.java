package dev.gwemu.auth.policy;

import java.math.BigDecimal;

/** Numeric condition values: an optional sign, digits, and an optional fraction ({@code 42}, {@code -1.5}). */
final class PolicyNumbers {
    private static final int MAX_LENGTH = 64;

    private PolicyNumbers() {
    }

    /** @return the number, or null when {@code text} is no plain decimal (exponents are refused) */
    static BigDecimal parse(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return null;
        }
        int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        int digits = 0;
        boolean point = false;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return null;
            }
        }
        return digits == 0 ? null : new BigDecimal(text);
    }
}
