package dev.gwemu.cache;

import dev.gwemu.pipeline.HeaderList;

/** Reads the client's request to invalidate its cache entry (security-and-operations.md §6 [doc]). */
final class CacheControl {
    private CacheControl() {
    }

    /**
     * True when a {@code Cache-Control} line carries the directive {@code max-age=0}. [unc] AWS documents only that
     * exact header; other directives beside it, any case, spaces around {@code =}, a quoted or zero-padded value are
     * read as the same request. {@code no-cache} alone is not.
     */
    static boolean requestsInvalidation(HeaderList headers) {
        for (HeaderList.Header h : headers.lines()) {
            if (h.name().equalsIgnoreCase("Cache-Control")) {
                for (String directive : h.value().split(",")) {
                    if (isMaxAgeZero(directive)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isMaxAgeZero(String directive) {
        int eq = directive.indexOf('=');
        if (eq < 0 || !directive.substring(0, eq).trim().equalsIgnoreCase("max-age")) {
            return false;
        }
        String value = directive.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return !value.isEmpty() && value.chars().allMatch(c -> c == '0');
    }
}
