package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;

/**
 * DynamoDB attribute values as JSON ({@code {"S": "x"}}, {@code {"N": "1.5"}}, {@code {"B": "base64"}}): equality
 * and the order key conditions use [D] (strings by code point, numbers by value, binary by unsigned bytes).
 */
final class AttributeValues {
    private AttributeValues() {
    }

    /** Equal as DynamoDB compares them: numbers by value ({@code "1.0"} equals {@code "1"}), the rest exactly. */
    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.has("N") && b.has("N")) {
            return number(a).compareTo(number(b)) == 0;
        }
        return a.equals(b);
    }

    /**
     * Orders two scalar values of the same type.
     *
     * @throws CaptureFault when they are not both S, both N or both B
     */
    static int compare(JsonNode a, JsonNode b) {
        if (a.has("N") && b.has("N")) {
            return number(a).compareTo(number(b));
        }
        if (a.has("S") && b.has("S")) {
            return a.get("S").asText().compareTo(b.get("S").asText());
        }
        if (a.has("B") && b.has("B")) {
            return Arrays.compareUnsigned(bytes(a), bytes(b));
        }
        throw CaptureFault.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or "
                + "function; operand types: " + a + ", " + b);
    }

    /** Whether a string (S) starts with another, or binary (B) with other bytes. */
    static boolean beginsWith(JsonNode value, JsonNode prefix) {
        if (value.has("S") && prefix.has("S")) {
            return value.get("S").asText().startsWith(prefix.get("S").asText());
        }
        if (value.has("B") && prefix.has("B")) {
            byte[] v = bytes(value);
            byte[] p = bytes(prefix);
            return v.length >= p.length && Arrays.equals(v, 0, p.length, p, 0, p.length);
        }
        return false;
    }

    private static BigDecimal number(JsonNode value) {
        try {
            return new BigDecimal(value.get("N").asText());
        } catch (NumberFormatException e) {
            throw CaptureFault.validation("The parameter cannot be converted to a numeric value: "
                    + value.get("N").asText());
        }
    }

    private static byte[] bytes(JsonNode value) {
        try {
            return Base64.getDecoder().decode(value.get("B").asText());
        } catch (IllegalArgumentException e) {
            throw new CaptureFault(400, "SerializationException", "Base64 encoded length is expected a multiple of 4");
        }
    }
}
