package dev.gwemu.auth.sigv4;

import dev.gwemu.auth.CallerIdentity;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.support.MutableClock;
import dev.gwemu.support.SdkV4Signing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4CanonicalRequest;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static dev.gwemu.auth.sigv4.SigV4Fixtures.NOW;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.ROLE_ARN;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.ROLE_KEY;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.ROLE_SECRET;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.ROLE_TOKEN;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.USER_ARN;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.USER_KEY;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.USER_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gwemu's SigV4 signer against the AWS SDK for Java v2's {@code AwsV4HttpSigner} (the same Authorization header, byte
 * for byte, and the same signing headers) and against gwemu's own {@link SigV4Verifier}.
 */
class SigV4SignerTest {
    private static final SigV4Signer.Credentials USER = new SigV4Signer.Credentials(USER_KEY, USER_SECRET, null);
    private static final SigV4Signer.Credentials ROLE = new SigV4Signer.Credentials(ROLE_KEY, ROLE_SECRET, ROLE_TOKEN);

    @Test
    void kinesisJsonPostWithTarget() {
        assertSignsAsTheSdk(new Case("POST", "https", "kinesis.us-east-1.amazonaws.com", "/", "", "kinesis", "us-east-1")
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "Kinesis_20131202.PutRecord")
                .body("{\"StreamName\":\"orders\",\"Data\":\"eyJpZCI6N30=\",\"PartitionKey\":\"caf\u00e9 \u2603\"}"));
    }

    @Test
    void sqsQueryStringGetWithEncodedRepeatedAndEmptyParameters() {
        assertSignsAsTheSdk(new Case("GET", "https", "sqs.eu-west-1.amazonaws.com", "/123456789012/orders",
                "Action=SendMessage&MessageBody=hello%20world%21%20%2B%20%C3%A9&Version=2012-11-05"
                        + "&MessageAttribute.1.Name=a&MessageAttribute.1.Name=B&Empty=&Flag&Star=%2A&Tilde=~",
                "sqs", "eu-west-1"));
    }

    @Test
    void sqsFormPostWithCharset() {
        assertSignsAsTheSdk(new Case("POST", "https", "sqs.us-east-1.amazonaws.com", "/", "", "sqs", "us-east-1")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .body("Action=SendMessage&QueueUrl=https%3A%2F%2Fsqs.us-east-1.amazonaws.com%2F123456789012%2Forders"
                        + "&MessageBody=%7B%22id%22%3A7%7D&Version=2012-11-05"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "photos/2024 caf\u00e9/a+b (1)!*'~=&$@,;:.txt",
            "dir//x/./y/../z",
            "%41 literal percent %zz",
            "\u2603/\u00fc\u00f1\u00ef/-_.~",
            "trailing/"})
    void s3PutWithOddKeyCharactersIsEncodedOnceAndNotNormalised(String key) {
        String path = "/my-bucket/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key); // as the SDK's S3 client puts a key in the path
        assertSignsAsTheSdk(new Case("PUT", "https", "s3.us-west-2.amazonaws.com", path, "", "s3", "us-west-2")
                .header("Content-Type", "image/png")
                .header("x-amz-meta-owner", "  Jane   Doe ")
                .header("x-amz-acl", "private")
                .body("\u0089PNG not really"));
    }

    @Test
    void s3GetWithQueryAndEmptyBody() {
        assertSignsAsTheSdk(new Case("GET", "http", "localhost:4566", "/my-bucket", "list-type=2&prefix=a%2Fb&delimiter=%2F",
                "s3", "us-east-1"));
    }

    @Test
    void sessionTokenIsSentAndSigned() {
        Case c = new Case("POST", "https", "states.us-east-1.amazonaws.com", "/", "", "states", "us-east-1")
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AWSStepFunctions.StartExecution")
                .body("{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:flow\",\"input\":\"{}\"}")
                .token(ROLE_TOKEN);
        Map<String, List<String>> ours = assertSignsAsTheSdk(c);
        assertEquals(List.of(ROLE_TOKEN), ours.get("x-amz-security-token"));
        assertTrue(ours.get("authorization").get(0).contains("x-amz-security-token"), ours.get("authorization").get(0));
    }

    @Test
    void lambdaPathIsDoubleEncodedAndAHostWithAPortIsSignedWithIt() {
        assertSignsAsTheSdk(new Case("POST", "http", "localhost:4566",
                "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Amy-fn/invocations",
                "Qualifier=%24LATEST", "lambda", "us-east-1")
                .header("X-Amz-Invocation-Type", "Event")
                .body("{}"));
    }

    @Test
    void executeApiPathIsNormalised() {
        assertSignsAsTheSdk(new Case("GET", "https", "abc123.execute-api.us-east-1.amazonaws.com", "/dev/a/./b/../c//d%2Fe",
                "", "execute-api", "us-east-1"));
    }

    @Test
    void headerValuesAreTrimmedJoinedAndTheUnsignedOnesAreLeftOut() {
        Map<String, List<String>> ours = assertSignsAsTheSdk(
                new Case("POST", "https", "events.us-east-1.amazonaws.com", "/", "", "events", "us-east-1")
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("X-Amz-Target", "AWSEvents.PutEvents")
                        .header("x-multi", " one ")
                        .header("X-Multi", "two  \t three")
                        .header("X-Empty", "")
                        .header("User-Agent", "gwemu")
                        .header("X-Amzn-Trace-Id", "Root=1-5e1b4151-5ac6c58f5b5dae6b0d3b3e5d")
                        .body("{\"Entries\":[]}"));
        String authorization = ours.get("authorization").get(0);
        assertFalse(authorization.contains("user-agent"), authorization);
        assertFalse(authorization.contains("x-amzn-trace-id"), authorization);
        assertTrue(authorization.contains("x-empty;x-multi"), authorization);
    }

    /** The [unc] choice CanonicalPath.singleEncoded documents: S3 signs a key's SigV4 spelling whatever escapes carried it. */
    @Test
    void anS3PathSpelledOtherwiseSignsAsItsCanonicalSpelling() {
        SigV4Signer signer = new SigV4Signer(USER, Clock.fixed(NOW, ZoneOffset.UTC));
        HeaderList odd = signer.sign(request("PUT", "s3.amazonaws.com", "/b/a(b)!%c3%a9%2f", ""), "s3", "us-east-1");
        HeaderList canonical = signer.sign(request("PUT", "s3.amazonaws.com", "/b/a%28b%29%21%C3%A9%2F", ""), "s3", "us-east-1");
        assertEquals(canonical.first("Authorization"), odd.first("Authorization"));
        assertEquals("/b/a%28b%29%21%C3%A9%2F", CanonicalPath.singleEncoded("/b/a(b)!%c3%a9%2f"));
        assertEquals("/%25zz/%20", CanonicalPath.singleEncoded("/%zz/ "));
        assertEquals("/", CanonicalPath.singleEncoded(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/b", "/b/", "/b//k", "/b/./k/../x", "/b/a%20b/%E2%98%83", "/b/k%2Fslash", "/b/-_.~"})
    void s3CanonicalUriIsTheSdksForSdkEncodedPaths(String path) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("https://s3.amazonaws.com" + path)).putHeader("Host", "s3.amazonaws.com").build();
        String sdk = new V4CanonicalRequest(request, "UNSIGNED-PAYLOAD", new V4CanonicalRequest.Options(false, false))
                .getCanonicalRequestString();
        assertEquals(sdk.split("\n")[1], CanonicalPath.singleEncoded(path));
    }

    @Test
    void whatTheSignerSignsForExecuteApiTheVerifierAccepts() {
        SigV4Verifier verifier = SigV4Fixtures.verifier();
        String host = SdkSigning.HOST;
        byte[] body = "{\"name\":\"Fido\",\"note\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        SigV4Signer.Request request = new SigV4Signer.Request("POST", host, "/dev/pets/a%20b/./7", "x=1&y=%2F&x=0",
                new HeaderList().add("Content-Type", "application/json").add("X-Trace", "  a  b "), body);

        CallerIdentity user = verifier.verify(received(request, new SigV4Signer(USER, Clock.fixed(NOW, ZoneOffset.UTC))
                .sign(request, "execute-api", SdkSigning.REGION), body));
        assertEquals(USER_ARN, user.userArn());

        CallerIdentity role = verifier.verify(received(request, new SigV4Signer(ROLE, Clock.fixed(NOW, ZoneOffset.UTC))
                .sign(request, "execute-api", SdkSigning.REGION), body));
        assertEquals(ROLE_ARN, role.userArn());
    }

    @Test
    void theVerifierRefusesWhatWasChangedAfterSigning() {
        SigV4Verifier verifier = SigV4Fixtures.verifier();
        byte[] body = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
        SigV4Signer.Request request = new SigV4Signer.Request("POST", SdkSigning.HOST, "/dev/pets", "",
                new HeaderList().add("Content-Type", "application/json"), body);
        HeaderList signed = new SigV4Signer(USER, Clock.fixed(NOW, ZoneOffset.UTC)).sign(request, "execute-api", SdkSigning.REGION);

        GatewayException tampered = assertThrows(GatewayException.class,
                () -> verifier.verify(received(request, signed, "{\"n\":2}".getBytes(StandardCharsets.UTF_8))));
        assertEquals(403, tampered.status());
    }

    @Test
    void signingHeadersTheRequestAlreadyHadAreReplacedNotDoubled() {
        MutableClock clock = new MutableClock(NOW);
        SigV4Signer signer = new SigV4Signer(USER, clock);
        SigV4Signer.Request request = new SigV4Signer.Request("GET", "sqs.us-east-1.amazonaws.com", "/", "Action=ListQueues",
                new HeaderList().add("host", "elsewhere").add("Authorization", "Bearer x").add("x-amz-date", "20000101T000000Z")
                        .add("X-Amz-Security-Token", "stale").add("X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD").add("Accept", "*/*"),
                null);
        clock.advance(Duration.ofSeconds(61));
        HeaderList signed = signer.sign(request, "sqs", "us-east-1");

        Map<String, List<String>> grouped = lowerCased(signed);
        for (String name : List.of("host", "authorization", "x-amz-date", "x-amz-content-sha256")) {
            assertEquals(1, grouped.get(name).size(), name);
        }
        assertEquals("sqs.us-east-1.amazonaws.com", signed.first("Host"));
        assertEquals("20240101T120101Z", signed.first("X-Amz-Date"));
        assertFalse(signed.contains("X-Amz-Security-Token"), "long-term credentials send no token");
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", signed.first("X-Amz-Content-Sha256"));
        assertEquals("*/*", signed.first("Accept"));
        assertEquals("Bearer x", request.headers().first("Authorization"), "the request's own list is left alone");
    }

    @Test
    void credentialsNeedAKeyAndASecretAndNeverShowTheSecret() {
        assertThrows(IllegalArgumentException.class, () -> new SigV4Signer.Credentials("", "s", null));
        assertThrows(IllegalArgumentException.class, () -> new SigV4Signer.Credentials("AKID", null, null));
        assertFalse(ROLE.toString().contains(ROLE_SECRET));
        assertFalse(ROLE.toString().contains(ROLE_TOKEN));
        assertEquals(null, new SigV4Signer.Credentials("AKID", "s", "").sessionToken());
    }

    @Test
    void theSignatureDependsOnRegionAndService() {
        SigV4Signer signer = new SigV4Signer(USER, Clock.fixed(NOW, ZoneOffset.UTC));
        SigV4Signer.Request request = request("POST", "h", "/", "");
        assertNotEquals(signer.sign(request, "sqs", "us-east-1").first("Authorization"),
                signer.sign(request, "sqs", "us-east-2").first("Authorization"));
        assertNotEquals(signer.sign(request, "sqs", "us-east-1").first("Authorization"),
                signer.sign(request, "sns", "us-east-1").first("Authorization"));
    }

    // -------------------------------------------------------------------------------------------------------------

    /** One request, signed by both; returns gwemu's headers grouped by lower-case name. */
    private static Map<String, List<String>> assertSignsAsTheSdk(Case c) {
        byte[] body = c.body.getBytes(StandardCharsets.UTF_8);
        HeaderList headers = new HeaderList();
        c.headers.forEach(h -> headers.add(h[0], h[1]));
        SigV4Signer.Credentials credentials = new SigV4Signer.Credentials(USER_KEY, USER_SECRET, c.token);
        HeaderList ours = new SigV4Signer(credentials, Clock.fixed(NOW, ZoneOffset.UTC))
                .sign(new SigV4Signer.Request(c.method, c.host, c.path, c.query, headers, body), c.service, c.region);

        String url = c.scheme + "://" + c.host + c.path + (c.query.isEmpty() ? "" : "?" + c.query);
        Map<String, List<String>> sdk = SdkV4Signing.sign(c.method, url, c.headers, body, c.service, c.region, USER_KEY,
                USER_SECRET, c.token, NOW);

        assertEquals(sdk.get("Authorization").get(0), ours.first("Authorization"));
        Map<String, List<String>> sdkLower = new TreeMap<>();
        sdk.forEach((name, values) -> sdkLower.put(name.toLowerCase(Locale.ROOT), values));
        Map<String, List<String>> oursLower = lowerCased(ours);
        assertEquals(sdkLower, oursLower, "the same headers with the same values");
        return oursLower;
    }

    private static Map<String, List<String>> lowerCased(HeaderList headers) {
        Map<String, List<String>> out = new TreeMap<>();
        for (HeaderList.Header h : headers.lines()) {
            out.computeIfAbsent(h.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.value());
        }
        return out;
    }

    private static SigV4Signer.Request request(String method, String host, String path, String query) {
        return new SigV4Signer.Request(method, host, path, query, new HeaderList(), new byte[0]);
    }

    /** What the gateway receives when the signed request is sent to it. */
    private static HttpRequest received(SigV4Signer.Request request, HeaderList signed, byte[] body) {
        return new HttpRequest(request.method(), request.rawPath(), request.rawQuery(), signed, body, "127.0.0.1", "HTTP/1.1",
                "http", 3000);
    }

    private static final class Case {
        final String method;
        final String scheme;
        final String host;
        final String path;
        final String query;
        final String service;
        final String region;
        final List<String[]> headers = new ArrayList<>();
        String body = "";
        String token;

        Case(String method, String scheme, String host, String path, String query, String service, String region) {
            this.method = method;
            this.scheme = scheme;
            this.host = host;
            this.path = path;
            this.query = query;
            this.service = service;
            this.region = region;
        }

        Case header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        Case body(String text) {
            this.body = text;
            return this;
        }

        Case token(String sessionToken) {
            this.token = sessionToken;
            return this;
        }
    }
}
