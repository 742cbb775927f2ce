package dev.gwemu.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;

import java.io.IOException;
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
        boolean base64 = ProxyAnswerFields.base64Flag(root.get("isBase64Encoded"), ProxyResponseReader::malformed);
        byte[] body = ProxyAnswerFields.body(root.get("body"), base64 && decodeBinary, ProxyResponseReader::malformed,
                () -> GatewayException.configurationError("Unable to base64-decode the Lambda response body"));
        if (!headers.contains("Content-Type")) {
            headers.add("Content-Type", "application/json");
        }
        return new HttpResponse(status, headers, body);
    }

    private static int status(JsonNode node) {
        return node == null || node.isNull() ? 200 : ProxyAnswerFields.status(node, ProxyResponseReader::malformed);
    }

    private static GatewayException malformed(String why) {
        return GatewayException.badLambdaResponse("Malformed Lambda proxy response: " + why);
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
                    ProxyAnswerFields.addHeader(merged, e.getKey(), ProxyAnswerFields.headerValue(e.getKey(), v,
                            ProxyResponseReader::malformed));
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
                    ProxyAnswerFields.addHeader(merged, e.getKey(), ProxyAnswerFields.headerValue(e.getKey(), e.getValue(),
                            ProxyResponseReader::malformed));
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
}
