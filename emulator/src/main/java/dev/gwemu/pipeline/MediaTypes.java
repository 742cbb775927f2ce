package dev.gwemu.pipeline;

import java.util.Locale;

/** The media-type part of a Content-Type or Accept value, as API Gateway compares them. */
public final class MediaTypes {
    private MediaTypes() {
    }

    /**
     * {@code "Application/JSON; charset=UTF-8"} is {@code application/json}.
     *
     * @return the MIME part in lower case, or {@code fallback} when the value is absent or blank
     */
    public static String essence(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
