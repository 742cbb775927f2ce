package dev.gwemu.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.pipeline.GatewayException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields of a payload 1.0 Lambda proxy answer read as API Gateway reads them (data-plane.md §2.4), for REST APIs
 * and HTTP APIs alike; each caller says how an unusable field fails ({@code malformed}: a reason to its exception).
 */
public final class ProxyAnswerFields {
    private ProxyAnswerFields() {
    }

    /** A number or a numeric string, 100 to 599. */
    public static int status(JsonNode node, Function<String, GatewayException> malformed) {
        int status;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            status = node.intValue();
        } else if (node.isTextual()) {
            try {
                status = Integer.parseInt(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw malformed.apply("statusCode '" + node.textValue() + "' is not a number");
            }
        } else {
            throw malformed.apply("statusCode is " + node.getNodeType());
        }
        if (status < 100 || status > 599) {
            throw malformed.apply("statusCode " + status + " is not an HTTP status");
        }
        return status;
    }

    /** Strings as they are, booleans as "true"/"false" (verified), numbers as written [U]; anything else refused. */
    public static String headerValue(String name, JsonNode v, Function<String, GatewayException> malformed) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean() || v.isNumber()) {
            return v.asText();
        }
        throw malformed.apply("header '" + name + "' is " + v.getNodeType());
    }

    /**
     * Adds a header value under its lower-case name, keeping the first spelling seen as the list's first element
     * (so multiValueHeaders, read first, gives the spelling).
     */
    public static void addHeader(Map<String, List<String>> merged, String name, String value) {
        merged.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> {
            List<String> list = new ArrayList<>(2);
            list.add(name);
            return list;
        }).add(value);
    }

    /** A boolean, or the strings "true"/"false" as AWS accepts them; absent is false. */
    public static boolean base64Flag(JsonNode node, Function<String, GatewayException> malformed) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.textValue().equalsIgnoreCase("true") || node.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.textValue());
        }
        throw malformed.apply("isBase64Encoded is " + node.getNodeType());
    }

    /**
     * The body string's bytes, base64-decoded when {@code decode}; absent is empty.
     *
     * @param undecodable what a body that is not base64 fails with
     */
    public static byte[] body(JsonNode node, boolean decode, Function<String, GatewayException> malformed,
                              java.util.function.Supplier<GatewayException> undecodable) {
        if (node == null || node.isNull()) {
            return new byte[0];
        }
        if (!node.isTextual()) {
            throw malformed.apply("body is " + node.getNodeType() + ", not a string");
        }
        if (!decode) {
            return node.textValue().getBytes(StandardCharsets.UTF_8);
        }
        String text = node.textValue();
        for (int i = 0; i < text.length(); i++) {
            // The MIME decoder skips junk characters; AWS fails instead, so only base64 and line breaks pass.
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=' || c == '\r' || c == '\n';
            if (!ok) {
                throw undecodable.get();
            }
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw undecodable.get();
        }
    }
}
