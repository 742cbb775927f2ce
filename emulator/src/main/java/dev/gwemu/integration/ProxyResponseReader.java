package dev.gwemu.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a Lambda proxy function returned into the client's response, with AWS's rules
 * (data-plane.md §2.4, fixture rest-v1-proxy-response-cases.json): only the five known keys,
 * a numeric status, string bodies, {@code multiValueHeaders} merged before {@code headers}
 * with the first spelling winning, base64 decoded only when the first Accept type is binary.
 */
public final class ProxyResponseReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");
    /** Headers API Gateway sets itself; the function's values are kept as x-amzn-Remapped-* (§6.4). */
    private static final Set<String> REMAPPED = Set.of("connection", "content-length", "date", "server", "x-amzn-requestid");

    private ProxyResponseReader() {
    }

    /**
     * @param payload     the function's result (JSON)
     * @param decodeBinary whether the request's first Accept type is one of the API's binary media types
     */
    public static HttpResponse read(byte[] payload, boolean decodeBinary) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw GatewayException.badLambdaResponse("Malformed Lambda proxy response: not JSON");
        }
        if (root == null || !root.isObject()) {
            throw GatewayException.badLambdaResponse("Malformed Lambda proxy response: not a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw GatewayException.badLambdaResponse("Malformed Lambda proxy response: unknown key '" + key + "'");
            }
        }
        int status = status(root.get("statusCode"));
        HeaderList headers = headers(root.get("multiValueHeaders"), root.get("headers"));
        boolean base64 = base64Flag(root.get("isBase64Encoded"));
        byte[] body = body(root.get("body"), base64 && decodeBinary);
        if (!headers.contains("Content-Type")) {
            headers.add("Content-Type", "application/json");
        }
        return new HttpResponse(status, headers, body);
    }

    private static int status(JsonNode node) {
        if (node == null || node.isNull()) {
            return 200;
        }
        int status;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            status = node.intValue();
        } else if (node.isTextual()) {
            try {
                status = Integer.parseInt(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw GatewayException.badLambdaResponse("Malformed Lambda proxy response: statusCode '" + node.textValue() + "' is not a number");
            }
        } else {
            throw GatewayException.badLambdaResponse("Malformed Lambda proxy response: statusCode is " + node.getNodeType());
        }
        if (status < 100 || status > 599) {
            throw GatewayException.badLambdaResponse("Malformed Lambda proxy response: statusCode " + status + " is not an HTTP status");
        }
        return status;
    }

    private static HeaderList headers(JsonNode multi, JsonNode single) {
        // name (lower case) -> [spelling, values...]; multiValueHeaders first so its spelling wins.
        Map<String, List<String>> merged = new LinkedHashMap<>();
        if (multi != null && !multi.isNull()) {
            if (!multi.isObject()) {
                throw GatewayException.badLambdaResponse("Malformed Lambda proxy response: multiValueHeaders is not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = multi.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    continue;
                }
                if (!e.getValue().isArray()) {
                    throw GatewayException.badLambdaResponse("Malformed Lambda proxy response: multiValueHeaders '" + e.getKey() + "' is not a list");
                }
                for (JsonNode v : e.getValue()) {
                    add(merged, e.getKey(), headerValue(e.getKey(), v));
                }
            }
        }
        if (single != null && !single.isNull()) {
            if (!single.isObject()) {
                throw GatewayException.badLambdaResponse("Malformed Lambda proxy response: headers is not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = single.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    add(merged, e.getKey(), headerValue(e.getKey(), e.getValue()));
                }
            }
        }
        HeaderList headers = new HeaderList();
        for (List<String> entry : merged.values()) {
            String name = entry.get(0);
            String lower = name.toLowerCase(Locale.ROOT);
            String emitted = REMAPPED.contains(lower) ? "x-amzn-Remapped-" + name : name;
            for (int i = 1; i < entry.size(); i++) {
                headers.add(emitted, entry.get(i));
            }
        }
        return headers;
    }

    private static void add(Map<String, List<String>> merged, String name, String value) {
        merged.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> {
            List<String> list = new ArrayList<>(2);
            list.add(name);
            return list;
        }).add(value);
    }

    /** Strings as they are, booleans as "true"/"false" (verified); numbers as written [U]; objects refused. */
    private static String headerValue(String name, JsonNode v) {
        JsonNodeType type = v.getNodeType();
        return switch (type) {
            case STRING -> v.textValue();
            case BOOLEAN, NUMBER -> v.asText();
            default -> throw GatewayException.badLambdaResponse("Malformed Lambda proxy response: header '" + name + "' is " + type);
        };
    }

    private static boolean base64Flag(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.textValue().equalsIgnoreCase("true") || node.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.textValue());
        }
        throw GatewayException.badLambdaResponse("Malformed Lambda proxy response: isBase64Encoded is " + node.getNodeType());
    }

    private static byte[] body(JsonNode node, boolean decode) {
        if (node == null || node.isNull()) {
            return new byte[0];
        }
        if (!node.isTextual()) {
            throw GatewayException.badLambdaResponse("Malformed Lambda proxy response: body is " + node.getNodeType() + ", not a string");
        }
        if (!decode) {
            return node.textValue().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getMimeDecoder().decode(strictBase64(node.textValue()));
        } catch (IllegalArgumentException e) {
            throw GatewayException.configurationError("Unable to base64-decode the Lambda response body");
        }
    }

    /** The MIME decoder skips junk characters; AWS fails instead, so refuse anything but base64 and line breaks. */
    private static String strictBase64(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=' || c == '\r' || c == '\n';
            if (!ok) {
                throw new IllegalArgumentException("not base64");
            }
        }
        return s;
    }
}
