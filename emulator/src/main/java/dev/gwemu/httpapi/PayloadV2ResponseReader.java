package dev.gwemu.httpapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns what a function returned under payload format 2.0 into the client's response (data-plane.md §3.3): an object
 * with {@code statusCode} is a structured response, any other JSON value is a 200 JSON body, anything unusable is
 * the HTTP API's 500 (never 502).
 */
public final class PayloadV2ResponseReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The HTTP API's error body: capitalised words, no space after the colon (§3.3 [U-high]). */
    public static final String INTERNAL_SERVER_ERROR_BODY = "{\"message\":\"Internal Server Error\"}";
    /**
     * A bare JSON string return value becomes the body without its quotes: the docs' table shows
     * {@code Hello from Lambda!} and SAM CLI passes the decoded string (§3.3 [U]).
     */
    public static final boolean BARE_STRING_BODY_WITHOUT_QUOTES = true;
    /**
     * What a structured answer with a body but no content-type is sent as. Not in the spec (§3.3); users of HTTP APIs
     * report {@code text/plain} there (awslabs/aws-lambda-go-api-proxy #116, rackspace/sailplane #138), unlike REST's
     * application/json.
     */
    public static final String DEFAULT_STRUCTURED_CONTENT_TYPE = "text/plain; charset=utf-8";

    private PayloadV2ResponseReader() {
    }

    /** @throws GatewayException 500 {@value #INTERNAL_SERVER_ERROR_BODY} when the output cannot be used */
    public static HttpResponse read(byte[] payload) {
        JsonNode root;
        try {
            root = payload == null || payload.length == 0 ? null : JSON.readTree(payload);
        } catch (IOException e) {
            throw internalServerError("function output is not JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw internalServerError("function output is empty");
        }
        if (root.isObject() && root.has("statusCode")) {
            return structured(root);
        }
        return jsonValue(root);
    }

    /** The 500 answered for a function error or output that cannot be used (§3.3). */
    public static GatewayException internalServerError(String why) {
        return GatewayException.fixed(null, 500, null, INTERNAL_SERVER_ERROR_BODY).because(why);
    }

    /** Valid JSON without statusCode: 200, application/json, the value JSON-serialised as the body (§3.3 [D]). */
    private static HttpResponse jsonValue(JsonNode root) {
        byte[] body = root.isTextual() && BARE_STRING_BODY_WITHOUT_QUOTES
                ? root.textValue().getBytes(StandardCharsets.UTF_8)
                : serialised(root);
        return new HttpResponse(200, new HeaderList().add("content-type", "application/json"), body);
    }

    private static byte[] serialised(JsonNode value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw internalServerError("function output cannot be serialised");
        }
    }

    /**
     * {@code statusCode}, {@code headers}, {@code multiValueHeaders}, {@code cookies} (one Set-Cookie each),
     * {@code body} and {@code isBase64Encoded}; unknown keys are ignored (§3.3 [E]).
     */
    private static HttpResponse structured(JsonNode root) {
        int status = status(root.get("statusCode"));
        HeaderList headers = new HeaderList();
        JsonNode single = root.get("headers");
        if (isPresent(single)) {
            requireObject(single, "headers");
            for (Iterator<Map.Entry<String, JsonNode>> it = single.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                headers.add(e.getKey(), scalar(e.getValue(), "headers." + e.getKey()));
            }
        }
        JsonNode multi = root.get("multiValueHeaders");
        if (isPresent(multi)) {
            requireObject(multi, "multiValueHeaders");
            for (Iterator<Map.Entry<String, JsonNode>> it = multi.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (isPresent(single) && single.has(e.getKey())) {
                    continue; // [U] headers wins over multiValueHeaders for the same name
                }
                for (JsonNode value : requireArray(e.getValue(), "multiValueHeaders." + e.getKey())) {
                    headers.add(e.getKey(), scalar(value, "multiValueHeaders." + e.getKey()));
                }
            }
        }
        JsonNode cookies = root.get("cookies");
        if (isPresent(cookies)) {
            for (JsonNode cookie : requireArray(cookies, "cookies")) {
                headers.add("set-cookie", scalar(cookie, "cookies[]"));
            }
        }
        byte[] body = body(root.get("body"), base64Flag(root.get("isBase64Encoded")));
        if (body.length > 0 && !headers.contains("content-type")) {
            headers.add("content-type", DEFAULT_STRUCTURED_CONTENT_TYPE);
        }
        return new HttpResponse(status, headers, body);
    }

    private static int status(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw internalServerError("statusCode is not a number");
        }
        int status = node.intValue();
        if (status < 100 || status > 599) {
            throw internalServerError("statusCode " + status + " is not an HTTP status");
        }
        return status;
    }

    private static boolean base64Flag(JsonNode node) {
        if (!isPresent(node)) {
            return false;
        }
        if (!node.isBoolean()) {
            throw internalServerError("isBase64Encoded is not a boolean");
        }
        return node.booleanValue();
    }

    /** The body string, decoded from base64 when flagged, whatever the content type (§3.3). */
    private static byte[] body(JsonNode node, boolean base64) {
        if (!isPresent(node)) {
            return new byte[0];
        }
        if (!node.isTextual()) {
            throw internalServerError("body is not a string");
        }
        if (!base64) {
            return node.textValue().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(node.textValue());
        } catch (IllegalArgumentException e) {
            throw internalServerError("body is not base64");
        }
    }

    private static boolean isPresent(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static void requireObject(JsonNode node, String what) {
        if (!node.isObject()) {
            throw internalServerError(what + " is not an object");
        }
    }

    private static JsonNode requireArray(JsonNode node, String what) {
        if (!node.isArray()) {
            throw internalServerError(what + " is not an array");
        }
        return node;
    }

    /** A header value: strings as they are, numbers and booleans as text; anything else is unusable. */
    private static String scalar(JsonNode node, String what) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw internalServerError(what + " is not a string");
    }
}
