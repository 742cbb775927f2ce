package dev.gwemu.websocket.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.support.MutableClock;
import dev.gwemu.support.ProjectCopy;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lambda REQUEST authorizers and AWS_IAM on {@code $connect} over a real WebSocket (security-and-operations.md §7.1,
 * §7.2, §3.3), with {@code java.net.http.WebSocket} against testdata/websocket-auth served by a real gwemu: the
 * authorizer's result on every event of the connection, the 401/403/500 refusals, and the cache on the gateway's
 * clock.
 */
class ConnectAuthorizerOverHttpTest {
    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    static final String TOKENS = "t0kenws001.execute-api.localhost";
    static final String HEADERS = "head3rws01.execute-api.localhost";
    static final String SIGNED = "s1gnedws01.execute-api.localhost";

    @TempDir
    static Path folder;
    static MutableClock clock;
    static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        ProjectCopy.of(TestPaths.TESTDATA.resolve("websocket-auth"), folder);
        clock = new MutableClock(START);
        gateway = RunningGateway.start(folder.resolve("api.yaml"), clock);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static WebSocketClient connect(String host, String pathAndQuery, Map<String, String> headers) {
        return WebSocketClient.connect(gateway, host, pathAndQuery, headers);
    }

    static WebSocketClient connect(String host, String pathAndQuery) {
        return connect(host, pathAndQuery, Map.of());
    }

    /** The handshake's refusal. */
    static HttpResponse<String> refused(String host, String pathAndQuery, Map<String, String> headers) {
        CompletionException e = assertThrows(CompletionException.class, () -> connect(host, pathAndQuery, headers));
        @SuppressWarnings("unchecked")
        HttpResponse<String> response = (HttpResponse<String>) ((WebSocketHandshakeException) e.getCause()).getResponse();
        return response;
    }

    static HttpResponse<String> refused(String host, String pathAndQuery) {
        return refused(host, pathAndQuery, Map.of());
    }

    /** How often the API's authorizer function ran, asked over a connection already authorized. */
    static int calls(WebSocketClient observer) throws Exception {
        return observer.ask("authcalls").path("calls").asInt();
    }

    /** With credentials in api.yaml, @connections calls must be SigV4-signed by one of them (§7.3). */
    @Test
    void connectionsCallsAreSignedWhenCredentialsAreConfigured() throws Exception {
        HttpResponse<String> unsigned = gateway.send(gateway.request(TOKENS, "/dev/@connections/bm9uZQ%3D%3D")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hi")));
        assertEquals(403, unsigned.statusCode(), unsigned.body());
        assertEquals("MissingAuthenticationTokenException", unsigned.headers().firstValue("x-amzn-ErrorType").orElse(null));

        software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient sdk =
                software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient.builder()
                        .endpointOverride(java.net.URI.create("http://127.0.0.1:" + gateway.port() + "/dev"))
                        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDWEBSOCKETOPS1",
                                        "websocket-ops-secret-0123456789")))
                        .build();
        java.time.Duration toNow = java.time.Duration.between(clock.instant(), Instant.now()); // the SDK signs with real time
        clock.advance(toNow);
        try (sdk) {
            WebSocketClient client = connect(TOKENS, "/dev?token=allow-signed");
            String id = client.ask("lastconnect").path("lastConnect").path("requestContext").path("connectionId").asText();
            sdk.postToConnection(r -> r.connectionId(id).data(software.amazon.awssdk.core.SdkBytes.fromUtf8String("signed")));
            assertEquals("signed", client.next());
            client.close();
        } finally {
            clock.advance(toNow.negated());
        }
    }

    @Test
    void anAllowedConnectionCarriesTheAuthorizerResultOnItsEvents() throws Exception {
        WebSocketClient client = connect(TOKENS, "/dev?token=allow-ada");
        JsonNode authorizer = client.ask("hello").path("event").path("requestContext").path("authorizer");
        assertEquals("user-ada", authorizer.path("principalId").asText());
        assertEquals("acme", authorizer.path("tenant").asText());
        assertEquals("3", authorizer.path("level").asText(), "context values are stringified");
        assertEquals("true", authorizer.path("admin").asText());
        assertTrue(authorizer.path("integrationLatency").isNumber(), authorizer.toString());

        JsonNode connectEvent = client.ask("lastconnect").path("lastConnect");
        assertEquals("CONNECT", connectEvent.path("requestContext").path("eventType").asText());
        assertEquals("user-ada", connectEvent.path("requestContext").path("authorizer").path("principalId").asText());

        JsonNode event = client.ask("authcalls").path("lastAuthorizerEvent");
        assertEquals("REQUEST", event.path("type").asText());
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:t0kenws001/dev/$connect", event.path("methodArn").asText());
        assertEquals("allow-ada", event.path("queryStringParameters").path("token").asText());
        assertTrue(event.path("stageVariables").isObject() && event.path("stageVariables").isEmpty());
        assertEquals("$connect", event.path("requestContext").path("routeKey").asText());
        assertEquals(connectEvent.path("requestContext").path("connectionId"), event.path("requestContext").path("connectionId"),
                "the authorizer sees the connection's id");
        assertFalse(event.path("requestContext").has("authorizer"));
        client.close();
    }

    @Test
    void noIdentityIsRefused401WithoutCallingTheFunction() throws Exception {
        WebSocketClient observer = connect(TOKENS, "/dev?token=allow-observer");
        int before = calls(observer);
        HttpResponse<String> response = refused(TOKENS, "/dev");
        assertEquals(401, response.statusCode());
        assertEquals(401, refused(TOKENS, "/dev?token=").statusCode(), "an empty value is missing too");
        assertEquals(before, calls(observer), "the authorizer was not called");
        observer.close();
    }

    @Test
    void denialsAndFailuresRefuseTheUpgrade() {
        assertEquals(403, refused(TOKENS, "/dev?token=deny").statusCode());
        assertEquals(403, refused(TOKENS, "/dev?token=elsewhere").statusCode(), "no Allow for .../$connect");
        assertEquals(401, refused(TOKENS, "/dev?token=unauthorized").statusCode());
        assertEquals(500, refused(TOKENS, "/dev?token=crash").statusCode());
        assertEquals(500, refused(TOKENS, "/dev?token=garbage").statusCode());
    }

    @Test
    void answersAreCachedByIdentityUntilTheTtlPassesOnTheGatewayClock() throws Exception {
        WebSocketClient observer = connect(TOKENS, "/dev?token=allow-watcher");
        int before = calls(observer);
        WebSocketClient first = connect(TOKENS, "/dev?token=allow-cached");
        WebSocketClient second = connect(TOKENS, "/dev?token=allow-cached");
        assertEquals(before + 1, calls(observer), "the second connection was answered from the cache");
        JsonNode cached = second.ask("hello").path("event").path("requestContext").path("authorizer");
        assertEquals("user-cached", cached.path("principalId").asText());
        assertEquals(0, cached.path("integrationLatency").asInt(), "no call, no latency");
        assertEquals(403, refused(TOKENS, "/dev?token=deny-cached").statusCode());
        assertEquals(403, refused(TOKENS, "/dev?token=deny-cached").statusCode());
        assertEquals(before + 2, calls(observer), "a Deny is cached too");

        clock.advance(Duration.ofSeconds(301));
        WebSocketClient third = connect(TOKENS, "/dev?token=allow-cached");
        assertEquals(before + 3, calls(observer), "the TTL has passed");
        first.close();
        second.close();
        third.close();
        observer.close();
    }

    @Test
    void aHeaderAndStageVariableIdentityWithoutCachingCallsEveryTime() throws Exception {
        assertEquals(401, refused(HEADERS, "/dev").statusCode());
        WebSocketClient observer = connect(HEADERS, "/dev", Map.of("Auth", "allow-grace"));
        int before = calls(observer);
        WebSocketClient again = connect(HEADERS, "/dev", Map.of("Auth", "allow-grace"));
        assertEquals(before + 1, calls(observer), "TTL 0: no cache");
        JsonNode event = observer.ask("authcalls").path("lastAuthorizerEvent");
        assertEquals("allow-grace", event.path("headers").path("Auth").asText());
        assertEquals("local", event.path("stageVariables").path("realm").asText());
        assertTrue(event.path("queryStringParameters").isObject() && event.path("queryStringParameters").isEmpty());
        again.close();
        observer.close();
    }

    @Test
    void awsIamRefusesAnUnsignedUpgrade() {
        HttpResponse<String> response = refused(SIGNED, "/dev");
        assertEquals(403, response.statusCode());
    }
}
