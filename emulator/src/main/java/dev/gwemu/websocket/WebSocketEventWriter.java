package dev.gwemu.websocket;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gwemu.integration.EventMaps;
import dev.gwemu.pipeline.AuthorizerJson;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.QueryString;
import dev.gwemu.pipeline.RequestIds;
import dev.gwemu.pipeline.RequestTime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the Lambda proxy events of a WebSocket API (security-and-operations.md §7.2): CONNECT, MESSAGE and
 * DISCONNECT, keys in the order of the real captures (aws-powertools {@code apiGatewayWebSocketApi*.json}).
 *
 * <p>Choices where AWS is not known ([U]):
 * <ul>
 *   <li>{@code requestContext.authorizer} (the connection's {@code $connect} authorizer result) is written right
 *   after {@code routeKey}, where a 2019 capture had its then-empty placeholder, and is repeated on MESSAGE and
 *   DISCONNECT events: the result is bound to the connection (§7.1), and user code reads it there.</li>
 *   <li>{@code stageVariables} is a top-level map just before {@code requestContext} (its place in the authorizer
 *   event, §7.2), present only when the stage has variables, in all three events.</li>
 * </ul>
 */
public final class WebSocketEventWriter {
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Handshake headers no function sees: hop-by-hop ones, and those the captured CONNECT events lack though every
     * client sends them ({@code Connection}, {@code Upgrade}; §7.2 capture against a browser capture).
     */
    static final Set<String> DROPPED_HANDSHAKE_HEADERS = caseInsensitive("Connection", "Upgrade", "Content-Length",
            "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding");

    /** The placeholder headers every captured DISCONNECT event carries besides {@code Host} (§7.2). */
    static final List<String> DISCONNECT_PLACEHOLDER_HEADERS = List.of("x-api-key", "X-Forwarded-For", "x-restapi");

    /**
     * What every event shares: the connection, when the request (frame, handshake or close) arrived, its id
     * ({@code requestId} and {@code extendedRequestId}, equal in the captures), the Host the client used, and the
     * stage's variables (empty or null: none).
     */
    public record EventContext(WebSocketConnection connection, Instant requestTime, String requestId,
                               String domainName, Map<String, String> stageVariables) {
    }

    /**
     * A close as the DISCONNECT event reports it: {@code disconnectStatusCode} and {@code disconnectReason}.
     *
     * @param statusCode the close code
     * @param reason     the reason text
     */
    public record Close(int statusCode, String reason) {
        /** [obs] The client's close frame had no status code (§7.2 capture). */
        public static final Close NO_STATUS = new Close(1005, "Client-side close frame status not set");
        /** [obs] Idle for 10 minutes: a capture closed 10 min 4 s after connecting with 1001 "Going away". */
        public static final Close IDLE_TIMEOUT = new Close(1001, "Going away");
        /** [U] §7.1: the 2 h maximum connection duration; taken to close like the idle timeout. */
        public static final Close MAX_DURATION = new Close(1001, "Going away");
        /** [U] §7.3: a DELETE on {@code @connections}; a normal closure without reason text. */
        public static final Close DELETED = new Close(1000, "");
        /** [U] §7.1: a message over 128 KB (or frame over 32 KB); the RFC 6455 name of 1009. */
        public static final Close MESSAGE_TOO_BIG = new Close(1009, "Message Too Big");
        /** [U] §7.1: the connection dropped without a close frame; the RFC 6455 name of 1006. */
        public static final Close ABNORMAL = new Close(1006, "Abnormal Closure");

        /**
         * The client's own close frame: its code and reason text as sent ([obs]: a browser's 1001 came with
         * reason ""); a frame without a status code ({@code code} null) is {@link #NO_STATUS}.
         */
        public static Close fromClient(Integer code, String reason) {
            if (code == null || code == 1005) {
                return NO_STATUS;
            }
            return new Close(code, reason == null ? "" : reason);
        }
    }

    private WebSocketEventWriter() {
    }

    /**
     * A new 16-character id ending in '=' (11 random bytes, URL-safe base64, as the captured {@code BFaT_fALIAMCKug=}
     * shows): for request ids, connection ids and message ids.
     */
    public static String newId() {
        byte[] bytes = new byte[11];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

    /**
     * The {@code $connect} event: the handshake's headers (as the client sent them, less
     * {@link #DROPPED_HANDSHAKE_HEADERS}, with {@code X-Amzn-Trace-Id}, {@code X-Forwarded-For}, {@code -Port} and
     * {@code -Proto} set as the gateway sets them) sorted by name ignoring case as in the captures, the query
     * parameters when the upgrade URL has a query.
     *
     * @param rawQuery the query string as sent, without '?' (null or empty: none)
     * @param scheme   the handshake's scheme, {@code https} or {@code http}: {@code X-Forwarded-Proto}
     * @param port     the port the client connected to: {@code X-Forwarded-Port}
     */
    public static byte[] connect(EventContext context, HeaderList handshakeHeaders, String rawQuery, String scheme,
                                 int port) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            writeHeaders(g, eventHeaders(handshakeHeaders, context, scheme, port));
            QueryString query = QueryString.parse(rawQuery);
            if (!query.isEmpty()) {
                g.writeObjectFieldStart("queryStringParameters");
                for (Map.Entry<String, String> e : query.lastValues().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                EventMaps.writeMultiMap(g, "multiValueQueryStringParameters", query.all());
            }
            writeStageVariables(g, context);
            writeRequestContext(g, context, "$connect", "CONNECT", null, null);
            g.writeBooleanField("isBase64Encoded", false);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A text frame's event: no headers (§7.2), the message as {@code body}. */
    public static byte[] message(EventContext context, String routeKey, String messageId, String text) {
        return message(context, routeKey, messageId, text, false);
    }

    /** A binary frame's event: the bytes base64-encoded with {@code isBase64Encoded: true} (§7.2). */
    public static byte[] message(EventContext context, String routeKey, String messageId, byte[] binary) {
        return message(context, routeKey, messageId, Base64.getEncoder().encodeToString(binary), true);
    }

    private static byte[] message(EventContext context, String routeKey, String messageId, String body,
                                  boolean base64) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + body.length());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            writeStageVariables(g, context);
            writeRequestContext(g, context, routeKey, "MESSAGE", messageId, null);
            g.writeStringField("body", body);
            g.writeBooleanField("isBase64Encoded", base64);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The {@code $disconnect} event: the placeholder headers of the captures and the close's code and reason. */
    public static byte[] disconnect(EventContext context, Close close) {
        HeaderList headers = new HeaderList().add("Host", context.domainName());
        for (String name : DISCONNECT_PLACEHOLDER_HEADERS) {
            headers.add(name, "");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            writeHeaders(g, headers);
            writeStageVariables(g, context);
            writeRequestContext(g, context, "$disconnect", "DISCONNECT", null, close);
            g.writeBooleanField("isBase64Encoded", false);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@link #disconnect(EventContext, Close)} with the code and reason given. */
    public static byte[] disconnect(EventContext context, int statusCode, String reason) {
        return disconnect(context, new Close(statusCode, reason));
    }

    /** The handshake's headers as the CONNECT event carries them, before sorting. */
    static HeaderList eventHeaders(HeaderList handshake, EventContext context, String scheme, int port) {
        HeaderList headers = new HeaderList();
        String forwardedFor = null;
        String incomingTrace = null;
        for (HeaderList.Header h : handshake.lines()) {
            String name = h.name();
            if (DROPPED_HANDSHAKE_HEADERS.contains(name)) {
                continue;
            }
            if (name.equalsIgnoreCase("X-Amzn-Trace-Id")) {
                incomingTrace = incomingTrace == null ? h.value() : incomingTrace;
            } else if (name.equalsIgnoreCase("X-Forwarded-For")) {
                forwardedFor = forwardedFor == null ? h.value() : forwardedFor + ", " + h.value();
            } else if (!name.equalsIgnoreCase("X-Forwarded-Port") && !name.equalsIgnoreCase("X-Forwarded-Proto")) {
                headers.add(name, h.value());
            }
        }
        String sourceIp = context.connection().sourceIp();
        // The caller's X-Amzn-Trace-Id root is kept, as for REST and HTTP APIs (RequestIds); else a new one. The
        // gateway's own spelling of the headers it sets replaces the client's.
        headers.add("X-Amzn-Trace-Id", "Root=" + RequestIds.create(context.requestTime(), incomingTrace).traceRoot());
        headers.add("X-Forwarded-For", forwardedFor == null ? sourceIp : forwardedFor + ", " + sourceIp);
        headers.add("X-Forwarded-Port", Integer.toString(port));
        headers.add("X-Forwarded-Proto", scheme);
        return headers;
    }

    /**
     * {@code headers} (last value of each name [U], as payload 1.0 does) and {@code multiValueHeaders}, names sorted
     * ignoring case: the captures' order ({@code Host}, {@code Sec-WebSocket-*}, {@code X-*}; AWS's authorizer
     * example has {@code Connection}, {@code content-length}, {@code HeaderAuth1}, {@code Host}).
     */
    private static void writeHeaders(JsonGenerator g, HeaderList headers) throws IOException {
        Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(headers.grouped());
        g.writeObjectFieldStart("headers");
        for (Map.Entry<String, List<String>> e : sorted.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue().get(e.getValue().size() - 1));
        }
        g.writeEndObject();
        EventMaps.writeMultiMap(g, "multiValueHeaders", sorted);
    }

    private static void writeStageVariables(JsonGenerator g, EventContext context) throws IOException {
        Map<String, String> variables = context.stageVariables();
        if (variables == null || variables.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("stageVariables");
        for (Map.Entry<String, String> e : variables.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** Keys in the captures' order; {@code messageId} only on MESSAGE, the close's fields only on DISCONNECT. */
    private static void writeRequestContext(JsonGenerator g, EventContext context, String routeKey, String eventType,
                                            String messageId, Close close) throws IOException {
        WebSocketConnection connection = context.connection();
        g.writeObjectFieldStart("requestContext");
        g.writeStringField("routeKey", routeKey);
        Map<String, Object> authorizer = connection.authorizer();
        if (authorizer != null) {
            g.writeFieldName("authorizer");
            AuthorizerJson.write(g, authorizer);
        }
        if (messageId != null) {
            g.writeStringField("messageId", messageId);
        }
        if (close != null) {
            g.writeNumberField("disconnectStatusCode", close.statusCode());
        }
        g.writeStringField("eventType", eventType);
        g.writeStringField("extendedRequestId", context.requestId());
        g.writeStringField("requestTime", RequestTime.format(context.requestTime()));
        g.writeStringField("messageDirection", "IN");
        if (close != null) {
            g.writeStringField("disconnectReason", close.reason());
        }
        g.writeStringField("stage", connection.stage());
        g.writeNumberField("connectedAt", connection.connectedAt().toEpochMilli());
        g.writeNumberField("requestTimeEpoch", context.requestTime().toEpochMilli());
        g.writeObjectFieldStart("identity");
        // userAgent first, and only when the client sent one (captures with and without a User-Agent).
        if (connection.userAgent() != null) {
            g.writeStringField("userAgent", connection.userAgent());
        }
        g.writeStringField("sourceIp", connection.sourceIp());
        g.writeEndObject();
        g.writeStringField("requestId", context.requestId());
        g.writeStringField("domainName", context.domainName());
        g.writeStringField("connectionId", connection.id());
        g.writeStringField("apiId", connection.apiId());
        g.writeEndObject();
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
