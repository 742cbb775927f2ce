package dev.gwemu.integration.aws;

import dev.gwemu.auth.sigv4.SigV4Signer;
import dev.gwemu.integration.HttpBackend;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ForwardBackend against a fake AWS service that checks each request's SigV4 signature (recomputed with the AWS SDK's
 * signer) and records it as it arrived: calls arrive exactly as given and signed, answers flow back unchanged, and
 * failures to reach the service are API Gateway's 500 and 504.
 */
class ForwardBackendTest {
    private static final String KEY = "AKIDFORWARD00000001";
    private static final String SECRET = "forward/secret+key=";
    private static final String TEMP_KEY = "ASIAFORWARD00000002";
    private static final String TEMP_SECRET = "temporary-secret";
    private static final String TOKEN = "FwoGZXIvYXdzEBYaDH7/session+token==";
    private static final Instant NOW = Instant.parse("2024-03-01T08:30:00Z");
    private static final int TIMEOUT = 5_000;
    /** What arrives besides the call's own headers: the client's transport headers and the signer's. */
    private static final Set<String> ADDED = Set.of("host", "content-length", "user-agent", "x-amz-date",
            "x-amz-content-sha256", "authorization", "x-amz-security-token");

    private static FakeAwsService service;
    private final HttpBackend http = new HttpBackend();

    @BeforeAll
    static void startService() {
        service = FakeAwsService.start(Map.of(KEY, SECRET, TEMP_KEY, TEMP_SECRET));
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @BeforeEach
    void clear() {
        service.answer(r -> FakeAwsService.Answer.json(200, "{}"));
    }

    @Test
    void aKinesisJsonCallArrivesExactlyAsGivenAndSigned() {
        ServiceCall call = call("kinesis", "POST", "kinesis.us-east-1.amazonaws.com", "/", "",
                new HeaderList().add("Content-Type", "application/x-amz-json-1.1").add("X-Amz-Target", "Kinesis_20131202.PutRecord"),
                "{\"StreamName\":\"orders\",\"Data\":\"eyJpZCI6N30=\",\"PartitionKey\":\"caf\u00e9\"}");

        FakeAwsService.Received r = sendAlone(backend(service.url()), call);

        assertArrivedAsGiven(call, "/", r);
        assertEquals("kinesis", r.signingService());
        assertEquals("us-east-1", r.signingRegion());
        assertEquals("127.0.0.1:" + service.port(), r.first("Host"), "the endpoint's host is signed and sent, not AWS's");
        assertEquals("20240301T083000Z", r.first("X-Amz-Date"));
        assertEquals("content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target", r.signedHeaders());
    }

    @Test
    void anSqsFormCallGoesUnderTheEndpointsPath() {
        ServiceCall call = call("sqs", "POST", "sqs.eu-west-1.amazonaws.com", "/123456789012/orders", "",
                new HeaderList().add("Content-Type", "application/x-www-form-urlencoded"),
                "Action=SendMessage&MessageBody=%7B%22id%22%3A7%7D&Version=2012-11-05");
        FakeAwsService.Received r = sendAlone(backend(service.url() + "/queues/"), call);

        assertArrivedAsGiven(call, "/queues/123456789012/orders", r);
        assertEquals("sqs", r.signingService());
        assertEquals("eu-west-1", r.signingRegion());
    }

    @Test
    void anSqsQueryStringCallKeepsItsQueryAsWritten() {
        ServiceCall call = call("sqs", "GET", "sqs.us-east-1.amazonaws.com", "/123456789012/orders",
                "Action=SendMessage&MessageBody=a%20b%2Bc%21&Version=2012-11-05&Empty=&A=2&A=1", new HeaderList(), "");
        FakeAwsService.Received r = sendAlone(backend(service.url()), call);

        assertArrivedAsGiven(call, "/123456789012/orders", r);
    }

    @Test
    void anS3PutWithAnOddKeyArrivesAsGivenAndSignedAsS3Signs() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        ServiceCall call = new ServiceCall("s3", "us-west-2", "PutObject", "PUT", "s3.us-west-2.amazonaws.com",
                "/my-bucket/photos//2024/caf%C3%A9%20%281%29%2Bx%21.png", "",
                new HeaderList().add("Content-Type", "image/png").add("x-amz-meta-owner", "Jane Doe"), bytes, null);
        FakeAwsService.Received r = sendAlone(backend(service.url()), call);

        assertArrivedAsGiven(call, "/my-bucket/photos//2024/caf%C3%A9%20%281%29%2Bx%21.png", r);
        assertEquals("s3", r.signingService());
    }

    @Test
    void theAnswerFlowsBackUnchanged() {
        byte[] body = "{\"SequenceNumber\":\"4955\",\"ShardId\":\"shardId-000000000001\"}\n\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Content-Type", "application/x-amz-json-1.1"});
        headers.add(new String[] {"x-amzn-RequestId", "c1a2b3"});
        headers.add(new String[] {"x-amz-id-2", "abc/def="});
        headers.add(new String[] {"X-Multi", "one"});
        headers.add(new String[] {"X-Multi", "two"});
        service.answer(r -> new FakeAwsService.Answer(201, headers, body, 0));

        ServiceAnswer answer = backend(service.url()).send(kinesisCall(), TIMEOUT);

        assertTrue(service.last().signatureValid());
        assertEquals(201, answer.status());
        assertArrayEquals(body, answer.body());
        assertEquals(List.of("application/x-amz-json-1.1"), answer.headers().get("content-type"));
        assertEquals(List.of("c1a2b3"), answer.headers().get("X-AMZN-REQUESTID"), "names are case-insensitive");
        assertEquals(List.of("abc/def="), answer.headers().get("x-amz-id-2"));
        assertEquals(List.of("one", "two"), answer.headers().get("x-multi"));
    }

    @Test
    void aClientErrorFlowsBackAsIs() {
        String error = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Stream orders under account 000000000000 not found.\"}";
        service.answer(r -> FakeAwsService.Answer.json(400, error));

        ServiceAnswer answer = backend(service.url()).send(kinesisCall(), TIMEOUT);

        assertEquals(400, answer.status());
        assertEquals(error, new String(answer.body(), StandardCharsets.UTF_8));
        assertEquals(List.of("application/x-amz-json-1.1"), answer.headers().get("Content-Type"));
    }

    @Test
    void aSessionTokenIsSentAndSigned() {
        ForwardBackend backend = new ForwardBackend(URI.create(service.url()), new SigV4Signer.Credentials(TEMP_KEY, TEMP_SECRET, TOKEN),
                Clock.fixed(NOW, ZoneOffset.UTC), http);
        FakeAwsService.Received r = sendAlone(backend, kinesisCall());

        assertEquals(TOKEN, r.first("X-Amz-Security-Token"));
        assertTrue(r.signedHeaders().contains("x-amz-security-token"), r.signedHeaders());
        assertTrue(r.signatureValid());
    }

    /** The fake service's check can fail: a secret it does not know gets AWS's 403, which flows back. */
    @Test
    void aWrongSecretIsRefusedByTheServiceAndThatAnswerFlowsBack() {
        ForwardBackend backend = new ForwardBackend(URI.create(service.url()), new SigV4Signer.Credentials(KEY, "not-the-secret", null),
                Clock.fixed(NOW, ZoneOffset.UTC), http);
        int before = service.received().size();

        ServiceAnswer answer = backend.send(kinesisCall(), TIMEOUT);

        assertEquals(403, answer.status());
        assertTrue(new String(answer.body(), StandardCharsets.UTF_8).contains("InvalidSignatureException"));
        assertFalse(service.received().get(before).signatureValid());
    }

    @Test
    void hopByHopHeadersAreNotForwarded() {
        HeaderList headers = new HeaderList()
                .add("Content-Type", "application/x-amz-json-1.0")
                .add("X-Amz-Target", "AWSStepFunctions.StartExecution")
                .add("Connection", "X-Hop-Only")
                .add("X-Hop-Only", "gone")
                .add("Keep-Alive", "timeout=5")
                .add("TE", "trailers")
                .add("Trailer", "X-Checksum")
                .add("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .add("Upgrade", "websocket")
                .add("Transfer-Encoding", "chunked")
                .add("Content-Length", "999")
                .add("Host", "states.us-east-1.amazonaws.com")
                .add("X-Kept", "kept");
        ServiceCall call = call("states", "POST", "states.us-east-1.amazonaws.com", "/", "", headers, "{\"input\":\"{}\"}");
        FakeAwsService.Received r = sendAlone(backend(service.url()), call);

        assertTrue(r.signatureValid());
        for (String dropped : List.of("Connection", "X-Hop-Only", "Keep-Alive", "TE", "Trailer", "Proxy-Authorization", "Upgrade",
                "Transfer-Encoding")) {
            assertNull(r.first(dropped), dropped);
        }
        assertEquals("kept", r.first("X-Kept"));
        assertEquals("14", r.first("Content-Length"), "the body's length, not the call's header");
        assertEquals("states", r.signingService());
    }

    @Test
    void aGetSendsNoBodyAndSignsNone() {
        ServiceCall call = call("sqs", "GET", "sqs.us-east-1.amazonaws.com", "/", "Action=ListQueues", new HeaderList(), "ignored");
        FakeAwsService.Received r = sendAlone(backend(service.url()), call);

        assertTrue(r.signatureValid());
        assertEquals(0, r.body().length);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", r.first("X-Amz-Content-Sha256"));
    }

    @Test
    void theSigningNameIsTheServicesNotTheEndpointPrefix() {
        ServiceCall call = call("email", "POST", "email.us-east-1.amazonaws.com", "/", "",
                new HeaderList().add("Content-Type", "application/x-www-form-urlencoded"), "Action=SendEmail");
        assertEquals("ses", sendAlone(backend(service.url()), call).signingService());
    }

    @Test
    void anUnreachableEndpointIsA500() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GatewayException e = assertThrows(GatewayException.class,
                () -> backend("http://127.0.0.1:" + closedPort).send(kinesisCall(), TIMEOUT));
        assertEquals(500, e.status());
        assertEquals("{\"message\": \"Internal server error\"}", new String(e.fixedBody(), StandardCharsets.UTF_8));
    }

    @Test
    void aSlowServiceIsA504() {
        service.answer(r -> new FakeAwsService.Answer(200, List.of(), new byte[0], 3_000));
        long start = System.nanoTime();
        GatewayException e = assertThrows(GatewayException.class, () -> backend(service.url()).send(kinesisCall(), 300));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(504, e.status());
        assertEquals("{\"message\": \"Endpoint request timed out\"}", new String(e.fixedBody(), StandardCharsets.UTF_8));
        assertTrue(tookMillis < 2_500, "gave up after the timeout, not the answer: " + tookMillis + " ms");
    }

    @Test
    void aBadEndpointIsRefusedWhenTheBackendIsMade() {
        for (String bad : List.of("ftp://h", "http://h/?q=1", "http://h/#f", "http://user@h", "/relative", "localhost:4566")) {
            assertThrows(IllegalArgumentException.class, () -> backend(bad), bad);
        }
    }

    @Test
    void theHostHeaderLeavesOutTheSchemesDefaultPort() {
        assertEquals("localhost", ForwardBackend.hostHeader("http", "localhost", 80));
        assertEquals("localhost:443", ForwardBackend.hostHeader("http", "localhost", 443));
        assertEquals("sqs.us-east-1.amazonaws.com", ForwardBackend.hostHeader("https", "sqs.us-east-1.amazonaws.com", -1));
        assertEquals("localhost:4566", ForwardBackend.hostHeader("https", "localhost", 4566));
        assertEquals("[::1]:4566", ForwardBackend.hostHeader("http", "[::1]", 4566));
    }

    // -------------------------------------------------------------------------------------------------------------

    private ForwardBackend backend(String endpoint) {
        return new ForwardBackend(URI.create(endpoint), new SigV4Signer.Credentials(KEY, SECRET, null),
                Clock.fixed(NOW, ZoneOffset.UTC), http);
    }

    /** Sends one call and returns what the service received for it. */
    private static FakeAwsService.Received sendAlone(ForwardBackend backend, ServiceCall call) {
        int before = service.received().size();
        ServiceAnswer answer = backend.send(call, TIMEOUT);
        List<FakeAwsService.Received> all = service.received();
        assertEquals(before + 1, all.size(), "one request per call");
        FakeAwsService.Received r = all.get(before);
        assertEquals(200, answer.status(), "signature valid: " + r.signatureValid());
        return r;
    }

    private static void assertArrivedAsGiven(ServiceCall call, String path, FakeAwsService.Received r) {
        assertTrue(r.signatureValid(), "signed so that the service accepts it");
        assertEquals(call.method(), r.method());
        assertEquals(path, r.rawPath());
        assertEquals(call.query(), r.rawQuery());
        assertArrayEquals(call.body(), r.body());
        assertEquals(grouped(call.headers().grouped()), grouped(r.headers(), ADDED), "the call's headers, and only those");
        String length = r.first("Content-Length");
        assertEquals(Integer.toString(r.body().length), length == null ? "0" : length);
    }

    private static Map<String, List<String>> grouped(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new TreeMap<>();
        headers.forEach((name, values) -> out.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        return out;
    }

    private static Map<String, List<String>> grouped(List<String[]> lines, Set<String> except) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String[] h : lines) {
            String name = h[0].toLowerCase(Locale.ROOT);
            if (!except.contains(name)) {
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(h[1]);
            }
        }
        return out;
    }

    private static ServiceCall call(String service, String method, String host, String path, String query, HeaderList headers,
                                    String body) {
        String region = host.split("\\.")[1];
        return new ServiceCall(service, region, null, method, host, path, query, headers, body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static ServiceCall kinesisCall() {
        return call("kinesis", "POST", "kinesis.us-east-1.amazonaws.com", "/", "",
                new HeaderList().add("Content-Type", "application/x-amz-json-1.1").add("X-Amz-Target", "Kinesis_20131202.PutRecord"),
                "{\"StreamName\":\"orders\"}");
    }
}
