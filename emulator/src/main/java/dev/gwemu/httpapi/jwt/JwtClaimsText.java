package dev.gwemu.httpapi.jwt;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * A verified token's claims as {@code requestContext.authorizer.jwt.claims} shows them (data-plane.md §3.2): every
 * value a string. Choices where AWS is not recorded [unc]:
 * <ul>
 *   <li>claims sorted by name, as the fixture {@code http-v2-event-default-jwt.json} lists them (and as a Go map
 *   marshals), not in the token's order;</li>
 *   <li>strings as they are; numbers as their plain decimal text ({@code 1741948013}; {@code 1.50} as {@code 1.5}; never an
 *   exponent); booleans {@code true}/{@code false}; null {@code null};</li>
 *   <li>arrays as {@code [a b]}: elements rendered the same way, separated by one space (§3.2 [U]);</li>
 *   <li>objects as their compact JSON text ({@code {"k":"v"}}).</li>
 * </ul>
 */
final class JwtClaimsText {
    static final String ARRAY_OPEN = "[";
    static final String ARRAY_SEPARATOR = " ";
    static final String ARRAY_CLOSE = "]";

    private JwtClaimsText() {
    }

    static Map<String, String> render(JsonNode payload) {
        Map<String, String> sorted = new TreeMap<>();
        payload.properties().forEach(claim -> sorted.put(claim.getKey(), text(claim.getValue())));
        return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    static String text(JsonNode value) {
        if (value.isArray()) {
            StringJoiner joined = new StringJoiner(ARRAY_SEPARATOR, ARRAY_OPEN, ARRAY_CLOSE);
            value.forEach(element -> joined.add(text(element)));
            return joined.toString();
        }
        if (value.isObject()) {
            return value.toString();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        return value.isNull() ? "null" : value.asText();
    }
}
