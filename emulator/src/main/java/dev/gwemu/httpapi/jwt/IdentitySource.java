package dev.gwemu.httpapi.jwt;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.QueryString;

import java.util.List;

/**
 * Where a JWT authorizer reads its token: {@code $request.header.X} (any case) or {@code $request.querystring.X}
 * (security-and-operations.md §3.4). Repeated headers or parameters are joined with commas, as the payload 2.0 event
 * shows them (data-plane.md §3.2).
 *
 * @param fromHeader true for a header, false for a query parameter
 * @param name       the header or parameter name
 */
record IdentitySource(boolean fromHeader, String name) {
    private static final String HEADER = "$request.header.";
    private static final String QUERY = "$request.querystring.";

    static IdentitySource parse(String expression) {
        if (expression.startsWith(HEADER) && expression.length() > HEADER.length()) {
            return new IdentitySource(true, expression.substring(HEADER.length()));
        }
        if (expression.startsWith(QUERY) && expression.length() > QUERY.length()) {
            return new IdentitySource(false, expression.substring(QUERY.length()));
        }
        throw new IllegalArgumentException("a JWT authorizer reads its token from $request.header.NAME or "
                + "$request.querystring.NAME, not " + expression);
    }

    /** The value, or null when the request does not carry it. */
    String read(HttpRequest request) {
        if (fromHeader) {
            List<String> values = request.headers().lines().stream()
                    .filter(h -> h.name().equalsIgnoreCase(name)).map(HeaderList.Header::value).toList();
            return values.isEmpty() ? null : String.join(",", values);
        }
        List<String> values = QueryString.parse(request.rawQuery()).all().get(name);
        return values == null ? null : String.join(",", values);
    }

    @Override
    public String toString() {
        return (fromHeader ? HEADER : QUERY) + name;
    }
}
