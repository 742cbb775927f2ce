package dev.gwemu.websocket.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.support.MutableClock;
import dev.gwemu.support.ProjectCopy;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebSocket APIs over a real connection (security-and-operations.md §7), with {@code java.net.http.WebSocket} against
 * testdata/websocket served by a real gwemu: $connect accepting and refusing, route selection, route responses,
 * $default, AWS's error frames, $disconnect, and the idle timeout on the gateway's clock.
 */
class WebSocketOverHttpTest {
    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    static final String CHAT = "ch4tws0001.execute-api.localhost";
    static final String STRICT = "str1ctws01.execute-api.localhost";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    static MutableClock clock;
    static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        ProjectCopy.of(TestPaths.TESTDATA.resolve("websocket"), folder);
        clock = new MutableClock(START);
        gateway = RunningGateway.start(folder.resolve("api.yaml"), clock);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static WebSocketClient connect(String host, String pathAndQuery) {
        return WebSocketClient.connect(gateway, host, pathAndQuery, java.util.Map.of());
    }

    @Test
    void messagesAreRoutedByTheSelectionExpressionAndAnswered() throws Exception {
        WebSocketClient client = connect(CHAT, "/dev?user=ada");
        client.send("{\"action\":\"echo\",\"text\":\"hi\"}");
        JsonNode event = JSON.readTree(client.next()).path("event");
        assertEquals("echo", event.path("requestContext").path("routeKey").asText());
        assertEquals("MESSAGE", event.path("requestContext").path("eventType").asText());
        assertEquals("{\"action\":\"echo\",\"text\":\"hi\"}", event.path("body").asText());
        assertEquals("dev", event.path("requestContext").path("stage").asText());
        String connectionId = event.path("requestContext").path("connectionId").asText();
        assertTrue(connectionId.matches("[A-Za-z0-9+/_-]{15}="), connectionId);

        client.send("not json at all");
        JsonNode fallback = JSON.readTree(client.next()).path("event");
        assertEquals("$default", fallback.path("requestContext").path("routeKey").asText());
        assertEquals(connectionId, fallback.path("requestContext").path("connectionId").asText());
        client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void aRouteWithoutRouteResponseAnswersNothingAndAFailingOneAnErrorFrame() throws Exception {
        WebSocketClient client = connect(CHAT, "/dev");
        client.send("{\"action\":\"silent\"}");
        client.send("{\"action\":\"crash\"}");
        JsonNode frame = JSON.readTree(client.next());
        assertEquals("Internal server error", frame.path("message").asText(), "the silent route sent nothing first");
        assertTrue(frame.has("connectionId") && frame.has("requestId"));
        client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @Test
    void noMatchingRouteAndNoDefaultIsAForbiddenFrameAndTheConnectionStays() throws Exception {
        WebSocketClient client = connect(STRICT, "/dev");
        client.send("{\"action\":\"other\"}");
        String frame = client.next();
        assertTrue(frame.startsWith("{\"message\": \"Forbidden\", \"connectionId\":\""), frame);
        client.send("{\"action\":\"only\"}");
        assertEquals("only", JSON.readTree(client.next()).path("event").path("requestContext").path("routeKey").asText());
        client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @Test
    void connectCanRefuseTheUpgrade() {
        CompletionException denied = assertThrows(CompletionException.class, () -> connect(CHAT, "/dev?deny=1"));
        assertEquals(403, ((WebSocketHandshakeException) denied.getCause()).getResponse().statusCode());
        CompletionException crashed = assertThrows(CompletionException.class, () -> connect(CHAT, "/dev?crash=1"));
        assertEquals(500, ((WebSocketHandshakeException) crashed.getCause()).getResponse().statusCode());
        CompletionException noStage = assertThrows(CompletionException.class, () -> connect(CHAT, "/prod"));
        assertInstanceOf(WebSocketHandshakeException.class, noStage.getCause());
        assertEquals(403, ((WebSocketHandshakeException) noStage.getCause()).getResponse().statusCode());
    }

    @Test
    void aMockRouteAnswersItsTemplateWithoutAFunction() throws Exception {
        WebSocketClient client = connect(CHAT, "/dev");
        client.send("{\"action\":\"whoami\"}");
        String id = JSON.readTree(client.next()).path("connectionId").asText();
        client.send("{\"action\":\"ping\",\"text\":\"hi there\"}");
        assertEquals("{\"pong\":\"" + id + "\",\"said\":\"hi there\",\"room\":\"lobby\"}", client.next());
        client.close();
    }

    @Test
    void theSubprotocolConnectAnswersIsTheHandshakes() {
        WebSocketClient client = new WebSocketClient();
        client.socket = gateway.client().newWebSocketBuilder().header("Host", CHAT).subprotocols("chat.v2", "chat.v1")
                .buildAsync(URI.create("ws://127.0.0.1:" + gateway.port() + "/dev"), client).join();
        assertEquals("chat.v2", client.socket.getSubprotocol(), "$connect's Sec-WebSocket-Protocol header (§7.1)");
        client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @Test
    void disconnectHearsTheCloseCode() throws Exception {
        WebSocketClient first = connect(CHAT, "/dev");
        first.socket.sendClose(4000, "done").join();
        assertNotNull(first.closes.poll(20, TimeUnit.SECONDS));
        WebSocketClient second = connect(CHAT, "/dev");
        JsonNode last = null;
        for (int i = 0; i < 50 && (last == null || !last.isObject()); i++) { // $disconnect runs after the close
            second.send("{\"action\":\"lastdisconnect\"}");
            last = JSON.readTree(second.next()).path("lastDisconnect"); // an error frame while Disconnect is busy
            if (!last.isObject()) {
                Thread.sleep(100);
            }
        }
        assertEquals("DISCONNECT", last.path("requestContext").path("eventType").asText());
        assertEquals(4000, last.path("requestContext").path("disconnectStatusCode").asInt());
        second.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @Test
    void anIdleConnectionIsClosedByTheGatewayClock() throws Exception {
        WebSocketClient client = connect(CHAT, "/dev");
        client.send("{\"action\":\"echo\"}");
        client.next();
        clock.advance(Duration.ofMinutes(11));
        try {
            Integer code = client.closes.poll(20, TimeUnit.SECONDS);
            assertEquals(1001, code, "closed as going away");
        } finally {
            clock.advance(Duration.ofMinutes(-11));
        }
    }

    @Test
    void theAwsSdkReachesConnectionsThroughConnections() throws Exception {
        WebSocketClient client = connect(CHAT, "/dev");
        client.send("{\"action\":\"whoami\"}");
        JsonNode me = JSON.readTree(client.next());
        String id = me.path("connectionId").asText();
        assertTrue(me.path("endpoint").asText().endsWith("/dev"), me.toString());
        try (ApiGatewayManagementApiClient sdk = ApiGatewayManagementApiClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + gateway.port() + "/dev"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDANY", "secret")))
                .build()) {
            sdk.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String("pushed by the backend")));
            assertEquals("pushed by the backend", client.next());

            GetConnectionResponse info = sdk.getConnection(r -> r.connectionId(id));
            assertEquals(START, info.connectedAt(), "connectedAt on the gateway's clock");
            assertEquals("127.0.0.1", info.identity().sourceIp());

            sdk.deleteConnection(r -> r.connectionId(id));
            assertNotNull(client.closes.poll(20, TimeUnit.SECONDS), "DELETE closes the connection");
            assertThrows(GoneException.class, () -> sdk.postToConnection(r -> r.connectionId(id)
                    .data(SdkBytes.fromUtf8String("too late"))));
        }
    }

    @Test
    void aMessageOver128KbClosesTheConnectionWith1009() throws Exception {
        WebSocketClient client = connect(CHAT, "/dev"); // java.net.http sends a long message as several frames
        client.send("{\"action\":\"echo\",\"pad\":\"" + "x".repeat(128 * 1024) + "\"}");
        assertEquals(1009, client.closes.poll(20, TimeUnit.SECONDS), "message too big (§7.1)");
    }

    @Test
    void aSingleFrameOver32KbClosesTheConnectionWith1009() throws Exception {
        assertEquals(1000, closeCodeAfterOneFrame(30 * 1024 - 20), "under the frame limit: the test closes normally");
        assertEquals(1009, closeCodeAfterOneFrame(33 * 1024), "frame too big (§7.1)");
    }

    /**
     * Sends one text message in one frame, as browsers do (java.net.http would fragment it), over a raw socket; then a
     * normal close. Returns the close code the gateway answers with: 1009 when it refused the frame.
     */
    private static int closeCodeAfterOneFrame(int padding) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            out.write(("GET /dev HTTP/1.1\r\nHost: " + CHAT + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.readUnsignedByte());
            }
            assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
            byte[] payload = ("{\"action\":\"silent\",\"pad\":\"" + "x".repeat(padding) + "\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            writeFrame(out, 0x81, payload);
            writeFrame(out, 0x88, new byte[] {0x03, (byte) 0xE8}); // close 1000
            while (true) { // skip anything before the gateway's close frame
                int first = in.readUnsignedByte();
                int length = in.readUnsignedByte() & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                }
                byte[] body = in.readNBytes(length);
                if ((first & 0x0F) == 0x8) {
                    return ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
                }
            }
        }
    }

    /** A masked client frame (RFC 6455 §5.2) with a zero mask, so the payload goes as it is. */
    private static void writeFrame(java.io.OutputStream out, int firstByte, byte[] payload) throws java.io.IOException {
        out.write(firstByte);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xFF);
        }
        out.write(new byte[4]);
        out.write(payload);
        out.flush();
    }

    @Test
    void aFragmentedMessageUnder128KbPasses() throws Exception {
        WebSocketClient client = connect(CHAT, "/dev");
        String pad = "x".repeat(30 * 1024);
        client.socket.sendText("{\"action\":\"echo\",\"pad\":\"" + pad, false).join();
        client.socket.sendText(pad, false).join();
        client.socket.sendText(pad + "\"}", true).join();
        assertEquals("echo", JSON.readTree(client.next()).path("event").path("requestContext").path("routeKey").asText());
        client.close();
    }

    @Test
    void aConnectionIsClosedAtItsMaximumAgeEvenWhenActive() throws Exception {
        WebSocketClient client = connect(STRICT, "/dev");
        client.send("{\"action\":\"only\"}");
        client.next();
        clock.advance(Duration.ofMinutes(59));
        client.send("{\"action\":\"only\"}"); // active: the idle timeout would not close it
        client.next();
        assertNull(client.closes.poll(2, TimeUnit.SECONDS), "still open before the limit");
        clock.advance(Duration.ofMinutes(2));
        try {
            assertEquals(1001, client.closes.poll(20, TimeUnit.SECONDS), "closed at maxConnectionSeconds");
        } finally {
            clock.advance(Duration.ofMinutes(-61));
        }
    }

    @Test
    void plainHttpToAWebSocketStageIsUpgradeRequired() throws Exception {
        HttpResponse<String> response = gateway.get("/dev", CHAT);
        assertEquals(426, response.statusCode());
    }
}
