package dev.gwemu.auth.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.auth.cognito.TokenRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static dev.gwemu.auth.http.Answers.AUTHORIZER_EXPLICIT_DENY;
import static dev.gwemu.auth.http.Answers.AUTHORIZER_IMPLICIT_DENY;
import static dev.gwemu.auth.http.Answers.SECURITY_TOKEN_EXPIRED;
import static dev.gwemu.auth.http.Answers.SECURITY_TOKEN_INVALID;
import static dev.gwemu.auth.http.Answers.TOKEN_EXPIRED;
import static dev.gwemu.auth.http.Answers.assertAccessDenied;
import static dev.gwemu.auth.http.Answers.assertInvalidSignature;
import static dev.gwemu.auth.http.Answers.assertRefused;
import static dev.gwemu.auth.http.Answers.invokeDenied;
import static dev.gwemu.auth.http.SecurityProject.HOSTILE;
import static dev.gwemu.auth.http.SecurityProject.SECURE;
import static dev.gwemu.auth.http.SecurityProject.json;
import static dev.gwemu.auth.http.Sigv4.ALICE;
import static dev.gwemu.auth.http.Sigv4.AMZ_DATE;
import static dev.gwemu.auth.http.Sigv4.CAROL;
import static dev.gwemu.auth.http.Sigv4.DAVE;
import static dev.gwemu.auth.http.Sigv4.mismatch;
import static dev.gwemu.auth.http.Sigv4.sha256Hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Requests built to get past the gateway, over HTTP, none of which may: forged and stale JWTs, tampered and
 * mis-scoped SigV4 signatures, Lambda authorizers answering garbage or allowing something else (on the secure API,
 * which has no resource policy to allow what the authorizer is silent about, §4.3), and resource policies whose Deny
 * must override their Allow. Each asserts API Gateway's exact answer (status, body, x-amzn-ErrorType) and
 * that the integration did not run: the Echo function's invocation count moves only by the probe that reads it.
 */
class HostileRequestsTest {
    private static final String EMPTY_SHA256 = sha256Hex("");

    @TempDir
    static Path folder;
    private static SecurityProject project;
    private static ForgedTokens forge;

    @BeforeAll
    static void start() throws Exception {
        project = SecurityProject.start(folder);
        forge = new ForgedTokens(project.apiYaml);
    }

    @AfterAll
    static void stop() {
        project.close();
    }

    /** Sends the attack, checks the answer, and checks that the Echo function did not run for it. */
    private static void refused(Supplier<HttpResponse<String>> attack, Consumer<HttpResponse<String>> expectedAnswer) {
        int before = project.echoCallsAfterOneMore();
        HttpResponse<String> response = attack.get();
        expectedAnswer.accept(response);
        assertEquals(before + 1, project.echoCallsAfterOneMore(), "the integration ran for a refused request");
    }

    private static Instant now() {
        return project.clock.instant();
    }

    private static long nowSeconds() {
        return now().getEpochSecond();
    }

    // ---------------------------------------------------------------- JWTs on a user pool method (§3.2)

    private static HttpResponse<String> pool(String token) {
        return project.get(SECURE, "/dev/pool", "Authorization", token);
    }

    @Test
    void aValidForgedTokenIsTakenSoTheCasesBelowFailForTheirOneFaultOnly() {
        assertEquals(200, pool(forge.signedByThePool(ForgedTokens.idClaims(nowSeconds()))).statusCode());
    }

    @Test
    void jwtWithAlgNoneIsUnauthorized() {
        refused(() -> pool(forge.unsigned(ForgedTokens.idClaims(nowSeconds()))), Answers::assertUnauthorized);
    }

    @Test
    void jwtSignedHs256WithThePoolsPublicKeyIsUnauthorized() {
        refused(() -> pool(forge.hs256WithThePublicKey(ForgedTokens.idClaims(nowSeconds()))), Answers::assertUnauthorized);
    }

    @Test
    void jwtNamingAKidThePoolDoesNotHaveIsUnauthorized() {
        refused(() -> pool(forge.signedByThePoolWithKid(ForgedTokens.idClaims(nowSeconds()), "not-the-pools-kid")), Answers::assertUnauthorized);
    }

    @Test
    void jwtSignedByAnotherKeyUnderThePoolsKidIsUnauthorized() {
        refused(() -> pool(forge.signedByAnotherKeyWithThePoolsKid(ForgedTokens.idClaims(nowSeconds()))), Answers::assertUnauthorized);
    }

    @Test
    void expiredJwtSaysItHasExpired() {
        ObjectNode claims = ForgedTokens.idClaims(nowSeconds() - 7200);
        refused(() -> pool(forge.signedByThePool(claims)), r -> assertRefused(r, 401, "UnauthorizedException", TOKEN_EXPIRED));
    }

    @Test
    void jwtNotValidBeforeALaterTimeIsUnauthorized() {
        ObjectNode claims = ForgedTokens.idClaims(nowSeconds());
        claims.put("nbf", nowSeconds() + 120);
        refused(() -> pool(forge.signedByThePool(claims)), Answers::assertUnauthorized);
    }

    @Test
    void jwtIssuedInTheFutureIsUnauthorized() {
        ObjectNode claims = ForgedTokens.idClaims(nowSeconds());
        claims.put("iat", nowSeconds() + 120);
        refused(() -> pool(forge.signedByThePool(claims)), Answers::assertUnauthorized);
    }

    @ParameterizedTest(name = "iss {0}")
    @ValueSource(strings = {"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other0001",
            "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Secure001/", "https://evil.example/us-east-1_Secure001", ""})
    void jwtOfAnotherIssuerIsUnauthorized(String issuer) {
        ObjectNode claims = ForgedTokens.idClaims(nowSeconds());
        claims.put("iss", issuer);
        refused(() -> pool(forge.signedByThePool(claims)), Answers::assertUnauthorized);
    }

    @Test
    void jwtForAnotherAppClientIsUnauthorized() {
        ObjectNode claims = ForgedTokens.idClaims(nowSeconds());
        claims.put("aud", "someoneelsesclient");
        refused(() -> pool(forge.signedByThePool(claims)), Answers::assertUnauthorized);
    }

    @Test
    void jwtWithTheIssuerTwiceIsUnauthorized() {
        long now = nowSeconds();
        String payload = "{\"sub\":\"m\",\"iss\":\"https://evil.example/\",\"iss\":\"" + ForgedTokens.ISSUER + "\",\"aud\":\""
                + ForgedTokens.CLIENT_ID + "\",\"token_use\":\"id\",\"exp\":" + (now + 3600) + ",\"iat\":" + now + "}";
        refused(() -> pool(forge.signedByThePool(payload)), Answers::assertUnauthorized);
    }

    @Test
    void jwtWithATextualExpiryIsUnauthorized() {
        ObjectNode claims = ForgedTokens.idClaims(nowSeconds());
        claims.put("exp", "9999999999");
        refused(() -> pool(forge.signedByThePool(claims)), Answers::assertUnauthorized);
    }

    @Test
    void jwtWithItsPayloadChangedIsUnauthorized() {
        String[] parts = project.token(TokenRequest.id("mallory-sub")).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = ForgedTokens.b64(payload.replace("mallory-sub", "admin"));
        refused(() -> pool(parts[0] + "." + forged + "." + parts[2]), Answers::assertUnauthorized);
    }

    @Test
    void jwtWithItsSignatureChangedIsUnauthorized() {
        String token = project.token(TokenRequest.id("mallory-sub"));
        int at = token.lastIndexOf('.') + 10; // inside the signature, not its last (partly padding) character
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        refused(() -> pool(forged), Answers::assertUnauthorized);
    }

    @Test
    void somethingThatIsNoJwtIsUnauthorized() {
        refused(() -> pool("abc.def.ghi"), Answers::assertUnauthorized);
        refused(() -> pool("not-a-jwt"), Answers::assertUnauthorized);
    }

    @Test
    void anAccessTokenHoldingTheScopeIsStillNoIdToken() {
        refused(() -> pool(project.token(TokenRequest.access("mallory-sub", List.of("docs/read")))), Answers::assertUnauthorized);
    }

    // ---------------------------------------------------------------- SigV4 on AWS_IAM methods (§3.1)

    private static Sigv4 signed(String method, String pathAndQuery) {
        return Sigv4.request(method, SECURE, pathAndQuery).at(now());
    }

    /** The canonical request of {@code GET/POST path?query} with the SDK's three signed headers and {@code extra} ones. */
    private static String canonical(String method, String path, String query, Instant date, String contentHash, String extraHeaders,
                                    String extraSignedHeaders, String payloadHash) {
        return method + "\n" + path + "\n" + query + "\nhost:" + SECURE + "\nx-amz-content-sha256:" + contentHash + "\nx-amz-date:"
                + AMZ_DATE.format(date) + "\n" + extraHeaders + "\nhost;x-amz-content-sha256;x-amz-date" + extraSignedHeaders + "\n" + payloadHash;
    }

    @Test
    void sigv4WithTheBodyChangedIsRefused() {
        Instant at = now();
        Sigv4.Wire wire = signed("POST", "/dev/iam").body("{\"amount\":1}").sign().withBody("{\"amount\":1000}");
        String expected = canonical("POST", "/dev/iam", "", at, sha256Hex("{\"amount\":1}"), "", "", sha256Hex("{\"amount\":1000}"));

        refused(() -> wire.send(project), r -> assertInvalidSignature(r, mismatch(expected, at)));
    }

    @Test
    void sigv4WithASignedHeaderChangedIsRefused() {
        Instant at = now();
        Sigv4.Wire wire = signed("GET", "/dev/iam").header("X-Tenant", "blue").sign().withHeader("X-Tenant", "red");
        String expected = canonical("GET", "/dev/iam", "", at, EMPTY_SHA256, "x-tenant:red\n", ";x-tenant", EMPTY_SHA256);

        refused(() -> wire.send(project), r -> assertInvalidSignature(r, mismatch(expected, at)));
    }

    @Test
    void sigv4WithTheHostChangedIsRefused() {
        Instant at = now();
        Sigv4.Wire wire = signed("GET", "/dev/iam").sign().withHeader("Host", "127.0.0.1");
        String expected = canonical("GET", "/dev/iam", "", at, EMPTY_SHA256, "", "", EMPTY_SHA256).replace("host:" + SECURE, "host:127.0.0.1");

        refused(() -> wire.send(project), r -> assertInvalidSignature(r, mismatch(expected, at)));
    }

    @Test
    void sigv4WithThePathChangedIsRefused() {
        Instant at = now();
        Sigv4.Wire wire = signed("GET", "/dev/iam").sign().withPathAndQuery("/dev/iam/mapped");
        String expected = canonical("GET", "/dev/iam/mapped", "", at, EMPTY_SHA256, "", "", EMPTY_SHA256);

        refused(() -> wire.send(project), r -> assertInvalidSignature(r, mismatch(expected, at)));
    }

    @Test
    void sigv4WithTheQueryChangedIsRefused() {
        Instant at = now();
        Sigv4.Wire wire = signed("GET", "/dev/iam?amount=1").sign().withPathAndQuery("/dev/iam?amount=1000");
        String expected = canonical("GET", "/dev/iam", "amount=1000", at, EMPTY_SHA256, "", "", EMPTY_SHA256);

        refused(() -> wire.send(project), r -> assertInvalidSignature(r, mismatch(expected, at)));
    }

    @Test
    void sigv4WithAQueryParameterAddedIsRefused() {
        Instant at = now();
        Sigv4.Wire wire = signed("GET", "/dev/iam").sign().withPathAndQuery("/dev/iam?admin=true");
        String expected = canonical("GET", "/dev/iam", "admin=true", at, EMPTY_SHA256, "", "", EMPTY_SHA256);

        refused(() -> wire.send(project), r -> assertInvalidSignature(r, mismatch(expected, at)));
    }

    @Test
    void sigv4WithTheMethodChangedIsRefused() {
        Instant at = now();
        Sigv4.Wire signedGet = signed("GET", "/dev/iam").sign();
        Sigv4.Wire wire = new Sigv4.Wire("POST", signedGet.pathAndQuery(), signedGet.headers(), signedGet.body());
        String expected = canonical("POST", "/dev/iam", "", at, EMPTY_SHA256, "", "", EMPTY_SHA256);

        refused(() -> wire.send(project), r -> assertInvalidSignature(r, mismatch(expected, at)));
    }

    @Test
    void sigv4WithTheDateChangedIsRefused() {
        Instant at = now();
        Instant claimed = at.plusSeconds(1);
        Sigv4.Wire wire = signed("GET", "/dev/iam").sign().withHeader("X-Amz-Date", AMZ_DATE.format(claimed));
        String expected = canonical("GET", "/dev/iam", "", claimed, EMPTY_SHA256, "", "", EMPTY_SHA256);

        refused(() -> wire.send(project), r -> assertInvalidSignature(r, mismatch(expected, claimed)));
    }

    @Test
    void sigv4PresignedUrlWithItsQueryChangedIsRefused() {
        Instant at = now();
        Sigv4.Wire wire = signed("GET", "/dev/iam?x=1").presigned(null).sign();
        Sigv4.Wire tampered = wire.withPathAndQuery(wire.pathAndQuery().replace("x=1", "x=2"));
        // Query parameters sorted by byte: the upper-case X-Amz-* before x; X-Amz-Signature is not part of it.
        String query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDSAMEACCOUNT01%2F" + AMZ_DATE.format(at).substring(0, 8)
                + "%2Fus-east-1%2Fexecute-api%2Faws4_request&X-Amz-Date=" + AMZ_DATE.format(at)
                + "&X-Amz-SignedHeaders=host%3Bx-amz-content-sha256&x=2";
        String expected = "GET\n/dev/iam\n" + query + "\nhost:" + SECURE + "\nx-amz-content-sha256:" + EMPTY_SHA256
                + "\n\nhost;x-amz-content-sha256\n" + EMPTY_SHA256;

        refused(() -> tampered.send(project), r -> assertInvalidSignature(r, mismatch(expected, at)));
    }

    @Test
    void sigv4WithTheWrongSecretIsRefusedWithTheCanonicalRequestOfWhatWasSent() {
        Instant at = now();
        Sigv4.Wire wire = signed("GET", "/dev/iam").by(AwsCredentialsIdentity.create(
                "AKIDSAMEACCOUNT01", "guessed-secret")).sign();
        String expected = canonical("GET", "/dev/iam", "", at, EMPTY_SHA256, "", "", EMPTY_SHA256);

        refused(() -> wire.send(project), r -> assertInvalidSignature(r, mismatch(expected, at)));
    }

    @Test
    void sigv4ReplayedAfterTheSkewIsRefused() {
        Instant at = now();
        Sigv4.Wire wire = signed("GET", "/dev/iam").sign();
        assertEquals(200, wire.send(project).statusCode(), "fresh");

        project.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Instant later = now();

        refused(() -> wire.send(project), r -> assertInvalidSignature(r, "Signature expired: " + AMZ_DATE.format(at)
                + " is now earlier than " + AMZ_DATE.format(later.minus(Duration.ofMinutes(5))) + " (" + AMZ_DATE.format(later) + " - 5 min.)"));
    }

    @Test
    void sigv4DatedBeyondTheSkewInTheFutureIsRefused() {
        Instant at = now();
        Instant claimed = at.plus(Duration.ofMinutes(5)).plusSeconds(1);
        Sigv4.Wire wire = Sigv4.request("GET", SECURE, "/dev/iam").at(claimed).sign();

        refused(() -> wire.send(project), r -> assertInvalidSignature(r, "Signature not yet current: " + AMZ_DATE.format(claimed)
                + " is still later than " + AMZ_DATE.format(at.plus(Duration.ofMinutes(5))) + " (" + AMZ_DATE.format(at) + " + 5 min.)"));
    }

    @Test
    void sigv4ScopedToAnotherRegionIsRefused() {
        Sigv4.Wire wire = signed("GET", "/dev/iam").region("us-west-2").sign();

        refused(() -> wire.send(project), r -> assertInvalidSignature(r, "Credential should be scoped to a valid region. "));
    }

    @Test
    void sigv4ScopedToAnotherServiceIsRefused() {
        Sigv4.Wire wire = signed("GET", "/dev/iam").service("apigateway").sign();

        refused(() -> wire.send(project), r -> assertInvalidSignature(r, "Credential should be scoped to correct service: 'execute-api'. "));
    }

    @Test
    void sigv4WithAnUnknownAccessKeyIsAnUnrecognizedClient() {
        Sigv4.Wire wire = signed("GET", "/dev/iam").by(AwsCredentialsIdentity.create(
                "AKIDNOBODYKNOWS01", "whatever-secret")).sign();

        refused(() -> wire.send(project), r -> assertRefused(r, 403, "UnrecognizedClientException", SECURITY_TOKEN_INVALID));
    }

    @Test
    void sigv4WithExpiredTemporaryCredentialsIsRefused() {
        Sigv4.Wire wire = signed("GET", "/dev/iam").by(DAVE).sign();

        refused(() -> wire.send(project), r -> assertRefused(r, 403, "ExpiredTokenException", SECURITY_TOKEN_EXPIRED));
    }

    @Test
    void sigv4WithATemporaryKeyButNoSessionTokenIsAnUnrecognizedClient() {
        Sigv4.Wire wire = signed("GET", "/dev/iam").by(AwsCredentialsIdentity.create(
                CAROL.accessKeyId(), CAROL.secretAccessKey())).sign();

        refused(() -> wire.send(project), r -> assertRefused(r, 403, "UnrecognizedClientException", SECURITY_TOKEN_INVALID));
    }

    @Test
    void sigv4WithAnotherCredentialsSessionTokenIsAnUnrecognizedClient() {
        Sigv4.Wire wire = signed("GET", "/dev/iam").by(AwsSessionCredentialsIdentity.create(
                CAROL.accessKeyId(), CAROL.secretAccessKey(), DAVE.sessionToken())).sign();

        refused(() -> wire.send(project), r -> assertRefused(r, 403, "UnrecognizedClientException", SECURITY_TOKEN_INVALID));
    }

    @Test
    void aBearerTokenOnAnIamMethodIsAnIncompleteSignature() throws Exception {
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest("Bearer abc.def.ghi".getBytes(StandardCharsets.UTF_8)));

        refused(() -> project.get(SECURE, "/dev/iam", "Authorization", "Bearer abc.def.ghi"), r -> assertRefused(r, 403,
                "IncompleteSignatureException", "{\"message\":\"Invalid key=value pair (missing equal-sign) in Authorization header"
                        + " (hashed with SHA-256 and encoded with Base64): '" + hash + "'.\"}"));
    }

    @Test
    void aPlainTokenOnAnIamMethodListsWhatASignatureLacks() {
        refused(() -> project.get(SECURE, "/dev/iam", "Authorization", "mytoken"), r -> assertRefused(r, 403,
                "IncompleteSignatureException", "{\"message\":\"Authorization header requires 'Credential' parameter. Authorization header"
                        + " requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header"
                        + " requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=mytoken\"}"));
    }

    @Test
    void aMethodArnOverSixteenHundredBytesIsRefusedBeforeAnyCheck() {
        // §3 [doc]: with authorization on, a method ARN over 1600 bytes is 414 Request URI too long.
        String longId = "c".repeat(1600);
        refused(() -> project.get(SECURE, "/dev/@connections/" + longId), r -> {
            assertEquals(414, r.statusCode(), r.body());
            assertEquals("{\"message\":\"Request URI too long\"}", r.body());
        });
    }

    // ---------------------------------------------------------------- Lambda authorizers (§3.3)

    /** scripted.js on the secure API, which has no resource policy: the authorizer's policy alone decides. */
    private static HttpResponse<String> scripted(String path, String token) {
        return project.get(SECURE, path, "Authorization", token);
    }

    private static String secureArn(String stageVerbPath) {
        return "arn:aws:execute-api:us-east-1:123456789012:s3cur3ap1x/" + stageVerbPath;
    }

    /** ScriptedAuth's invocation count (the function behind the hostile API's authorizer too), by calling it once more. */
    private static int scriptedCallsAfterOneMore() {
        HttpResponse<String> probe = scripted("/dev/scripted", "{}");
        assertEquals(200, probe.statusCode(), probe.body());
        return Integer.parseInt(json(probe).path("requestContext").path("authorizer").path("calls").asText());
    }

    @Test
    void anAuthorizerAnsweringGarbageIsAConfigurationError() {
        refused(() -> project.get(SECURE, "/dev/token", "Authorization", "garbage"), Answers::assertAuthorizerConfigurationError);
    }

    @Test
    void anAuthorizerAnswerOverLambdasSixMegabytesIsAConfigurationError() {
        refused(() -> project.get(SECURE, "/dev/token", "Authorization", "over-lambda-limit"), Answers::assertAuthorizerConfigurationError);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"raw\":null}", "{\"raw\":[]}", "{\"raw\":\"Allow\"}", "{\"raw\":42}", "{\"raw\":{\"principalId\":\"x\"}}",
            "{\"raw\":{\"principalId\":\"x\",\"policyDocument\":\"Allow\"}}",
            "{\"context\":{\"nested\":{\"admin\":true}}}", "{\"context\":{\"roles\":[\"admin\"]}}"})
    void anAuthorizerAnswerThatIsNoAuthorizerOutputIsAConfigurationError(String answer) {
        refused(() -> scripted("/dev/scripted", answer), Answers::assertAuthorizerConfigurationError);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev/GET/scripted/other", "dev/GET/scripted/*", "dev/POST/scripted", "prod/GET/scripted", "*/GET/scripted/x"})
    void anAuthorizerAllowingAnotherMethodArnIsAnImplicitDeny(String allowed) {
        String token = "{\"resource\":\"" + secureArn(allowed) + "\"}";
        refused(() -> scripted("/dev/scripted", token), r -> assertRefused(r, 403, "AccessDeniedException", AUTHORIZER_IMPLICIT_DENY));
    }

    @Test
    void anAuthorizerAllowingTheSamePathOfAnotherApiIsAnImplicitDeny() {
        String token = "{\"resource\":\"arn:aws:execute-api:us-east-1:123456789012:h0st1leap1/dev/GET/scripted\"}";
        refused(() -> scripted("/dev/scripted", token), r -> assertRefused(r, 403, "AccessDeniedException", AUTHORIZER_IMPLICIT_DENY));
    }

    @Test
    void anAuthorizerAllowingAnotherActionIsAnImplicitDeny() {
        String token = "{\"raw\":{\"principalId\":\"x\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":"
                + "\"execute-api:ManageConnections\",\"Effect\":\"Allow\",\"Resource\":\"*\"}]}}}";
        refused(() -> scripted("/dev/scripted", token), r -> assertRefused(r, 403, "AccessDeniedException", AUTHORIZER_IMPLICIT_DENY));
    }

    @Test
    void anAuthorizersDenyOverridesItsOwnAllowEverything() {
        String token = "{\"raw\":{\"principalId\":\"x\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"*\"},"
                + "{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Deny\",\"Resource\":\"" + secureArn("dev/GET/scripted") + "\"}]}}}";
        refused(() -> scripted("/dev/scripted", token), r -> assertRefused(r, 403, "AccessDeniedException", AUTHORIZER_EXPLICIT_DENY));
        assertEquals(200, scripted("/dev/scripted/other", token).statusCode(), "the Allow still holds elsewhere");
    }

    // ---------------------------------------------------------------- resource policy: Deny overrides Allow (§4.2)

    @Test
    void everythingTheHostilePolicyDoesNotDenyIsOpen() {
        assertEquals(200, project.get(HOSTILE, "/dev/open").statusCode());
    }

    @Test
    void theDeniedPathIsDeniedDespiteTheAllowEverything() {
        refused(() -> project.get(HOSTILE, "/dev/admin/42"), r -> assertAccessDenied(r,
                invokeDenied("anonymous", "h0st1leap1", "dev/GET/admin/42") + " with an explicit deny in a resource-based policy"));
    }

    @Test
    void anExtraSlashAfterTheStageDoesNotGetAroundTheDeny() {
        // Leading slashes after the stage collapse for routing (data-plane.md §1.2), and the ARN is built from that path.
        refused(() -> project.get(HOSTILE, "/dev//admin/42"), r -> assertAccessDenied(r,
                invokeDenied("anonymous", "h0st1leap1", "dev/GET/admin/42") + " with an explicit deny in a resource-based policy"));
    }

    @Test
    void aPercentEncodedPathDoesNotReachTheDeniedResourceAtAll() {
        refused(() -> project.get(HOSTILE, "/dev/%61dmin/42"), Answers::assertMissingToken);
    }

    @Test
    void theDenyStopsAnAllowingAuthorizerBeforeItIsCalled() {
        int before = scriptedCallsAfterOneMore();

        refused(() -> project.send(project.request(HOSTILE, "/dev/admin/42").POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "{\"resource\":\"*\"}")), r -> assertAccessDenied(r,
                invokeDenied("anonymous", "h0st1leap1", "dev/POST/admin/42") + " with an explicit deny in a resource-based policy"));

        assertEquals(before + 1, scriptedCallsAfterOneMore(), "a pre-auth explicit deny does not call the authorizer (§4.2)");
    }

    @Test
    void aSpoofedXForwardedForDoesNotChangeTheSourceIpAPolicyChecks() {
        refused(() -> project.get(HOSTILE, "/dev/internal-only", "X-Forwarded-For", "203.0.113.7"), r -> assertAccessDenied(r,
                invokeDenied("anonymous", "h0st1leap1", "dev/GET/internal-only") + " with an explicit deny in a resource-based policy"));
        refused(() -> project.get(HOSTILE, "/dev/internal-only"), r -> assertAccessDenied(r,
                invokeDenied("anonymous", "h0st1leap1", "dev/GET/internal-only") + " with an explicit deny in a resource-based policy"));
    }

    @Test
    void aSpoofedXForwardedForDoesNotBecomeTheEventsSourceIp() {
        HttpResponse<String> response = project.get(HOSTILE, "/dev/open", "X-Forwarded-For", "203.0.113.7");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("127.0.0.1", json(response).path("requestContext").path("identity").path("sourceIp").asText());
    }

    @Test
    void theDenyNamesASignedCallerByHisArn() {
        // §4.4: a signed caller is named by his ARN; the signature is checked before the resource policy (§4.2).
        Sigv4.Wire wire = Sigv4.request("DELETE", HOSTILE, "/dev/admin/42").by(ALICE).at(now()).sign();

        refused(() -> wire.send(project), r -> assertAccessDenied(r, invokeDenied("arn:aws:iam::123456789012:user/alice",
                "h0st1leap1", "dev/DELETE/admin/42") + " with an explicit deny in a resource-based policy"));
    }
}
