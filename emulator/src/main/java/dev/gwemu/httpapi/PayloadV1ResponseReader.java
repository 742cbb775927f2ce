package dev.gwemu.httpapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.integration.ProxyAnswerFields;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what a function returned under payload format 1.0 of an HTTP API into the client's response
 * (data-plane.md §3.3 last bullet): the REST output contract of §2.4, except that {@code statusCode} is required,
 * unknown keys are ignored, {@code isBase64Encoded} is honoured without binaryMediaTypes, and anything unusable is
 * the HTTP API's 500 {@code {"message":"Internal Server Error"}} (never 502).
 */
public final class PayloadV1ResponseReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * §3.3 [E]: {@code cookies} is a 2.0 key; the docs' 1.0 response format has none and SAM CLI's 1.0 reader accepts
     * but never reads it, so under 1.0 it is an ignored unknown key, not Set-Cookie headers.
     */
    public static final boolean COOKIES_IGNORED = true;
    /** §2.4 [V][D]: without a Content-Type from the function, the response says application/json, as REST does. */
    public static final String DEFAULT_CONTENT_TYPE = "application/json";
    /**
     * §2.4 [D]: "If the same key-value pair is specified in both [headers and multiValueHeaders], only the values from
     * multiValueHeaders will appear": an identical headers value is not added a second time.
     */
    public static final boolean SAME_PAIR_ONCE = true;

    private PayloadV1ResponseReader() {
    }

    /** @throws GatewayException 500 {@code {"message":"Internal Server Error"}} when the output cannot be used */
    public static HttpResponse read(byte[] payload) {
        JsonNode root;
        try {
            root = payload == null || payload.length == 0 ? null : JSON.readTree(payload);
        } catch (IOException e) {
            throw HttpApiErrors.internalServerError("function output is not JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw HttpApiErrors.internalServerError("function output is empty");
        }
        if (!root.isObject()) {
            throw HttpApiErrors.internalServerError("function output is " + root.getNodeType() + ", not an object");
        }
        int status = status(root.get("statusCode"));
        HeaderList headers = headers(root.get("multiValueHeaders"), root.get("headers"));
        boolean base64 = ProxyAnswerFields.base64Flag(root.get("isBase64Encoded"), HttpApiErrors::internalServerError);
        // isBase64Encoded is honoured whatever the content type (§3.3 [E]).
        byte[] body = ProxyAnswerFields.body(root.get("body"), base64, HttpApiErrors::internalServerError,
                () -> HttpApiErrors.internalServerError("body is not base64"));
        if (!headers.contains("Content-Type")) {
            headers.add("content-type", DEFAULT_CONTENT_TYPE);
        }
        return new HttpResponse(status, headers, body);
    }

    /** Required (§3.3); a number or a numeric string as REST takes it (§2.4), 100 to 599. */
    private static int status(JsonNode node) {
        if (node == null || node.isNull()) {
            throw HttpApiErrors.internalServerError("statusCode is missing");
        }
        return ProxyAnswerFields.status(node, HttpApiErrors::internalServerError);
    }

    /**
     * multiValueHeaders first, then headers, grouped case-insensitively under the first spelling seen, so
     * multiValueHeaders' spelling wins (§2.4 [V]); null maps and null values are skipped.
     */
    private static HeaderList headers(JsonNode multi, JsonNode single) {
        Map<String, List<String>> merged = new LinkedHashMap<>(); // lower-case name -> [spelling, values...]
        Map<String, Integer> fromMulti = new LinkedHashMap<>();    // lower-case name -> values from multiValueHeaders
        if (multi != null && !multi.isNull()) {
            if (!multi.isObject()) {
                throw HttpApiErrors.internalServerError("multiValueHeaders is not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = multi.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    continue;
                }
                if (!e.getValue().isArray()) {
                    throw HttpApiErrors.internalServerError("multiValueHeaders '" + e.getKey() + "' is not a list");
                }
                for (JsonNode v : e.getValue()) {
                    ProxyAnswerFields.addHeader(merged, e.getKey(), headerValue(e.getKey(), v));
                }
                List<String> entry = merged.get(e.getKey().toLowerCase(Locale.ROOT));
                if (entry != null) {
                    fromMulti.put(e.getKey().toLowerCase(Locale.ROOT), entry.size());
                }
            }
        }
        if (single != null && !single.isNull()) {
            if (!single.isObject()) {
                throw HttpApiErrors.internalServerError("headers is not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = single.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    continue;
                }
                String value = headerValue(e.getKey(), e.getValue());
                String lower = e.getKey().toLowerCase(Locale.ROOT);
                Integer multiEnd = fromMulti.get(lower);
                if (SAME_PAIR_ONCE && multiEnd != null && merged.get(lower).subList(1, multiEnd).contains(value)) {
                    continue;
                }
                ProxyAnswerFields.addHeader(merged, e.getKey(), value);
            }
        }
        HeaderList headers = new HeaderList();
        for (List<String> entry : merged.values()) {
            for (int i = 1; i < entry.size(); i++) {
                headers.add(entry.get(0), entry.get(i));
            }
        }
        return headers;
    }

    private static String headerValue(String name, JsonNode v) {
        return ProxyAnswerFields.headerValue(name, v, HttpApiErrors::internalServerError);
    }
}
