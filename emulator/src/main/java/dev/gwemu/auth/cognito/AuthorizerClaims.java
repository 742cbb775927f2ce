package dev.gwemu.auth.cognito;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A verified token's claims as {@code requestContext.authorizer.claims} and {@code $context.authorizer.claims} show
 * them (security-and-operations.md §3.2 [obs]): every value a string, in the token's order.
 */
final class AuthorizerClaims {
    /**
     * How AWS writes {@code exp} and {@code iat}: Java's {@code Date.toString()} in UTC, {@code Sun Dec 17 07:28:12 UTC 2017}.
     * Other numeric claims, {@code auth_time} included, stay epoch seconds (§3.2 [obs]).
     */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US)
            .withZone(ZoneId.of("UTC"));
    static final Set<String> DATE_CLAIMS = Set.of("exp", "iat");
    /**
     * Between the elements of an array claim such as {@code cognito:groups}: REST APIs hand over {@code "admin,users"}
     * (users split it on commas; HTTP APIs' {@code "[admin users]"} is another format). [obs]/[unc] §3.2, §10.6.
     */
    static final String ARRAY_SEPARATOR = ",";

    private AuthorizerClaims() {
    }

    static Map<String, String> render(JsonNode payload) {
        Map<String, String> claims = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> claim : payload.properties()) {
            JsonNode value = claim.getValue();
            if (DATE_CLAIMS.contains(claim.getKey()) && value.isNumber()) {
                claims.put(claim.getKey(), DATE.format(Instant.ofEpochSecond(value.asLong())));
            } else {
                claims.put(claim.getKey(), text(value));
            }
        }
        return Collections.unmodifiableMap(claims);
    }

    /**
     * Strings as they are; numbers and booleans as JSON writes them ({@code "true"}); arrays joined by
     * {@link #ARRAY_SEPARATOR}; objects (Cognito's {@code identities}) as compact JSON; null as {@code "null"} [unc].
     */
    private static String text(JsonNode value) {
        if (value.isArray()) {
            StringJoiner joined = new StringJoiner(ARRAY_SEPARATOR);
            value.forEach(element -> joined.add(text(element)));
            return joined.toString();
        }
        if (value.isObject()) {
            return value.toString();
        }
        return value.asText();
    }
}
