package dev.gwemu.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.websocket.WebSocketEventWriter.EventContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The $connect authorizer event against security-and-operations.md §7.2 (aws-powertools
 * {@code apiGatewayAuthorizerWebSocketEvent.json}), key order included, and its identity sources.
 */
class ConnectAuthorizerEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "c5jwxq709g.execute-api.us-east-1.amazonaws.com";
    private static final String ARN = "arn:aws:execute-api:us-east-1:533568316194:c5jwxq709g/production/$connect";

    /** §7.2: the capture as the gateway would write it for the same handshake (empty maps present). */
    private static final String CAPTURE = """
            {"type":"REQUEST",
             "methodArn":"arn:aws:execute-api:us-east-1:533568316194:c5jwxq709g/production/$connect",
             "headers":{"Authorization":"Leo","Connection":"upgrade","content-length":"0",
               "Host":"c5jwxq709g.execute-api.us-east-1.amazonaws.com",
               "Sec-WebSocket-Extensions":"permessage-deflate; client_max_window_bits","Sec-WebSocket-Version":"13",
               "Upgrade":"websocket","X-Amzn-Trace-Id":"Root=1-6797b6d3-64f9c928577f3ac56f5368ce",
               "X-Forwarded-For":"93.108.161.96","X-Forwarded-Port":"443","X-Forwarded-Proto":"https"},
             "multiValueHeaders":{"Authorization":["Leo"],"Connection":["upgrade"],"content-length":["0"],
               "Host":["c5jwxq709g.execute-api.us-east-1.amazonaws.com"],
               "Sec-WebSocket-Extensions":["permessage-deflate; client_max_window_bits"],
               "Sec-WebSocket-Key":["CYZZrfNgEcgzzzwL44qytQ=="],"Sec-WebSocket-Version":["13"],"Upgrade":["websocket"],
               "X-Amzn-Trace-Id":["Root=1-6797b6d3-64f9c928577f3ac56f5368ce"],"X-Forwarded-For":["93.108.161.96"],
               "X-Forwarded-Port":["443"],"X-Forwarded-Proto":["https"]},
             "queryStringParameters":{},
             "multiValueQueryStringParameters":{},
             "stageVariables":{},
             "requestContext":{"routeKey":"$connect","eventType":"CONNECT","extendedRequestId":"FDmBIG3EoAMEqYA=",
               "requestTime":"27/Jan/2025:16:39:47 +0000","messageDirection":"IN","stage":"production",
               "connectedAt":1737995987617,"requestTimeEpoch":1737995987617,"identity":{"sourceIp":"93.108.161.96"},
               "requestId":"FDmBIG3EoAMEqYA=","domainName":"c5jwxq709g.execute-api.us-east-1.amazonaws.com",
               "connectionId":"FDmBIeapIAMCIQg=","apiId":"c5jwxq709g"}}
            """;

    private static EventContext context(Map<String, String> stageVariables) {
        WebSocketConnection connection = new WebSocketConnection("FDmBIeapIAMCIQg=", "c5jwxq709g", "production",
                Instant.ofEpochMilli(1737995987617L), "93.108.161.96", null, null, null);
        return new EventContext(connection, Instant.ofEpochMilli(1737995987617L), "FDmBIG3EoAMEqYA=", HOST, stageVariables);
    }

    private static HttpRequest handshake(String rawQuery, HeaderList extra) {
        HeaderList headers = new HeaderList().add("Host", HOST).add("Connection", "upgrade").add("Upgrade", "websocket")
                .add("Sec-WebSocket-Version", "13").add("Sec-WebSocket-Key", "CYZZrfNgEcgzzzwL44qytQ==")
                .add("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits")
                .add("X-Amzn-Trace-Id", "Root=1-6797b6d3-64f9c928577f3ac56f5368ce");
        extra.lines().forEach(h -> headers.add(h.name(), h.value()));
        return new HttpRequest("GET", "/production", rawQuery, headers, new byte[0], "93.108.161.96", "HTTP/1.1",
                "https", 443);
    }

    @Test
    void theEventIsTheCaptureKeyForKey() throws Exception {
        byte[] event = ConnectAuthorizerEvent.write(ARN, context(Map.of()),
                handshake("", new HeaderList().add("Authorization", "Leo")));
        assertSameTreeAndOrder(JSON.readTree(CAPTURE), JSON.readTree(event), "$");
    }

    @Test
    void queryAndStageVariablesFillTheirMaps() throws Exception {
        JsonNode event = JSON.readTree(ConnectAuthorizerEvent.write(ARN, context(Map.of("realm", "local")),
                handshake("token=a&token=b", new HeaderList())));
        assertEquals("b", event.path("queryStringParameters").path("token").asText(), "the last value");
        assertEquals(List.of("a", "b"), List.of(event.path("multiValueQueryStringParameters").path("token").get(0).asText(),
                event.path("multiValueQueryStringParameters").path("token").get(1).asText()));
        assertEquals("local", event.path("stageVariables").path("realm").asText());
        assertTrue(event.path("headers").has("content-length"));
    }

    @Test
    void identitySourcesReadTheHandshake() {
        HttpRequest request = handshake("token=t1", new HeaderList().add("auth", "h1"));
        EventContext context = context(Map.of("realm", "local"));
        assertEquals("h1", ConnectAuthorizerIdentitySource.parse("route.request.header.Auth").read(request, context),
                "header names ignore case");
        assertEquals("t1", ConnectAuthorizerIdentitySource.parse("route.request.querystring.token").read(request, context));
        assertNull(ConnectAuthorizerIdentitySource.parse("route.request.querystring.other").read(request, context));
        assertEquals("local", ConnectAuthorizerIdentitySource.parse("stageVariables.realm").read(request, context));
        assertEquals("FDmBIeapIAMCIQg=", ConnectAuthorizerIdentitySource.parse("context.connectionId").read(request, context));
        assertEquals("93.108.161.96", ConnectAuthorizerIdentitySource.parse("context.identity.sourceIp").read(request, context));
        assertThrows(IllegalArgumentException.class, () -> ConnectAuthorizerIdentitySource.parse("method.request.header.Auth"));
        assertThrows(IllegalArgumentException.class, () -> ConnectAuthorizerIdentitySource.parse("route.request.header."));
        assertThrows(IllegalArgumentException.class, () -> ConnectAuthorizerIdentitySource.parse("context.nothing"));
    }

    /** Equal trees with object keys in the same order at every level. */
    private static void assertSameTreeAndOrder(JsonNode expected, JsonNode actual, String where) {
        if (expected.isObject()) {
            assertTrue(actual != null && actual.isObject(), where + " is an object");
            assertEquals(names(expected), names(actual), "keys in order at " + where);
            expected.fieldNames().forEachRemaining(k -> assertSameTreeAndOrder(expected.get(k), actual.get(k), where + "." + k));
        }
        assertEquals(expected, actual, where);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
