package dev.gwemu.httpapi.authorizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.httpapi.HttpApiRequestContext;
import dev.gwemu.httpapi.PayloadV2EventWriter;
import dev.gwemu.pipeline.HttpRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The payload 2.0 event of an HTTP API Lambda authorizer (security-and-operations.md §3.4, fixture
 * http-authorizer-v2-request-event.json): {@code version}, {@code type}, {@code routeArn}, {@code identitySource},
 * then the integration event's request keys and {@code requestContext} in the fixture's order, without {@code body}
 * and {@code isBase64Encoded}. The request keys come from {@link PayloadV2EventWriter} (through
 * {@link RequestAsPayloadV2}), so headers, cookies and query follow the integration event's rules exactly.
 */
final class AuthorizerEventV2 {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The integration event's keys the authorizer event carries, in the fixture's order (absent ones stay absent). */
    private static final List<String> REQUEST_KEYS = List.of("routeKey", "rawPath", "rawQueryString", "cookies",
            "headers", "queryStringParameters", "requestContext", "pathParameters", "stageVariables");

    private AuthorizerEventV2() {
    }

    static byte[] write(HttpRequest request, HttpApiRequestContext context, String routeArn, List<String> identity) {
        JsonNode integrationEvent = RequestAsPayloadV2.of(request, context);
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("type", "REQUEST");
        event.put("routeArn", routeArn);
        ArrayNode identitySource = event.putArray("identitySource");
        identity.forEach(identitySource::add);
        for (String key : REQUEST_KEYS) {
            JsonNode value = integrationEvent.get(key);
            if (value != null) {
                event.set(key, value);
            }
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
