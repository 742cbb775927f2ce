package dev.gwemu.auth.sigv4;

import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;
import dev.gwemu.pipeline.GatewayResponses;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

import static dev.gwemu.auth.sigv4.SigV4Fixtures.NOW;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.OLD_KEY;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.OLD_SECRET;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.OLD_TOKEN;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.ROLE_KEY;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.ROLE_SECRET;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.ROLE_TOKEN;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.USER_KEY;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.USER_SECRET;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.alice;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.get;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.unsigned;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.verifier;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.withBody;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.withExtraHeader;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.withHeader;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.withMethod;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.withPath;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.withQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Requests that must not verify, each with the exact answer API Gateway gives
 * (security-and-operations.md §3.1). Expected texts are written out here, not taken from the code.
 */
class SigV4VerifierHostileTest {
    private static final String SCOPE = "20240101/us-east-1/execute-api/aws4_request";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you provided."
            + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
            + "The Canonical String for this request should have been\n'";

    private final SigV4Verifier verifier = verifier();

    // --- no signature at all

    @Test
    void unsignedRequestIsMissingAuthenticationTokenToTheByte() {
        GatewayException e = assertFails(unsigned("/dev/pets"), GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
                "MissingAuthenticationTokenException", "Missing Authentication Token");

        HttpResponse response = new GatewayResponses().render(e);
        assertEquals(403, response.status());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("MissingAuthenticationTokenException", response.headers().first("x-amzn-ErrorType"));
    }

    @Test
    void presignParametersWithoutAlgorithmAreNoSignature() {
        assertFails(unsigned("/dev/pets?X-Amz-Credential=" + USER_KEY + "%2F" + SCOPE.replace("/", "%2F") + "&X-Amz-Signature=00"),
                GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    @Test
    void blankAuthorizationIsNoSignature() {
        assertFails(unsigned("/dev/pets", "Authorization", ""),
                GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    // --- an Authorization header that is not SigV4

    @Test
    void plainTokenListsEveryMissingPart() {
        assertIncomplete(unsigned("/dev/pets", "Authorization", "mytoken"),
                "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter."
                        + " Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence"
                        + " of either a 'X-Amz-Date' or a 'Date' header. Authorization=mytoken");
    }

    @Test
    void basicAuthEchoesTheWholeHeader() {
        // "Og==" parses as key "Og" with value "=", so only the missing parts are reported (a published capture).
        assertIncomplete(unsigned("/dev/pets", "Authorization", "Basic Og=="),
                "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter."
                        + " Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence"
                        + " of either a 'X-Amz-Date' or a 'Date' header. Authorization=Basic Og==");
    }

    @Test
    void onlyTheMissingPartsAreListed() {
        String authorization = "AWS4-HMAC-SHA256 Credential=" + USER_KEY + "/" + SCOPE;
        assertIncomplete(unsigned("/dev/pets", "Authorization", authorization, "X-Amz-Date", "20240101T120000Z"),
                "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter."
                        + " Authorization=" + authorization);
    }

    @Test
    void bearerTokenGetsTheHashedKeyValueMessage() {
        assertIncomplete(unsigned("/dev/pets", "Authorization", "Bearer abc.def.ghi"),
                "Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64):"
                        + " 'UxOF3HMhATMMq+KaaPX3QIBX1wJiIP+fN+V4AUACHEY='.");
    }

    @Test
    void keyValueHashMatchesAPublishedAwsCapture() {
        assertIncomplete(unsigned("/dev/pets", "Authorization", "x-api-key CTkrL5f5IxvMpX722zXivqnd1KU5VyoNBOFQFUUnf-E"),
                "Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64):"
                        + " 'MZ1DdfK/poPwXem5nlPMS3OWGzSFtqzqMw4zpXXhXtM='.");
    }

    @Test
    void spaceInsideACredentialBreaksItIntoAPartWithoutEquals() {
        HttpRequest signed = get("/dev/pets").sign();
        HttpRequest broken = rewriteAuthorization(signed, a -> a.replace("Credential=", "Credential= "));
        assertIncomplete(broken, "Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256"
                + " and encoded with Base64): '" + sha256Base64(broken.headers().first("Authorization")) + "'.");
    }

    // --- duplicated parts

    @Test
    void duplicateSignatureIsRefusedWhicheverCopyIsValid() {
        HttpRequest signed = get("/dev/pets").sign();
        String good = signatureOf(signed);
        String bad = "0".repeat(64);
        for (String pair : new String[] {bad + "|" + good, good + "|" + bad}) {
            String[] sigs = pair.split("\\|");
            HttpRequest doubled = rewriteAuthorization(signed, a -> a.replace("Signature=" + good,
                    "Signature=" + sigs[0] + ", Signature=" + sigs[1]));
            assertIncomplete(doubled, "Authorization header has more than one 'Signature' parameter. Authorization="
                    + doubled.headers().first("Authorization"));
        }
    }

    @Test
    void duplicateCredentialIsRefused() {
        HttpRequest signed = get("/dev/pets").sign();
        HttpRequest doubled = rewriteAuthorization(signed, a -> a.replace(", SignedHeaders=",
                ", Credential=AKIDSOMEONEELSE/" + SCOPE + ", SignedHeaders="));
        assertIncomplete(doubled, "Authorization header has more than one 'Credential' parameter. Authorization="
                + doubled.headers().first("Authorization"));
    }

    @Test
    void twoAuthorizationHeadersAreReadAsOneJoinedValue() {
        HttpRequest signed = get("/dev/pets").sign();
        String authorization = signed.headers().first("Authorization");
        HttpRequest doubled = withExtraHeader(signed, "Authorization", authorization);
        assertIncomplete(doubled, "Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256"
                + " and encoded with Base64): '" + sha256Base64(authorization + ", " + authorization) + "'.");
    }

    @Test
    void duplicatePresignedSignatureIsRefused() {
        HttpRequest signed = get("/dev/pets").presigned(Duration.ofMinutes(5)).sign();
        assertIncomplete(withQuery(signed, signed.rawQuery() + "&X-Amz-Signature=" + "0".repeat(64)),
                "AWS query-string parameters must include 'X-Amz-Signature' only once. Re-examine the query-string parameters.");
    }

    // --- malformed claims

    @Test
    void unknownAlgorithmInHeader() {
        HttpRequest signed = get("/dev/pets").sign();
        assertIncomplete(rewriteAuthorization(signed, a -> a.replace("AWS4-HMAC-SHA256 ", "AWS4-HMAC-SHA512 ")),
                "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now). ");
    }

    @Test
    void unknownAlgorithmInPresignedUrl() {
        HttpRequest signed = get("/dev/pets").presigned(Duration.ofMinutes(5)).sign();
        assertIncomplete(withQuery(signed, signed.rawQuery().replace("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256")),
                "Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256' (only AWS4-HMAC-SHA256 for now). ");
    }

    @Test
    void credentialWithFourParts() {
        HttpRequest signed = get("/dev/pets").sign();
        assertIncomplete(rewriteAuthorization(signed, a -> a.replace("/aws4_request", "")),
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
                        + USER_KEY + "/20240101/us-east-1/execute-api'");
    }

    @Test
    void dateNotInBasicFormat() {
        HttpRequest signed = get("/dev/pets").sign();
        assertIncomplete(withHeader(signed, "X-Amz-Date", "2024-01-01T12:00:00Z"),
                "Date must be in ISO-8601 'basic format'. Got '2024-01-01T12:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @Test
    void unreadableDateHeader() {
        HttpRequest signed = get("/dev/pets").signWithDateHeader();
        assertIncomplete(withHeader(signed, "Date", "yesterday"),
                "Date must be in ISO-8601 'basic format'. Got 'yesterday'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @Test
    void presignedUrlMissingParts() {
        assertIncomplete(unsigned("/dev/pets?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + USER_KEY
                        + "%2F20240101%2Fus-east-1%2Fexecute-api%2Faws4_request&X-Amz-SignedHeaders=host"),
                "AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include"
                        + " 'X-Amz-Date'. Re-examine the query-string parameters.");
    }

    @Test
    void presignedExpiresMustBeANumberOfAtMostAWeek() {
        HttpRequest signed = get("/dev/pets").presigned(Duration.ofMinutes(5)).sign();
        assertIncomplete(withQuery(signed, signed.rawQuery().replace("X-Amz-Expires=300", "X-Amz-Expires=5m")),
                "X-Amz-Expires should be a number");
        assertIncomplete(withQuery(signed, signed.rawQuery().replace("X-Amz-Expires=300", "X-Amz-Expires=604801")),
                "X-Amz-Expires must be less than a week (in seconds) that is 604800");
    }

    @Test
    void signedBothWays() {
        HttpRequest header = get("/dev/pets").sign();
        HttpRequest query = get("/dev/pets").presigned(Duration.ofMinutes(5)).sign();
        assertInvalid(withQuery(header, query.rawQuery()),
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
    }

    // --- time

    @Test
    void replayedOldDate() {
        assertInvalid(SdkSigning.request("GET", "/dev/pets", alice(), NOW.minusSeconds(301)).sign(),
                "Signature expired: 20240101T115459Z is now earlier than 20240101T115500Z (20240101T120000Z - 5 min.)");
    }

    @Test
    void dateInTheFuture() {
        assertInvalid(SdkSigning.request("GET", "/dev/pets", alice(), NOW.plusSeconds(301)).sign(),
                "Signature not yet current: 20240101T120501Z is still later than 20240101T120500Z (20240101T120000Z + 5 min.)");
    }

    @Test
    void skewTextFollowsTheConfiguredSkew() {
        SigV4Verifier strict = new SigV4Verifier(SigV4Fixtures.CREDENTIALS, "us-east-1",
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC), Duration.ofMinutes(15));
        GatewayException e = assertThrows(GatewayException.class,
                () -> strict.verify(SdkSigning.request("GET", "/dev/pets", alice(), NOW.minus(Duration.ofMinutes(16))).sign()));
        assertEquals("Signature expired: 20240101T114400Z is now earlier than 20240101T114500Z (20240101T120000Z - 15 min.)", e.getMessage());
    }

    @Test
    void presignedUrlPastItsExpiry() {
        HttpRequest signed = SdkSigning.request("GET", "/dev/pets", alice(), NOW.minusSeconds(61)).presigned(Duration.ofSeconds(60)).sign();
        assertInvalid(signed, "Signature expired: 20240101T115859Z is now earlier than 20240101T115900Z (20240101T120000Z - 1 min.)");
    }

    @Test
    void presignedUrlFromTheFuture() {
        HttpRequest signed = SdkSigning.request("GET", "/dev/pets", alice(), NOW.plus(Duration.ofMinutes(6))).presigned(Duration.ofHours(1)).sign();
        assertInvalid(signed, "Signature not yet current: 20240101T120600Z is still later than 20240101T120500Z (20240101T120000Z + 5 min.)");
    }

    @Test
    void theDateIsCheckedBeforeTheKey() {
        HttpRequest signed = SdkSigning.request("GET", "/dev/pets", SdkSigning.basic("AKIDNOBODY", "x"), NOW.minus(Duration.ofHours(1))).sign();
        assertInvalid(signed, "Signature expired: 20240101T110000Z is now earlier than 20240101T115500Z (20240101T120000Z - 5 min.)");
    }

    // --- what was signed

    @Test
    void hostNotSigned() {
        HttpRequest signed = get("/dev/pets").sign();
        assertInvalid(rewriteAuthorization(signed, a -> a.replace("SignedHeaders=host;", "SignedHeaders=")),
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void presignedWithoutHost() {
        HttpRequest signed = get("/dev/pets").presigned(Duration.ofMinutes(5)).sign();
        assertInvalid(withQuery(signed, signed.rawQuery().replace("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=x-amz-date")),
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void wrongRegion() {
        assertInvalid(get("/dev/pets").region("eu-west-1").sign(), "Credential should be scoped to a valid region. ");
    }

    @Test
    void wrongService() {
        assertInvalid(get("/dev/pets").service("lambda").sign(), "Credential should be scoped to correct service: 'execute-api'. ");
    }

    @Test
    void everyWrongScopePartIsNamedInOrder() {
        HttpRequest signed = get("/dev/pets").sign();
        assertInvalid(rewriteAuthorization(signed, a -> a.replace(SCOPE, "20231231/eu-west-1/s3/aws5_request")),
                "Credential should be scoped to a valid region. Credential should be scoped to correct service: 'execute-api'."
                        + " Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'."
                        + " Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP:"
                        + " '20231231' != '20240101', from '20240101T120000Z'.");
    }

    @Test
    void scopeDateOfAnotherDay() {
        HttpRequest signed = get("/dev/pets").sign();
        assertInvalid(rewriteAuthorization(signed, a -> a.replace("/20240101/", "/20240102/")),
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP:"
                        + " '20240102' != '20240101', from '20240101T120000Z'.");
    }

    // --- signature mismatches (expected canonical request from the AWS SDK, written out once)

    @Test
    void changedMethodShowsCanonicalRequestAndStringToSign() throws Exception {
        HttpRequest tampered = withMethod(get("/dev/pets").sign(), "DELETE");
        String canonical = "DELETE\n/dev/pets\n\n"
                + "host:abc123defg.execute-api.localhost:3000\n"
                + "x-amz-content-sha256:" + EMPTY_SHA256 + "\n"
                + "x-amz-date:20240101T120000Z\n\n"
                + "host;x-amz-content-sha256;x-amz-date\n" + EMPTY_SHA256;
        String stringToSign = "AWS4-HMAC-SHA256\n20240101T120000Z\n" + SCOPE + "\n"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertInvalid(tampered, MISMATCH + canonical + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
    }

    @Test
    void changedBody() {
        HttpRequest signed = SdkSigning.request("POST", "/dev/pets", alice(), NOW).header("Content-Type", "application/json")
                .body("{\"name\":\"Fido\"}").sign();
        assertMismatch(withBody(signed, "{\"name\":\"Rex\"}"), "20240101T120000Z");
    }

    @Test
    void addedBody() {
        assertMismatch(withBody(get("/dev/pets").sign(), "x"), "20240101T120000Z");
    }

    @Test
    void changedSignedHeader() {
        HttpRequest signed = get("/dev/pets").header("X-Tenant", "blue").sign();
        assertMismatch(withHeader(signed, "X-Tenant", "red"), "20240101T120000Z");
    }

    @Test
    void changedHost() {
        assertMismatch(withHeader(get("/dev/pets").sign(), "Host", "other.execute-api.localhost:3000"), "20240101T120000Z");
    }

    @Test
    void changedPath() {
        assertMismatch(withPath(get("/dev/pets/7").sign(), "/dev/pets/8"), "20240101T120000Z");
    }

    @Test
    void changedEncodingOfThePath() {
        assertMismatch(withPath(get("/dev/files/a%2Fb").sign(), "/dev/files/a/b"), "20240101T120000Z");
    }

    @Test
    void changedQuery() {
        assertMismatch(withQuery(get("/dev/pets?limit=10&a=1&a=2").sign(), "limit=10&a=1&a=3"), "20240101T120000Z");
    }

    @Test
    void addedQueryParameter() {
        assertMismatch(withQuery(get("/dev/pets?limit=10").sign(), "limit=10&admin=true"), "20240101T120000Z");
    }

    @Test
    void changedDateHeaderAfterSigning() {
        assertMismatch(withHeader(get("/dev/pets").sign(), "X-Amz-Date", "20240101T120001Z"), "20240101T120001Z");
    }

    @Test
    void wrongSecret() {
        assertMismatch(SdkSigning.request("GET", "/dev/pets", SdkSigning.basic(USER_KEY, USER_SECRET + "x"), NOW).sign(), "20240101T120000Z");
    }

    @Test
    void truncatedSignature() {
        HttpRequest signed = get("/dev/pets").sign();
        String good = signatureOf(signed);
        assertMismatch(rewriteAuthorization(signed, a -> a.replace(good, good.substring(0, 63))), "20240101T120000Z");
    }

    @Test
    void signatureOfWrongLength() {
        HttpRequest signed = get("/dev/pets").sign();
        String good = signatureOf(signed);
        assertMismatch(rewriteAuthorization(signed, a -> a.replace(good, good + "0")), "20240101T120000Z");
        assertMismatch(rewriteAuthorization(signed, a -> a.replace("Signature=" + good, "Signature=")), "20240101T120000Z");
    }

    @Test
    void signatureInUpperCase() {
        HttpRequest signed = get("/dev/pets").sign();
        String good = signatureOf(signed);
        assertMismatch(rewriteAuthorization(signed, a -> a.replace(good, good.toUpperCase())), "20240101T120000Z");
    }

    @Test
    void presignedChangedQuery() {
        HttpRequest signed = get("/dev/pets?limit=10").presigned(Duration.ofMinutes(5)).sign();
        HttpRequest tampered = withQuery(signed, signed.rawQuery().replace("limit=10", "limit=1000"));
        assertMismatchWithHash(tampered, "20240101T120000Z", EMPTY_SHA256);
    }

    @Test
    void presignedChangedMethod() {
        HttpRequest signed = get("/dev/pets/7").presigned(Duration.ofMinutes(5)).sign();
        assertMismatchWithHash(withMethod(signed, "DELETE"), "20240101T120000Z", EMPTY_SHA256);
    }

    // --- who signed

    @Test
    void unknownAccessKey() {
        assertUnrecognized(SdkSigning.request("GET", "/dev/pets", SdkSigning.basic("AKIDNOBODY", "secret"), NOW).sign());
    }

    @Test
    void temporaryCredentialsWithoutTheirSessionToken() {
        assertUnrecognized(SdkSigning.request("GET", "/dev/pets", SdkSigning.basic(ROLE_KEY, ROLE_SECRET), NOW).sign());
    }

    @Test
    void temporaryCredentialsWithAnotherSessionToken() {
        assertUnrecognized(SdkSigning.request("GET", "/dev/pets", SdkSigning.session(ROLE_KEY, ROLE_SECRET, ROLE_TOKEN + "x"), NOW).sign());
    }

    @Test
    void permanentCredentialsWithASessionToken() {
        assertUnrecognized(SdkSigning.request("GET", "/dev/pets", SdkSigning.session(USER_KEY, USER_SECRET, "made-up"), NOW).sign());
    }

    @Test
    void presignedUrlWithoutTheSessionToken() {
        assertUnrecognized(SdkSigning.request("GET", "/dev/pets", SdkSigning.basic(ROLE_KEY, ROLE_SECRET), NOW)
                .presigned(Duration.ofMinutes(5)).sign());
    }

    @Test
    void expiredCredentials() {
        HttpRequest signed = SdkSigning.request("GET", "/dev/pets", SdkSigning.session(OLD_KEY, OLD_SECRET, OLD_TOKEN), NOW).sign();
        assertFails(signed, GatewayResponseType.EXPIRED_TOKEN, "ExpiredTokenException", "The security token included in the request is expired");
    }

    @Test
    void wrongSecretOfExpiredCredentialsIsASignatureMismatchFirst() {
        HttpRequest signed = SdkSigning.request("GET", "/dev/pets", SdkSigning.session(OLD_KEY, "wrong", OLD_TOKEN), NOW).sign();
        GatewayException e = assertThrows(GatewayException.class, () -> verifier.verify(signed));
        assertEquals("InvalidSignatureException", e.errorType());
    }

    // --- helpers

    private GatewayException assertFails(HttpRequest request, GatewayResponseType type, String errorType, String message) {
        GatewayException e = assertThrows(GatewayException.class, () -> verifier.verify(request));
        assertEquals(type, e.type());
        assertEquals(403, e.status());
        assertEquals(errorType, e.errorType());
        assertEquals(message, e.getMessage());
        return e;
    }

    private void assertIncomplete(HttpRequest request, String message) {
        assertFails(request, GatewayResponseType.INVALID_SIGNATURE, "IncompleteSignatureException", message);
    }

    private void assertInvalid(HttpRequest request, String message) {
        assertFails(request, GatewayResponseType.INVALID_SIGNATURE, "InvalidSignatureException", message);
    }

    private void assertUnrecognized(HttpRequest request) {
        assertFails(request, GatewayResponseType.INVALID_SIGNATURE, "UnrecognizedClientException",
                "The security token included in the request is invalid.");
    }

    private void assertMismatch(HttpRequest tampered, String amzDate) {
        assertMismatchWithHash(tampered, amzDate, SdkSigning.sha256Hex(tampered.body()));
    }

    /** The message names the canonical request the AWS SDK builds for what arrived, and its string to sign. */
    private void assertMismatchWithHash(HttpRequest tampered, String amzDate, String payloadHash) {
        String canonical = SdkSigning.sdkCanonicalRequest(tampered, payloadHash);
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + SCOPE + "\n"
                + SdkSigning.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        assertInvalid(tampered, MISMATCH + canonical + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
    }

    private static HttpRequest rewriteAuthorization(HttpRequest signed, UnaryOperator<String> change) {
        return withHeader(signed, "Authorization", change.apply(signed.headers().first("Authorization")));
    }

    private static String signatureOf(HttpRequest signed) {
        String authorization = signed.headers().first("Authorization");
        return authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
    }

    private static String sha256Base64(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
