package dev.gwemu.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.websocket.WebSocketEventWriter.Close;
import dev.gwemu.websocket.WebSocketEventWriter.EventContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three WebSocket events against the captures of security-and-operations.md §7.2, key order included. */
class WebSocketEventWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "abc123.execute-api.us-east-1.amazonaws.com";
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:122.0) Gecko/20100101 Firefox/122.0";

    private static WebSocketConnection connection(String id, String stage, long connectedAt, String sourceIp,
                                                  String userAgent, Map<String, Object> authorizer) {
        return new WebSocketConnection(id, "abc123", stage, Instant.ofEpochMilli(connectedAt), sourceIp, userAgent,
                authorizer, null);
    }

    private static EventContext context(WebSocketConnection c, long at, String requestId, Map<String, String> vars) {
        return new EventContext(c, Instant.ofEpochMilli(at), requestId, HOST, vars);
    }

    private static Map<String, Object> authorizer() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("principalId", "user-123");
        a.put("integrationLatency", 42);
        a.put("role", "admin");
        return a;
    }

    private static WebSocketConnection browserConnection() {
        return connection("W9kP9eH5PHcCJIg=", "dev", 1553288601354L, "208.54.147.130", FIREFOX, authorizer());
    }

    @Test
    void connectIsTheCaptureKeyForKey() throws IOException {
        WebSocketConnection c = connection("BFHPhfCWIAMCKlQ=", "prod", 1731324924553L, "166.90.225.1", null, null);
        // As wscat sends the handshake; the trace id stands for the one the gateway made (its root is kept).
        HeaderList handshake = new HeaderList().add("Sec-WebSocket-Version", "13")
                .add("Sec-WebSocket-Key", "+W5xw47OHh3OTFsWKjGu9Q==").add("Connection", "Upgrade")
                .add("Upgrade", "websocket").add("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits")
                .add("Host", HOST).add("X-Amzn-Trace-Id", "Root=1-6731ebfc-08e1e656421db73c5d2eef31");
        byte[] event = WebSocketEventWriter.connect(context(c, 1731324924561L, "BFHPhFe3IAMF95g=", Map.of()),
                handshake, "", "https", 443);
        assertSameTreeAndOrder(expected("connect.json"), JSON.readTree(event), "$");
    }

    @Test
    void connectWithQueryAuthorizerAndStageVariablesHasThemInTheirPlaces() throws IOException {
        HeaderList handshake = new HeaderList().add("Host", HOST).add("Connection", "Upgrade")
                .add("Upgrade", "websocket").add("Origin", "http://localhost:3000")
                .add("Sec-WebSocket-Version", "13").add("User-Agent", FIREFOX)
                .add("Sec-WebSocket-Key", "9SpNGQCHHykxeOBjNILbtQ==").add("Sec-WebSocket-Protocol", "chat")
                .add("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits")
                .add("X-Amzn-Trace-Id", "Root=1-5c954d99-0549d9a29b9ad2d2125f8bee;Sampled=1");
        byte[] event = WebSocketEventWriter.connect(context(browserConnection(), 1553288601351L, "W9kP9FNePHcF7sA=",
                Map.of("table", "connections-dev")), handshake, "sessionId=1234&tag=a&tag=b", "https", 443);
        assertSameTreeAndOrder(expected("connect-query-authorizer.json"), JSON.readTree(event), "$");
    }

    @Test
    void messageIsTheCaptureKeyForKey() throws IOException {
        WebSocketConnection c = connection("BFaT_fALIAMCKug=", "prod", 1731332735513L, "166.90.225.1", null, null);
        byte[] event = WebSocketEventWriter.message(context(c, 1731332746514L, "BFaVtH2HoAMFZEQ=", null), "chat",
                "BFaVtfGSIAMCKug=", "{\"action\": \"chat\", \"message\": \"hi\"}");
        assertSameTreeAndOrder(expected("message.json"), JSON.readTree(event), "$");
    }

    @Test
    void binaryMessageIsBase64AndRepeatsTheAuthorizer() throws IOException {
        byte[] event = WebSocketEventWriter.message(context(browserConnection(), 1553288610114L, "W9kQCH2HoAMFZEQ=",
                Map.of("table", "connections-dev")), "$default", "W9kQCfGSIAMCKug=", new byte[]{0, 1, (byte) 0xFE, (byte) 0xFF});
        assertSameTreeAndOrder(expected("message-binary-authorizer.json"), JSON.readTree(event), "$");
    }

    @Test
    void disconnectIsTheCaptureKeyForKey() throws IOException {
        WebSocketConnection c = connection("BFaT_fALIAMCKug=", "prod", 1731332735513L, "166.90.225.1", null, null);
        byte[] event = WebSocketEventWriter.disconnect(context(c, 1731333109875L, "BFbOeE87IAMF31w=", Map.of()),
                Close.fromClient(null, null));
        assertSameTreeAndOrder(expected("disconnect.json"), JSON.readTree(event), "$");
    }

    @Test
    void idleTimeoutDisconnectIsTheCaptureKeyForKey() throws IOException {
        WebSocketConnection c = connection("TX0jVfPnjoECFgw=", "develop", 1708326702789L, "185.69.197.15", FIREFOX, null);
        byte[] event = WebSocketEventWriter.disconnect(context(c, 1708327306706L, "TX0tuFp2joEF5Zw=", null),
                Close.IDLE_TIMEOUT);
        assertSameTreeAndOrder(expected("disconnect-idle-timeout.json"), JSON.readTree(event), "$");
    }

    @Test
    void disconnectRepeatsTheAuthorizerAndStageVariables() throws IOException {
        JsonNode event = JSON.readTree(WebSocketEventWriter.disconnect(context(browserConnection(), 1553288700000L,
                "W9kQxH2HoAMFZEQ=", Map.of("table", "t")), 1000, "bye"));
        assertEquals(List.of("headers", "multiValueHeaders", "stageVariables", "requestContext", "isBase64Encoded"),
                names(event));
        JsonNode ctx = event.get("requestContext");
        assertEquals(List.of("routeKey", "authorizer", "disconnectStatusCode", "eventType"), names(ctx).subList(0, 4));
        assertEquals("user-123", ctx.at("/authorizer/principalId").textValue());
        assertEquals(1000, ctx.get("disconnectStatusCode").intValue());
        assertEquals("bye", ctx.get("disconnectReason").textValue());
    }

    @ParameterizedTest(name = "client close {0} \"{1}\" -> {2} \"{3}\"")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "1000 | ''     | 1000 | ''",
            "1000 | bye    | 1000 | bye",
            "1001 | ''     | 1001 | ''",
            "1001 | NULL   | 1001 | ''",
            "4000 | custom | 4000 | custom",
            "1005 | ''     | 1005 | Client-side close frame status not set",
            "NULL | NULL   | 1005 | Client-side close frame status not set",
    })
    void clientClosesReportTheirCodeAndReason(Integer code, String reason, int statusCode, String expected) {
        Close close = Close.fromClient(code, reason);
        assertEquals(statusCode, close.statusCode());
        assertEquals(expected, close.reason());
    }

    @Test
    void serverClosesHaveNamedCodesAndTexts() {
        assertEquals(new Close(1001, "Going away"), Close.IDLE_TIMEOUT);
        assertEquals(new Close(1001, "Going away"), Close.MAX_DURATION);
        assertEquals(1000, Close.DELETED.statusCode());
        assertEquals(1009, Close.MESSAGE_TOO_BIG.statusCode());
        assertEquals(1006, Close.ABNORMAL.statusCode());
        assertSame(Close.NO_STATUS, Close.fromClient(null, "ignored"));
    }

    @Test
    void queryKeysAreAbsentWithoutAQuery() throws IOException {
        WebSocketConnection c = connection("BFHPhfCWIAMCKlQ=", "prod", 0, "10.0.0.1", null, null);
        for (String query : new String[]{null, "", "&"}) {
            JsonNode event = JSON.readTree(WebSocketEventWriter.connect(context(c, 5, "r", null), new HeaderList(),
                    query, "http", 3001));
            assertFalse(event.has("queryStringParameters"), String.valueOf(query));
            assertFalse(event.has("multiValueQueryStringParameters"), String.valueOf(query));
            assertFalse(event.has("stageVariables"));
            assertFalse(event.get("requestContext").has("authorizer"));
        }
    }

    @Test
    void queryValuesAreDecodedAndAFlagIsEmpty() throws IOException {
        WebSocketConnection c = connection("BFHPhfCWIAMCKlQ=", "prod", 0, "10.0.0.1", null, null);
        JsonNode event = JSON.readTree(WebSocketEventWriter.connect(context(c, 5, "r", null), new HeaderList(),
                "token=a%2Bb+c&flag", "https", 443));
        assertEquals("{\"token\":\"a+b c\",\"flag\":\"\"}", event.get("queryStringParameters").toString());
        assertEquals("{\"token\":[\"a+b c\"],\"flag\":[\"\"]}", event.get("multiValueQueryStringParameters").toString());
    }

    @Test
    void gatewaySetsForwardedAndTraceHeadersAppendingTheSourceIp() throws IOException {
        WebSocketConnection c = connection("BFHPhfCWIAMCKlQ=", "prod", 0, "10.0.0.1", null, null);
        HeaderList handshake = new HeaderList().add("x-forwarded-for", "203.0.113.9")
                .add("X-Forwarded-Proto", "gopher").add("X-Forwarded-Port", "1").add("upgrade", "websocket")
                .add("content-length", "0").add("X-Multi", "1").add("x-multi", "2");
        JsonNode event = JSON.readTree(WebSocketEventWriter.connect(context(c, 1731324924561L, "r", null), handshake,
                null, "http", 3001));
        JsonNode headers = event.get("headers");
        assertEquals("203.0.113.9, 10.0.0.1", headers.get("X-Forwarded-For").textValue());
        assertEquals("http", headers.get("X-Forwarded-Proto").textValue());
        assertEquals("3001", headers.get("X-Forwarded-Port").textValue());
        assertTrue(headers.get("X-Amzn-Trace-Id").textValue().matches("Root=1-6731ebfc-[0-9a-f]{24}"));
        assertFalse(headers.has("upgrade") || headers.has("content-length"));
        assertEquals("2", headers.get("X-Multi").textValue());
        assertEquals("[\"1\",\"2\"]", event.at("/multiValueHeaders/X-Multi").toString());
        assertEquals(List.of("X-Amzn-Trace-Id", "X-Forwarded-For", "X-Forwarded-Port", "X-Forwarded-Proto", "X-Multi"),
                names(headers));
    }

    @Test
    void eventsCarryCommonRequestFields() throws IOException {
        WebSocketConnection c = connection("BFHPhfCWIAMCKlQ=", "prod", 1731324924553L, "10.0.0.1", "wscat", null);
        JsonNode ctx = JSON.readTree(WebSocketEventWriter.message(context(c, 1731324924999L, "BFHPhFe3IAMF95g=", null),
                "$default", "m", "not json")).get("requestContext");
        assertEquals(ctx.get("requestId"), ctx.get("extendedRequestId"));
        assertEquals("IN", ctx.get("messageDirection").textValue());
        assertEquals("11/Nov/2024:11:35:24 +0000", ctx.get("requestTime").textValue());
        assertEquals(1731324924999L, ctx.get("requestTimeEpoch").longValue());
        assertEquals(1731324924553L, ctx.get("connectedAt").longValue());
        assertEquals("{\"userAgent\":\"wscat\",\"sourceIp\":\"10.0.0.1\"}", ctx.get("identity").toString());
    }

    @Test
    void newIdsAreSixteenCharactersOfUrlSafeBase64EndingInEquals() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = WebSocketEventWriter.newId();
            assertTrue(id.matches("[A-Za-z0-9_-]{15}="), id);
            seen.add(id);
        }
        assertEquals(1000, seen.size());
    }

    private static JsonNode expected(String name) throws IOException {
        try (InputStream in = WebSocketEventWriterTest.class.getResourceAsStream("/websocket/" + name)) {
            assertNotNull(in, name);
            return JSON.readTree(in);
        }
    }

    /** Equal trees with object keys in the same order at every level. */
    private static void assertSameTreeAndOrder(JsonNode expected, JsonNode actual, String where) {
        if (expected.isObject()) {
            assertTrue(actual != null && actual.isObject(), where + " is an object");
            assertEquals(names(expected), names(actual), "keys in order at " + where);
            expected.fieldNames().forEachRemaining(k -> assertSameTreeAndOrder(expected.get(k), actual.get(k), where + "." + k));
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), where);
            for (int i = 0; i < expected.size(); i++) {
                assertSameTreeAndOrder(expected.get(i), actual.get(i), where + "[" + i + "]");
            }
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
