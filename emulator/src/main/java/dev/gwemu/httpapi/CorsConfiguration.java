package dev.gwemu.httpapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * An HTTP API's CORS configuration ({@code corsConfiguration}, or the OpenAPI root extension
 * {@code x-amazon-apigateway-cors}), data-plane.md §3.5. Validated on construction, so a
 * configuration AWS would refuse fails when the API loads.
 *
 * @param allowOrigins     origins: exact ({@code https://www.example.com}), {@code *}, or a
 *                         prefix ending in {@code *} ({@code https://*} allows every https origin)
 * @param allowMethods     methods, or {@code *} for any
 * @param allowHeaders     request headers a preflight may ask for, or {@code *} for any
 * @param exposeHeaders    response headers the browser may read, or {@code *}
 * @param maxAge           seconds a browser may cache a preflight answer, -1 to 86400; null when unset
 * @param allowCredentials whether credentialed requests are allowed
 */
public record CorsConfiguration(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                                List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {
    public static final String EXTENSION = "x-amazon-apigateway-cors";
    public static final String ANY = "*";
    /** AWS's bounds for maxAge (API reference type IntegerWithLengthBetweenMinus1And86400). */
    public static final int MIN_MAX_AGE = -1;
    public static final int MAX_MAX_AGE = 86400;

    private static final Set<String> PROPERTIES =
            Set.of("allowOrigins", "allowMethods", "allowHeaders", "exposeHeaders", "maxAge", "allowCredentials");

    public CorsConfiguration {
        allowOrigins = List.copyOf(allowOrigins);
        allowMethods = List.copyOf(allowMethods);
        allowHeaders = List.copyOf(allowHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
        for (String origin : allowOrigins) {
            checkOrigin(origin);
        }
        if (allowCredentials && allowOrigins.contains(ANY)) {
            // Browsers refuse credentials with "Access-Control-Allow-Origin: *", and AWS refuses the configuration.
            throw new IllegalArgumentException(EXTENSION + ": allowCredentials true cannot be combined with the allowOrigins"
                    + " entry \"*\"; list the origins instead");
        }
        if (maxAge != null && (maxAge < MIN_MAX_AGE || maxAge > MAX_MAX_AGE)) {
            throw new IllegalArgumentException(EXTENSION + ": maxAge " + maxAge + " is outside " + MIN_MAX_AGE + ".." + MAX_MAX_AGE);
        }
    }

    /** Reads the extension object; throws IllegalArgumentException naming the property and the reason. */
    public static CorsConfiguration fromExtension(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(EXTENSION + " must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PROPERTIES.contains(name)) {
                throw new IllegalArgumentException(EXTENSION + ": unknown property \"" + name + "\"; known: " + PROPERTIES);
            }
        }
        return new CorsConfiguration(strings(node, "allowOrigins"), strings(node, "allowMethods"),
                strings(node, "allowHeaders"), strings(node, "exposeHeaders"), maxAge(node), credentials(node));
    }

    /**
     * Documented forms only (AWS "Configuring CORS for an HTTP API"): {@code *}, an exact origin, or
     * {@code scheme://*}. A star elsewhere, such as a subdomain wildcard, is not documented: refused.
     */
    private static void checkOrigin(String origin) {
        if (origin.isEmpty()) {
            throw new IllegalArgumentException(EXTENSION + ": allowOrigins has an empty entry");
        }
        int star = origin.indexOf('*');
        if (star < 0 || origin.equals(ANY)) {
            return;
        }
        if (star != origin.length() - 1 || !origin.endsWith("://*")) {
            throw new IllegalArgumentException(EXTENSION + ": allowOrigins entry \"" + origin + "\" is not supported;"
                    + " use an exact origin, \"*\", or a scheme wildcard such as \"https://*\"");
        }
    }

    private static List<String> strings(JsonNode node, String name) {
        JsonNode array = node.get(name);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException(EXTENSION + ": " + name + " must be an array of strings");
        }
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(EXTENSION + ": " + name + " must hold strings only, found " + item);
            }
            values.add(item.asText().trim());
        }
        return values;
    }

    private static Integer maxAge(JsonNode node) {
        JsonNode value = node.get("maxAge");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(EXTENSION + ": maxAge must be an integer, found " + value);
        }
        return value.intValue();
    }

    private static boolean credentials(JsonNode node) {
        JsonNode value = node.get("allowCredentials");
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(EXTENSION + ": allowCredentials must be true or false, found " + value);
        }
        return value.booleanValue();
    }
}
