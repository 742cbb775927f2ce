package dev.gwemu.auth.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS SDK's own {@code apigatewaymanagementapi} client (SigV4 service {@code execute-api}) against an AWS_IAM
 * method of ours on the path it calls, {@code /@connections/{connectionId}} (secure.yaml): what it signs, gwemu
 * verifies; what it does not, gwemu refuses with API Gateway's answers (security-and-operations.md §3.1, §7.3).
 * The SDK signs with the machine's clock, so this gateway's clock starts at the real time.
 */
class ManagementApiClientTest {
    @TempDir
    static Path folder;
    private static SecurityProject project;

    /** The request the SDK sent and the response body it got, taken on the wire. */
    private SdkHttpRequest sent;
    private String received;

    private final ExecutionInterceptor wiretap = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            sent = context.httpRequest();
        }

        @Override
        public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            try {
                byte[] body = context.responseBody().isPresent() ? context.responseBody().get().readAllBytes() : new byte[0];
                received = new String(body, StandardCharsets.UTF_8);
                return Optional.of(new ByteArrayInputStream(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    @BeforeAll
    static void start() throws Exception {
        project = SecurityProject.start(folder, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterAll
    static void stop() {
        project.close();
    }

    @BeforeEach
    void forget() {
        sent = null;
        received = null;
    }

    /** The stage is the first path segment, so it goes in the endpoint; 127.0.0.1 serves the first API, secure. */
    private ApiGatewayManagementApiClient client(AwsCredentialsProvider credentials) {
        return ApiGatewayManagementApiClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + project.gateway.port() + "/dev"))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.addExecutionInterceptor(wiretap))
                .build();
    }

    private static StaticCredentialsProvider alice() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSAMEACCOUNT01", "same-account-secret-key-0123456789"));
    }

    @Test
    void postToConnectionSignedByTheSdkReachesTheFunctionWithTheCaller() {
        try (ApiGatewayManagementApiClient client = client(alice())) {
            client.postToConnection(r -> r.connectionId("L0SM9cOFvHcCIhw=").data(SdkBytes.fromUtf8String("{\"hello\":\"world\"}")));
        }

        assertEquals("POST", sent.method().name());
        assertEquals("/dev/@connections/L0SM9cOFvHcCIhw%3D", sent.encodedPath());
        JsonNode event = json(received);
        assertEquals("/@connections/{connectionId}", event.path("resource").asText());
        assertEquals("POST", event.path("httpMethod").asText());
        assertEquals("L0SM9cOFvHcCIhw%3D", event.path("pathParameters").path("connectionId").asText(), "path parameters stay encoded");
        assertEquals("{\"hello\":\"world\"}", event.path("body").asText());
        JsonNode identity = event.path("requestContext").path("identity");
        assertEquals("AKIDSAMEACCOUNT01", identity.path("accessKey").asText());
        assertEquals("123456789012", identity.path("accountId").asText());
        assertTrue(identity.path("caller").asText().matches("AIDA[A-Z2-7]{17}"), identity.toString());
        assertEquals(identity.path("caller").asText(), identity.path("user").asText());
        assertEquals("arn:aws:iam::123456789012:user/alice", identity.path("userArn").asText());
        assertTrue(identity.path("userAgent").asText().startsWith("aws-sdk-java/2."), identity.toString());
    }

    @Test
    void aConnectionIdWithASlashAndSpacesStaysOnePathSegmentAndVerifies() {
        try (ApiGatewayManagementApiClient client = client(alice())) {
            client.postToConnection(r -> r.connectionId("a/b c+d").data(SdkBytes.fromUtf8String("x")));
        }

        assertEquals("/dev/@connections/a%2Fb%20c%2Bd", sent.encodedPath());
        JsonNode event = json(received);
        assertEquals("/@connections/{connectionId}", event.path("resource").asText());
        assertEquals("a%2Fb%20c%2Bd", event.path("pathParameters").path("connectionId").asText());
        assertEquals("arn:aws:iam::123456789012:user/alice", event.path("requestContext").path("identity").path("userArn").asText());
    }

    @Test
    void getAndDeleteConnectionAreSignedAndReachItToo() {
        try (ApiGatewayManagementApiClient client = client(alice())) {
            client.getConnection(r -> r.connectionId("abc"));
            assertEquals("GET", json(received).path("httpMethod").asText());
            assertEquals("arn:aws:iam::123456789012:user/alice", json(received).path("requestContext").path("identity").path("userArn").asText());

            client.deleteConnection(r -> r.connectionId("abc"));
            assertEquals("DELETE", json(received).path("httpMethod").asText());
            assertEquals("arn:aws:iam::123456789012:user/alice", json(received).path("requestContext").path("identity").path("userArn").asText());
        }
    }

    @Test
    void temporaryCredentialsWithTheirSessionTokenAreAccepted() {
        AwsCredentialsProvider carol = StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIATEMPORARY0001", "temporary-secret-key-0123456789", "session-token-0001"));
        try (ApiGatewayManagementApiClient client = client(carol)) {
            client.postToConnection(r -> r.connectionId("abc").data(SdkBytes.fromUtf8String("hi")));
        }

        assertEquals("session-token-0001", sent.firstMatchingHeader("X-Amz-Security-Token").orElseThrow());
        assertEquals("arn:aws:sts::123456789012:assumed-role/deployer/carol",
                json(received).path("requestContext").path("identity").path("userArn").asText());
    }

    @Test
    void anUnsignedCallIsMissingAuthenticationToken() {
        AwsServiceException e;
        try (ApiGatewayManagementApiClient client = client(AnonymousCredentialsProvider.create())) {
            e = assertThrows(AwsServiceException.class,
                    () -> client.postToConnection(r -> r.connectionId("abc").data(SdkBytes.fromUtf8String("hi"))));
        }

        assertTrue(sent.firstMatchingHeader("Authorization").isEmpty(), "the SDK sent no signature");
        assertRefused(e, "MissingAuthenticationTokenException", Answers.MISSING_TOKEN);
    }

    @Test
    void aCallSignedWithTheWrongSecretGetsTheCanonicalRequestGwemuComputed() {
        AwsCredentialsProvider wrong = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSAMEACCOUNT01", "not-alices-secret"));
        AwsServiceException e;
        try (ApiGatewayManagementApiClient client = client(wrong)) {
            e = assertThrows(AwsServiceException.class,
                    () -> client.postToConnection(r -> r.connectionId("abc=").data(SdkBytes.fromUtf8String("hi"))));
        }

        // What SigV4 says the canonical request of what the SDK sent is: the path double-encoded (execute-api is
        // not S3), the signed headers as sent, lower-cased and sorted, and the hash of the body.
        String authorization = sent.firstMatchingHeader("Authorization").orElseThrow();
        String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
        String canonicalHeaders = Arrays.stream(signedHeaders.split(";"))
                .map(name -> name + ":" + sent.firstMatchingHeader(name).orElseThrow().trim() + "\n")
                .collect(Collectors.joining());
        String canonical = "POST\n/dev/%40connections/abc%253D\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + Sigv4.sha256Hex("hi");
        assertTrue(signedHeaders.contains("host"), signedHeaders);
        Instant signedAt = Sigv4.AMZ_DATE.parse(sent.firstMatchingHeader("X-Amz-Date").orElseThrow(), Instant::from);

        assertRefused(e, "InvalidSignatureException",
                "{\"message\":\"" + Answers.jsonEscaped(Sigv4.mismatch(canonical, signedAt)) + "\"}");
    }

    @Test
    void anUnknownAccessKeyIsAnUnrecognizedClient() {
        AwsCredentialsProvider stranger = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDNOBODYKNOWS01", "whatever"));
        AwsServiceException e;
        try (ApiGatewayManagementApiClient client = client(stranger)) {
            e = assertThrows(AwsServiceException.class, () -> client.deleteConnection(r -> r.connectionId("abc")));
        }

        assertRefused(e, "UnrecognizedClientException", Answers.SECURITY_TOKEN_INVALID);
    }

    @Test
    void anotherAccountsUserIsDenied() {
        AwsCredentialsProvider bob = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDOTHERACCOUNT1", "other-account-secret-key-0123456789"));
        AwsServiceException e;
        try (ApiGatewayManagementApiClient client = client(bob)) {
            e = assertThrows(AwsServiceException.class,
                    () -> client.postToConnection(r -> r.connectionId("abc").data(SdkBytes.fromUtf8String("hi"))));
        }

        // The method ARN names the path as received: the SDK sent @connections unencoded.
        assertRefused(e, "AccessDeniedException", "{\"Message\":\"" + Answers.invokeDenied("arn:aws:iam::111122223333:user/bob",
                "s3cur3ap1x", "dev/POST/@connections/abc") + "\"}");
    }

    /** The SDK's exception carries the status, x-amzn-ErrorType (as its error code) and the body as received. */
    private void assertRefused(AwsServiceException e, String errorType, String body) {
        assertEquals(403, e.statusCode());
        assertEquals(errorType, e.awsErrorDetails().errorCode());
        assertEquals(body, e.awsErrorDetails().rawResponse().asUtf8String());
        assertEquals(body, received);
        assertEquals(1, e.numAttempts(), "a 403 is not retried");
    }

    private static JsonNode json(String text) {
        try {
            return SecurityProject.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
