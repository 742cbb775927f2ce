package dev.gwemu.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The event a WebSocket API's Lambda REQUEST authorizer receives on {@code $connect} (security-and-operations.md
 * §7.2 [obs]; aws-powertools {@code apiGatewayAuthorizerWebSocketEvent.json}, AWS's "Control access to WebSocket
 * APIs with AWS Lambda REQUEST authorizers"): {@code type}, {@code methodArn}, {@code headers},
 * {@code multiValueHeaders}, {@code queryStringParameters}, {@code multiValueQueryStringParameters},
 * {@code stageVariables} (the last three present even when empty) and the CONNECT event's {@code requestContext}.
 * It is built from {@link WebSocketEventWriter#connect} so both events agree on headers and context.
 */
public final class ConnectAuthorizerEvent {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Handshake headers the authorizer sees though the CONNECT event drops them: both AWS samples show
     * {@code Connection} and {@code Upgrade} as the client sent them, and a {@code content-length} of 0.
     */
    static final Set<String> HANDSHAKE_HEADERS_KEPT = caseInsensitive("Connection", "Upgrade", "Content-Length");
    /** The body length the samples show; the gateway adds it when the client sent none. */
    static final String CONTENT_LENGTH = "content-length";
    /**
     * [obs] The captured {@code headers} lack {@code Sec-WebSocket-Key} while {@code multiValueHeaders} have it
     * (§7.2 quirk; AWS's hand-written doc sample has it in both). gwemu follows the capture.
     */
    static final String LEFT_OUT_OF_HEADERS = "Sec-WebSocket-Key";

    private ConnectAuthorizerEvent() {
    }

    /**
     * @param methodArn {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/$connect}
     * @param context   the handshake's connection (no authorizer yet), time, request id, Host and stage variables
     */
    public static byte[] write(String methodArn, WebSocketEventWriter.EventContext context, HttpRequest request) {
        try {
            JsonNode connect = JSON.readTree(WebSocketEventWriter.connect(context, request.headers(), request.rawQuery(),
                    request.scheme(), request.serverPort()));
            ObjectNode event = JSON.createObjectNode();
            event.put("type", "REQUEST");
            event.put("methodArn", methodArn);
            writeHeaders(event, headers(connect.get("multiValueHeaders"), request.headers()));
            event.set("queryStringParameters", objectOrEmpty(connect, "queryStringParameters"));
            event.set("multiValueQueryStringParameters", objectOrEmpty(connect, "multiValueQueryStringParameters"));
            event.set("stageVariables", objectOrEmpty(connect, "stageVariables"));
            event.set("requestContext", connect.get("requestContext"));
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CONNECT event's headers with the handshake's own put back, sorted by name ignoring case as both are. */
    private static Map<String, List<String>> headers(JsonNode connectHeaders, HeaderList handshake) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Iterator<Map.Entry<String, JsonNode>> it = connectHeaders.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            headers.put(e.getKey(), values);
        }
        for (HeaderList.Header h : handshake.lines()) {
            if (HANDSHAKE_HEADERS_KEPT.contains(h.name())) {
                headers.computeIfAbsent(h.name(), name -> new ArrayList<>()).add(h.value());
            }
        }
        headers.putIfAbsent(CONTENT_LENGTH, List.of("0"));
        return headers;
    }

    private static void writeHeaders(ObjectNode event, Map<String, List<String>> headers) {
        ObjectNode single = event.putObject("headers");
        ObjectNode multi = JSON.createObjectNode();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            List<String> values = e.getValue();
            if (!e.getKey().equalsIgnoreCase(LEFT_OUT_OF_HEADERS)) {
                single.put(e.getKey(), values.get(values.size() - 1));
            }
            ArrayNode array = multi.putArray(e.getKey());
            values.forEach(array::add);
        }
        event.set("multiValueHeaders", multi);
    }

    private static JsonNode objectOrEmpty(JsonNode connect, String field) {
        JsonNode value = connect.get(field);
        return value != null && value.isObject() ? value : JSON.createObjectNode();
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
