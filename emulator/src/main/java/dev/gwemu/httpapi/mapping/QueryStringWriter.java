package dev.gwemu.httpapi.mapping;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes decoded query parameters back as a raw query string: UTF-8, percent-encoded, {@code %20} for spaces. */
final class QueryStringWriter {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryStringWriter() {
    }

    static String write(Map<String, List<String>> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((name, values) -> {
            for (String value : values) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                encode(name, out);
                out.append('=');
                encode(value, out);
            }
        });
        return out.toString();
    }

    /** Keeps RFC 3986 unreserved characters; everything else is escaped byte by byte. */
    private static void encode(String s, StringBuilder out) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
    }
}
