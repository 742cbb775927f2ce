package dev.gwemu.httpapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gwemu.pipeline.ContextVariables;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.AuthorizerJson;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.RequestTime;
import dev.gwemu.pipeline.MediaTypes;
import dev.gwemu.pipeline.QueryString;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the HTTP API Lambda event, payload format 2.0 (data-plane.md §3.2, fixtures http-v2-event*.json), keys in
 * the fixtures' order. Absent collections and an absent body leave their keys out ([U], as real events do).
 */
public final class PayloadV2EventWriter {
    private static final JsonFactory JSON = new JsonFactory();
    /** CLF, as {@code requestContext.time} of payload 1.0 (§3.2: "same CLF format as v1"). */
    /** Hop-by-hop headers no function sees. Unlike payload 1.0, {@code content-length} stays (fixture http-v2-event.json). */
    private static final Set<String> DROPPED = Set.of("connection", "expect", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade");
    /** Headers API Gateway sets itself, whatever the client sent (§3.2 lists them in every event). */
    private static final Set<String> REPLACED = Set.of("x-amzn-trace-id", "x-forwarded-port", "x-forwarded-proto");

    private PayloadV2EventWriter() {
    }

    public static byte[] write(HttpRequest request, HttpApiRequestContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("version", "2.0");
            g.writeStringField("routeKey", context.routeKey());
            // The path as sent: a named stage's prefix is in it, the $default stage has none (§3.2).
            g.writeStringField("rawPath", request.rawPath());
            g.writeStringField("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
            writeCookies(g, request.headers());
            writeStringMap(g, "headers", eventHeaders(request, context));
            writeStringMap(g, "queryStringParameters", queryParameters(request.rawQuery()));
            writeStringMap(g, "pathParameters", context.pathParameters());
            writeStringMap(g, "stageVariables", context.stageVariables());
            writeRequestContext(g, request, context);
            writeBody(g, request);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Every Cookie header split on ';' and trimmed, one entry per cookie; the key is absent without cookies (§3.2). */
    private static void writeCookies(JsonGenerator g, HeaderList headers) throws IOException {
        List<String> cookies = new ArrayList<>();
        for (HeaderList.Header h : headers.lines()) {
            if (h.name().equalsIgnoreCase("cookie")) {
                for (String part : h.value().split(";")) {
                    String cookie = part.trim();
                    if (!cookie.isEmpty()) {
                        cookies.add(cookie);
                    }
                }
            }
        }
        if (cookies.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("cookies");
        for (String cookie : cookies) {
            g.writeString(cookie);
        }
        g.writeEndArray();
    }

    /**
     * Lower-case names, repeated values joined by ',' without a space, sorted by name as in the fixtures; no cookie
     * (moved to {@code cookies}); trace id and X-Forwarded-* set by the gateway (§3.2).
     */
    static Map<String, String> eventHeaders(HttpRequest request, HttpApiRequestContext context) {
        TreeMap<String, String> headers = new TreeMap<>();
        String forwardedFor = null;
        for (HeaderList.Header h : request.headers().lines()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (name.equals("cookie") || DROPPED.contains(name) || REPLACED.contains(name)) {
                continue;
            }
            if (name.equals("x-forwarded-for")) {
                forwardedFor = forwardedFor == null ? h.value() : forwardedFor + ", " + h.value();
                continue;
            }
            headers.merge(name, h.value(), (a, b) -> a + "," + b);
        }
        headers.put("x-amzn-trace-id", "Root=" + context.ids().traceRoot());
        headers.put("x-forwarded-for", forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp());
        // AWS says 443/https; locally the truth is this server's own port and scheme, as in payload 1.0.
        headers.put("x-forwarded-port", Integer.toString(request.serverPort()));
        headers.put("x-forwarded-proto", request.scheme());
        return headers;
    }

    /** Decoded values, repeated keys joined by ',' (§3.2), sorted by name as in the fixture. */
    static Map<String, String> queryParameters(String rawQuery) {
        TreeMap<String, String> parameters = new TreeMap<>();
        QueryString.parse(rawQuery).all().forEach((name, values) -> parameters.put(name, String.join(",", values)));
        return parameters;
    }

    private static void writeRequestContext(JsonGenerator g, HttpRequest request, HttpApiRequestContext context)
            throws IOException {
        String host = request.host();
        Instant time = context.ids().requestTime();
        g.writeObjectFieldStart("requestContext");
        g.writeStringField("accountId", context.accountId());
        g.writeStringField("apiId", context.apiId());
        if (context.authorizer() != null) {
            g.writeFieldName("authorizer");
            AuthorizerJson.write(g, context.authorizer());
        }
        g.writeStringField("domainName", host);
        g.writeStringField("domainPrefix", ContextVariables.domainPrefix(host));
        g.writeObjectFieldStart("http");
        g.writeStringField("method", request.method());
        g.writeStringField("path", request.rawPath());
        g.writeStringField("protocol", request.protocol());
        g.writeStringField("sourceIp", request.sourceIp());
        g.writeStringField("userAgent", request.headers().first("User-Agent"));
        g.writeEndObject();
        g.writeStringField("requestId", context.requestId());
        g.writeStringField("routeKey", context.routeKey());
        g.writeStringField("stage", context.stage());
        g.writeStringField("time", RequestTime.format(time));
        g.writeNumberField("timeEpoch", time.toEpochMilli());
        g.writeEndObject();
    }

    /** {@code body} absent when empty (§3.2 [U]); {@code isBase64Encoded} always present. */
    private static void writeBody(JsonGenerator g, HttpRequest request) throws IOException {
        byte[] body = request.body();
        if (body.length == 0) {
            g.writeBooleanField("isBase64Encoded", false);
        } else if (TextBodyRule.sentAsText(request.headers().first("Content-Type"))) {
            g.writeStringField("body", new String(body, StandardCharsets.UTF_8));
            g.writeBooleanField("isBase64Encoded", false);
        } else {
            g.writeStringField("body", Base64.getEncoder().encodeToString(body));
            g.writeBooleanField("isBase64Encoded", true);
        }
    }

    /**
     * HTTP APIs have no binaryMediaTypes: a body is sent as text when its content type is textual, and base64-encoded
     * otherwise, a missing content type included (§3.2 [U, the commonly reported heuristic]).
     */
    public static final class TextBodyRule {
        private static final Set<String> TEXT_TYPES = Set.of("application/json", "application/xml",
                "application/javascript", "application/x-www-form-urlencoded", "application/graphql",
                "application/x-javascript", "application/ecmascript", "application/yaml", "application/x-yaml");

        private TextBodyRule() {
        }

        /** Whether a body of this Content-Type is sent as text: text/*, the JSON/XML/script types, +json and +xml. */
        public static boolean sentAsText(String contentType) {
            String essence = MediaTypes.essence(contentType, null);
            if (essence == null || essence.isEmpty()) {
                return false;
            }
            return essence.startsWith("text/") || TEXT_TYPES.contains(essence)
                    || essence.endsWith("+json") || essence.endsWith("+xml");
        }
    }

    private static void writeStringMap(JsonGenerator g, String name, Map<String, String> map) throws IOException {
        if (map.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
