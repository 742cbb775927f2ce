package dev.gwemu.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw query string split into parameters, each kept both decoded (to read the X-Amz-* values)
 * and re-encoded the way SigV4 puts it in the canonical query string.
 */
final class QueryParameters {
    /**
     * @param name           the decoded name
     * @param value          the decoded value ("" for {@code ?flag}, as the SDK signs it)
     * @param canonicalName  the name as the canonical query string spells it
     * @param canonicalValue the value as the canonical query string spells it
     */
    record Parameter(String name, String value, String canonicalName, String canonicalValue) {
    }

    private static final QueryParameters NONE = new QueryParameters(List.of());
    private final List<Parameter> parameters;

    private QueryParameters(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return NONE;
        }
        List<Parameter> parameters = new ArrayList<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) {
                parameters.add(parameter(rawQuery.substring(start, end)));
            }
            start = end + 1;
        }
        return new QueryParameters(List.copyOf(parameters));
    }

    private static Parameter parameter(String pair) {
        int eq = pair.indexOf('=');
        byte[] name = PercentEncoding.decodeQueryComponent(eq < 0 ? pair : pair.substring(0, eq));
        byte[] value = eq < 0 ? new byte[0] : PercentEncoding.decodeQueryComponent(pair.substring(eq + 1));
        return new Parameter(new String(name, StandardCharsets.UTF_8), new String(value, StandardCharsets.UTF_8),
                PercentEncoding.encode(name), PercentEncoding.encode(value));
    }

    List<Parameter> all() {
        return parameters;
    }

    /** The first value of {@code name} (case matters, as in AWS), or null. */
    String first(String name) {
        for (Parameter p : parameters) {
            if (p.name.equals(name)) {
                return p.value;
            }
        }
        return null;
    }

    int count(String name) {
        int n = 0;
        for (Parameter p : parameters) {
            if (p.name.equals(name)) {
                n++;
            }
        }
        return n;
    }
}
