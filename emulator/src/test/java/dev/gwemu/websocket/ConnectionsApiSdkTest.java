package dev.gwemu.websocket;

import dev.gwemu.auth.sigv4.SigV4Verifier;
import dev.gwemu.model.CredentialSpec;
import dev.gwemu.pipeline.GatewayResponses;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.websocket.ConnectionsApiFixtures.RecordingChannel;
import dev.gwemu.websocket.ConnectionsApiFixtures.Sent;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.gwemu.websocket.ConnectionsApiFixtures.API;
import static dev.gwemu.websocket.ConnectionsApiFixtures.CONNECTED_AT;
import static dev.gwemu.websocket.ConnectionsApiFixtures.STAGE;
import static dev.gwemu.websocket.ConnectionsApiFixtures.connection;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS SDK's own {@link ApiGatewayManagementApiClient} against {@link ConnectionsApi} behind a small Undertow
 * server that routes {@code /{stage}/@connections/*} to it, as the dispatcher will: the SDK must understand every
 * answer (its exception types, its timestamps) and what it signs must verify.
 */
class ConnectionsApiSdkTest {
    private static final String ID = "L0SM9cOFvHcCIhw=";
    /** When the client last spoke; the API's clock, fixed, for exact GetConnection times. */
    private static final Instant NOW = Instant.parse("2024-11-11T11:40:07.250Z");
    private static final AwsCredentialsProvider ALICE =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDMANAGEMENT001", "management-secret-0123456789"));

    private final Connections connections = new Connections();
    private final RecordingChannel channel = new RecordingChannel();
    private final List<WebSocketConnection> deleted = new ArrayList<>();
    private Undertow server;

    @BeforeEach
    void open() {
        connections.add(connection(ID, API, STAGE, "Mozilla/5.0 (sdk test)", channel));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Starts the server; the verifier judges signatures by the real time, which the SDK signs with. */
    private ApiGatewayManagementApiClient client(boolean credentialsConfigured, AwsCredentialsProvider credentials) {
        SigV4Verifier verifier = credentialsConfigured
                ? new SigV4Verifier(List.of(new CredentialSpec("AKIDMANAGEMENT001", "management-secret-0123456789", null,
                "arn:aws:iam::123456789012:user/backend", null)), "us-east-1", Clock.systemUTC(), Duration.ofMinutes(5))
                : null;
        ConnectionsApi api = new ConnectionsApi(connections, Clock.fixed(NOW, ZoneOffset.UTC), verifier, deleted::add);
        server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setServerOption(UndertowOptions.ALLOW_ENCODED_SLASH, true)
                .setHandler(exchange -> {
                    if (exchange.isInIoThread()) {
                        exchange.dispatch(ex -> serve(ex, api));
                        return;
                    }
                    serve(exchange, api);
                })
                .build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        return ApiGatewayManagementApiClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port + "/" + STAGE))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
    }

    private static void serve(HttpServerExchange exchange, ConnectionsApi api) throws Exception {
        exchange.startBlocking();
        byte[] body;
        try (InputStream in = exchange.getInputStream()) {
            body = in.readAllBytes();
        }
        HeaderList headers = new HeaderList();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            for (String value : values) {
                headers.add(values.getHeaderName().toString(), value);
            }
        }
        HttpRequest request = new HttpRequest(exchange.getRequestMethod().toString(), exchange.getRequestURI(),
                exchange.getQueryString(), headers, body, "127.0.0.1", "HTTP/1.1", "http", exchange.getHostPort());
        ManagementPath path = ManagementPath.parse(request.rawPath());
        HttpResponse response = path == null
                ? new GatewayResponses().render(ManagementErrors.forbidden())
                : api.handle(request, API, path.stage(), path.connectionIdEncoded());
        exchange.setStatusCode(response.status());
        for (HeaderList.Header h : response.headers().lines()) {
            exchange.getResponseHeaders().add(HttpString.tryFromString(h.name()), h.value());
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, response.body().length);
        exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
    }

    @Test
    void postToConnectionSignedByAConfiguredCredentialDeliversTheText() {
        try (ApiGatewayManagementApiClient client = client(true, ALICE)) {
            client.postToConnection(r -> r.connectionId(ID).data(SdkBytes.fromUtf8String("{\"hello\":\"world\"}")));
        }

        assertEquals(List.of("text"), channel.sent().stream().map(Sent::kind).toList());
        assertEquals("{\"hello\":\"world\"}", channel.sent().get(0).text());
        assertEquals(NOW, connections.get(ID).lastActiveAt());
    }

    @Test
    void postToConnectionDeliversBytesThatAreNotTextAsABinaryMessage() {
        byte[] bytes = {0, 1, 2, (byte) 0xfe, (byte) 0xff};
        try (ApiGatewayManagementApiClient client = client(true, ALICE)) {
            client.postToConnection(r -> r.connectionId(ID).data(SdkBytes.fromByteArray(bytes)));
        }

        assertEquals("binary", channel.sent().get(0).kind());
        assertArrayEquals(bytes, channel.sent().get(0).bytes());
    }

    @Test
    void getConnectionGivesTheSdkItsInstantsAndIdentity() {
        connections.get(ID).active(Instant.parse("2024-11-11T11:39:59.001Z"));
        GetConnectionResponse r;
        try (ApiGatewayManagementApiClient client = client(true, ALICE)) {
            r = client.getConnection(b -> b.connectionId(ID));
        }

        assertEquals(CONNECTED_AT, r.connectedAt());
        assertEquals(Instant.parse("2024-11-11T11:39:59.001Z"), r.lastActiveAt());
        assertEquals("166.90.225.1", r.identity().sourceIp());
        assertEquals("Mozilla/5.0 (sdk test)", r.identity().userAgent());
        assertTrue(r.responseMetadata().requestId().matches("[0-9a-f-]{36}"), r.responseMetadata().requestId());
    }

    @Test
    void anUnknownConnectionIsTheSdksGoneException() {
        try (ApiGatewayManagementApiClient client = client(true, ALICE)) {
            for (Runnable call : List.<Runnable>of(
                    () -> client.postToConnection(r -> r.connectionId("nobodyHereXXXXX=").data(SdkBytes.fromUtf8String("hi"))),
                    () -> client.getConnection(r -> r.connectionId("nobodyHereXXXXX=")),
                    () -> client.deleteConnection(r -> r.connectionId("nobodyHereXXXXX=")))) {
                GoneException e = assertThrows(GoneException.class, call::run);
                assertEquals(410, e.statusCode());
                assertEquals("GoneException", e.awsErrorDetails().errorCode());
                assertEquals(1, e.numAttempts(), "a 410 is not retried");
            }
        }
    }

    @Test
    void tooLargeAPostIsTheSdksPayloadTooLargeExceptionWithItsMessage() {
        PayloadTooLargeException e;
        try (ApiGatewayManagementApiClient client = client(true, ALICE)) {
            e = assertThrows(PayloadTooLargeException.class,
                    () -> client.postToConnection(r -> r.connectionId(ID).data(SdkBytes.fromByteArray(new byte[128 * 1024 + 1]))));
        }

        assertEquals(413, e.statusCode());
        assertEquals(ManagementErrors.PAYLOAD_TOO_LARGE_MESSAGE, e.awsErrorDetails().errorMessage());
        assertTrue(channel.sent().isEmpty());
    }

    @Test
    void deleteConnectionClosesItAndAfterwardsItIsGone() {
        try (ApiGatewayManagementApiClient client = client(true, ALICE)) {
            client.deleteConnection(r -> r.connectionId(ID));

            assertEquals(List.of(new Sent("close", null, null, 1000, "")).toString(), channel.sent().toString());
            assertNull(connections.get(ID));
            assertEquals(List.of(ID), deleted.stream().map(WebSocketConnection::id).toList());
            assertThrows(GoneException.class, () -> client.getConnection(r -> r.connectionId(ID)));
        }
    }

    @Test
    void withCredentialsConfiguredAnUnsignedCallIsMissingAuthenticationToken() {
        AwsServiceException e;
        try (ApiGatewayManagementApiClient client = client(true, AnonymousCredentialsProvider.create())) {
            e = assertThrows(AwsServiceException.class,
                    () -> client.postToConnection(r -> r.connectionId(ID).data(SdkBytes.fromUtf8String("hi"))));
        }

        assertEquals(403, e.statusCode());
        assertEquals("MissingAuthenticationTokenException", e.awsErrorDetails().errorCode());
        assertEquals("Missing Authentication Token", e.awsErrorDetails().errorMessage());
        assertTrue(channel.sent().isEmpty());
    }

    @Test
    void anUnknownAccessKeyIsRefused() {
        AwsCredentialsProvider stranger = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDNOBODYKNOWS01", "x"));
        AwsServiceException e;
        try (ApiGatewayManagementApiClient client = client(true, stranger)) {
            e = assertThrows(AwsServiceException.class, () -> client.getConnection(r -> r.connectionId(ID)));
        }

        assertEquals(403, e.statusCode());
        assertEquals("UnrecognizedClientException", e.awsErrorDetails().errorCode());
    }

    @Test
    void withoutCredentialsConfiguredUnsignedAndSignedCallsAreAccepted() {
        try (ApiGatewayManagementApiClient anonymous = client(false, AnonymousCredentialsProvider.create())) {
            anonymous.postToConnection(r -> r.connectionId(ID).data(SdkBytes.fromUtf8String("one")));
        }
        stop();
        try (ApiGatewayManagementApiClient signed = client(false, ALICE)) {
            signed.postToConnection(r -> r.connectionId(ID).data(SdkBytes.fromUtf8String("two")));
        }

        assertEquals(List.of("one", "two"), channel.sent().stream().map(Sent::text).toList());
    }
}
