package dev.gwemu.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query string decoded as API Gateway decodes it (data-plane.md §1.7): '+' becomes a space,
 * percent escapes are decoded, repeated keys keep every value in order, {@code ?flag} has the value "".
 */
public final class QueryString {
    private static final QueryString EMPTY = new QueryString(Map.of());
    private final Map<String, List<String>> values;

    private QueryString(Map<String, List<String>> values) {
        this.values = values;
    }

    public static QueryString parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return values.isEmpty() ? EMPTY : new QueryString(Collections.unmodifiableMap(values));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Every value of every name, in order of first appearance. */
    public Map<String, List<String>> all() {
        return values;
    }

    /** The last value of each name, as {@code queryStringParameters} shows it. */
    public Map<String, String> lastValues() {
        Map<String, String> last = new LinkedHashMap<>();
        values.forEach((k, v) -> last.put(k, v.get(v.size() - 1)));
        return last;
    }

    /** Lenient percent-decoding: a malformed escape stays as written instead of failing the request. */
    static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out[n++] = ' ';
            } else if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out[n++] = (byte) (hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                System.arraycopy(b, 0, out, n, b.length);
                n += b.length;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
