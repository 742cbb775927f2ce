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
        WebSocketClient client = connect(CHAT, "/dev");
        client.send("{\"action\":\"echo\",\"pad\":\"" + "x".repeat(128 * 1024) + "\"}");
        assertEquals(1009, client.closes.poll(20, TimeUnit.SECONDS), "message too big (§7.1)");
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
