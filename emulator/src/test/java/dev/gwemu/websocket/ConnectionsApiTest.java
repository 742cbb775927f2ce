package dev.gwemu.websocket;

import dev.gwemu.auth.sigv4.SigV4Verifier;
import dev.gwemu.model.CredentialSpec;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.websocket.ConnectionsApiFixtures.RecordingChannel;
import dev.gwemu.websocket.ConnectionsApiFixtures.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.gwemu.websocket.ConnectionsApiFixtures.API;
import static dev.gwemu.websocket.ConnectionsApiFixtures.CONNECTED_AT;
import static dev.gwemu.websocket.ConnectionsApiFixtures.STAGE;
import static dev.gwemu.websocket.ConnectionsApiFixtures.connection;
import static dev.gwemu.websocket.ConnectionsApiFixtures.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ConnectionsApi} called directly: security-and-operations.md §7.3. */
class ConnectionsApiTest {
    private static final String ID = "BFHPhfCWIAMCKlQ=";
    private static final String PATH = "/dev/@connections/BFHPhfCWIAMCKlQ%3D";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-11-11T11:40:00.123456Z"));
    private final Connections connections = new Connections();
    private final RecordingChannel channel = new RecordingChannel();
    private final List<WebSocketConnection> deleted = new ArrayList<>();
    private ConnectionsApi api;

    @BeforeEach
    void open() {
        connections.add(connection(ID, API, STAGE, "Mozilla/5.0 (test)", channel));
        api = new ConnectionsApi(connections, clock, null, deleted::add);
    }

    private HttpResponse call(String method, String rawPath, byte[] body) {
        ManagementPath path = ManagementPath.parse(rawPath);
        assertNotNull(path, rawPath);
        return api.handle(request(method, rawPath, body), API, path.stage(), path.connectionIdEncoded());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(HttpResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void postSendsValidUtf8AsOneTextMessageAndAnswers200WithAnEmptyBody() {
        HttpResponse r = call("POST", PATH, utf8("{\"hello\":\"wörld\"}"));

        assertEquals(200, r.status());
        assertEquals(0, r.body().length);
        assertEquals("application/json", r.headers().first("Content-Type"));
        assertTrue(r.headers().first("x-amzn-RequestId").matches("[0-9a-f-]{36}"), r.headers().first("x-amzn-RequestId"));
        assertEquals(List.of("text"), channel.sent().stream().map(Sent::kind).toList());
        assertEquals("{\"hello\":\"wörld\"}", channel.sent().get(0).text());
    }

    @Test
    void postSendsBytesThatAreNotUtf8AsOneBinaryMessage() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};

        HttpResponse r = call("POST", PATH, png);

        assertEquals(200, r.status());
        assertEquals("binary", channel.sent().get(0).kind());
        assertArrayEquals(png, channel.sent().get(0).bytes());
    }

    @Test
    void anEmptyPostIsAnEmptyTextMessage() {
        assertEquals(200, call("POST", PATH, new byte[0]).status());
        assertEquals("", channel.sent().get(0).text());
    }

    @Test
    void aDeliveredPostMovesLastActiveAtAndGetAndDeleteDoNot() {
        assertEquals(CONNECTED_AT, connections.get(ID).lastActiveAt());
        call("GET", PATH, new byte[0]);
        assertEquals(CONNECTED_AT, connections.get(ID).lastActiveAt());

        call("POST", PATH, utf8("hi"));
        assertEquals(clock.instant(), connections.get(ID).lastActiveAt());
    }

    @Test
    void exactly128KbIsDeliveredAndOneByteMoreIs413PayloadTooLarge() {
        byte[] limit = new byte[128 * 1024];
        Arrays.fill(limit, (byte) 'a');
        assertEquals(200, call("POST", PATH, limit).status());

        byte[] over = Arrays.copyOf(limit, limit.length + 1);
        over[limit.length] = 'a';
        HttpResponse r = call("POST", PATH, over);

        assertEquals(413, r.status());
        assertEquals("PayloadTooLargeException", r.headers().first("x-amzn-ErrorType"));
        assertEquals("application/json", r.headers().first("Content-Type"));
        assertEquals("{\"message\":\"" + ManagementErrors.PAYLOAD_TOO_LARGE_MESSAGE + "\"}", text(r));
        assertEquals(1, channel.sent().size(), "only the first was sent");
    }

    @Test
    void getDescribesTheConnectionWithMillisecondTimes() {
        clock.set(Instant.parse("2024-11-11T11:36:00Z"));
        call("POST", PATH, utf8("hi"));

        HttpResponse r = call("GET", PATH, new byte[0]);

        assertEquals(200, r.status());
        assertEquals("application/json", r.headers().first("Content-Type"));
        assertEquals("{\"connectedAt\":\"2024-11-11T11:35:24.553Z\","
                + "\"identity\":{\"sourceIp\":\"166.90.225.1\",\"userAgent\":\"Mozilla/5.0 (test)\"},"
                + "\"lastActiveAt\":\"2024-11-11T11:36:00.000Z\"}", text(r));
    }

    @Test
    void getLeavesOutAUserAgentTheClientDidNotSend() {
        connections.add(connection("noAgentXXXXXXXX=", API, STAGE, null, new RecordingChannel()));

        HttpResponse r = call("GET", "/dev/@connections/noAgentXXXXXXXX%3D", new byte[0]);

        assertEquals("{\"connectedAt\":\"2024-11-11T11:35:24.553Z\",\"identity\":{\"sourceIp\":\"166.90.225.1\"},"
                + "\"lastActiveAt\":\"2024-11-11T11:35:24.553Z\"}", text(r));
    }

    @Test
    void deleteAnswers204ClosesNormallyForgetsTheConnectionAndTellsTheCallerOnce() {
        HttpResponse r = call("DELETE", PATH, new byte[0]);

        assertEquals(204, r.status());
        assertEquals(0, r.body().length);
        assertEquals(List.of(new Sent("close", null, null, 1000, "")).toString(), channel.sent().toString());
        assertNull(connections.get(ID));
        assertEquals(1, deleted.size());
        assertEquals(ID, deleted.get(0).id());

        HttpResponse again = call("DELETE", PATH, new byte[0]);
        assertEquals(410, again.status());
        assertEquals(1, deleted.size(), "a second DELETE tells nobody");
        assertEquals(410, call("POST", PATH, utf8("late")).status());
        assertEquals(1, channel.sent().size(), "nothing sent after the close");
    }

    @Test
    void deleteOfAConnectionWhoseSocketIsAlreadyClosedStillSucceeds() {
        channel.failure = new IllegalStateException("socket closed");

        assertEquals(204, call("DELETE", PATH, new byte[0]).status());
        assertNull(connections.get(ID));
        assertEquals(1, deleted.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET", "DELETE"})
    void anUnknownConnectionIs410GoneWithAnEmptyBody(String method) {
        HttpResponse r = call(method, "/dev/@connections/nobodyXXXXXXXXX%3D", utf8("hi"));

        assertEquals(410, r.status());
        assertEquals("GoneException", r.headers().first("x-amzn-ErrorType"));
        assertEquals("", text(r));
        assertTrue(r.headers().contains("x-amzn-RequestId"));
        assertTrue(channel.sent().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET", "DELETE"})
    void anotherStagesConnectionIsGone(String method) {
        HttpResponse r = call(method, "/prod/@connections/BFHPhfCWIAMCKlQ%3D", utf8("hi"));

        assertEquals(410, r.status());
        assertEquals("GoneException", r.headers().first("x-amzn-ErrorType"));
        assertTrue(channel.sent().isEmpty());
        assertSame(channel, connections.get(ID).channel(), "still open");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET", "DELETE"})
    void anotherApisConnectionIsGone(String method) {
        HttpResponse r = api.handle(request(method, PATH, utf8("hi")), "otherapi99", STAGE, "BFHPhfCWIAMCKlQ%3D");

        assertEquals(410, r.status());
        assertTrue(channel.sent().isEmpty());
        assertNotNull(connections.get(ID), "still open");
        assertTrue(deleted.isEmpty());
    }

    @Test
    void theIdIsDecodedOnceSoAnUnencodedIdWorksTooAndADoubleEncodedOneDoesNot() {
        assertEquals(200, call("POST", "/dev/@connections/BFHPhfCWIAMCKlQ=", utf8("a")).status());
        assertEquals(410, call("POST", "/dev/@connections/BFHPhfCWIAMCKlQ%253D", utf8("b")).status());
    }

    @Test
    void aSendThatFailsBecauseTheSocketWentAwayIsGone() {
        channel.failure = new IllegalStateException("socket closed");

        HttpResponse r = call("POST", PATH, utf8("hi"));

        assertEquals(410, r.status());
        assertEquals(CONNECTED_AT, connections.get(ID).lastActiveAt(), "not delivered, not activity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "HEAD", "OPTIONS"})
    void otherMethodsFindNoMethod(String method) {
        HttpResponse r = call(method, PATH, new byte[0]);

        assertEquals(404, r.status());
        assertEquals("NotFoundException", r.headers().first("x-amzn-ErrorType"));
        assertEquals("{\"message\":\"No method found matching route dev/@connections/BFHPhfCWIAMCKlQ%3D for http method "
                + method + ".\"}", text(r));
        assertTrue(channel.sent().isEmpty());
    }

    @Test
    void withCredentialsConfiguredAnUnsignedCallIsMissingAuthenticationTokenBeforeAnythingElse() {
        SigV4Verifier verifier = new SigV4Verifier(List.of(new CredentialSpec("AKIDEXAMPLE000001", "secret",
                null, "arn:aws:iam::123456789012:user/alice", null)), "us-east-1", clock, Duration.ofMinutes(5));
        api = new ConnectionsApi(connections, clock, verifier, deleted::add);

        for (String[] call : new String[][]{{"POST", PATH}, {"DELETE", PATH}, {"GET", "/dev/@connections/nobody"}, {"PUT", PATH}}) {
            HttpResponse r = call(call[0], call[1], utf8("hi"));
            assertEquals(403, r.status(), call[0]);
            assertEquals("MissingAuthenticationTokenException", r.headers().first("x-amzn-ErrorType"));
            assertEquals("{\"message\":\"Missing Authentication Token\"}", text(r));
        }
        assertTrue(channel.sent().isEmpty());
        assertNotNull(connections.get(ID));
    }

    @Test
    void aBadSignatureGetsTheVerifiersAnswer() {
        SigV4Verifier verifier = new SigV4Verifier(List.of(new CredentialSpec("AKIDEXAMPLE000001", "secret",
                null, "arn:aws:iam::123456789012:user/alice", null)), "us-east-1", clock, Duration.ofMinutes(5));
        api = new ConnectionsApi(connections, clock, verifier);
        HttpRequest bearer = request("POST", PATH, utf8("hi"));
        bearer.headers().add("Authorization", "Bearer abc");

        HttpResponse r = api.handle(bearer, API, STAGE, "BFHPhfCWIAMCKlQ%3D");

        assertEquals(403, r.status());
        assertEquals("IncompleteSignatureException", r.headers().first("x-amzn-ErrorType"));
        assertTrue(channel.sent().isEmpty());
    }

    @Test
    void timestampsAlwaysHaveThreeFractionDigits() {
        assertEquals("2024-01-01T00:00:00.000Z", ConnectionsApi.timestamp(Instant.parse("2024-01-01T00:00:00Z")));
        assertEquals("2024-01-01T00:00:00.120Z", ConnectionsApi.timestamp(Instant.parse("2024-01-01T00:00:00.12Z")));
        assertEquals("2024-01-01T00:00:00.999Z", ConnectionsApi.timestamp(Instant.parse("2024-01-01T00:00:00.999999Z")));
    }

    @Test
    void overlongAndSurrogateUtf8IsNotText() {
        assertNull(ConnectionsApi.utf8(new byte[]{(byte) 0xc0, (byte) 0x80}), "overlong NUL");
        assertNull(ConnectionsApi.utf8(new byte[]{(byte) 0xed, (byte) 0xa0, (byte) 0x80}), "lone surrogate");
        assertNull(ConnectionsApi.utf8(new byte[]{(byte) 0xe2, (byte) 0x82}), "truncated");
        assertEquals("€", ConnectionsApi.utf8(new byte[]{(byte) 0xe2, (byte) 0x82, (byte) 0xac}));
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
