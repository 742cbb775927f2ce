package dev.gwemu.auth.cognito;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens that pass, and what the integration sees of them (security-and-operations.md §3.2). */
class CognitoAuthenticatorTest {
    /** iat of the spec's §3.2 example: Sun Dec 17 06:28:12 UTC 2017. */
    static final Instant NOW = Instant.ofEpochSecond(1513492092);
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(NOW);
    LocalIssuer issuer;
    static final TestSigner realPool = new TestSigner("real-key-1");
    CognitoAuthenticator authenticator;

    @BeforeEach
    void setUp() throws IOException {
        issuer = Pools.issuer(dir.resolve(".gwemu"), clock);
        Files.createDirectories(dir.resolve("keys"));
        realPool.writeJwks(dir.resolve("keys/jwks.json"));
        authenticator = new CognitoAuthenticator(List.of(Pools.LOCAL, Pools.OTHER_LOCAL, Pools.FILE), dir, issuer, clock);
    }

    @Test
    void anIdTokenOfTheLocalIssuerPassesAMethodWithoutScopes() {
        String token = issuer.issue(Pools.LOCAL, TokenRequest.id("alice").withGroups(List.of("admin", "users"))
                .withEmail("alice@example.com"));

        Map<String, String> claims = authenticator.authenticate(Pools.authorizer(Pools.LOCAL), token, List.of());

        assertEquals(List.of("sub", "cognito:groups", "email_verified", "iss", "cognito:username", "origin_jti", "aud",
                "event_id", "token_use", "auth_time", "exp", "iat", "jti", "email"), List.copyOf(claims.keySet()));
        assertEquals("alice", claims.get("sub"));
        assertEquals("admin,users", claims.get("cognito:groups"));
        assertEquals("true", claims.get("email_verified"));
        assertEquals("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Local1", claims.get("iss"));
        assertEquals("alice", claims.get("cognito:username"));
        assertEquals(LocalIssuer.clientId(Pools.LOCAL), claims.get("aud"));
        assertTrue(claims.get("aud").matches("[a-z0-9]{26}"), claims.get("aud"));
        assertEquals("id", claims.get("token_use"));
        assertEquals("1513492092", claims.get("auth_time"));
        assertEquals("Sun Dec 17 07:28:12 UTC 2017", claims.get("exp"));
        assertEquals("Sun Dec 17 06:28:12 UTC 2017", claims.get("iat"));
        assertEquals("alice@example.com", claims.get("email"));
        for (String id : List.of("origin_jti", "event_id", "jti")) {
            assertTrue(claims.get(id).matches(UUID), id + " " + claims.get(id));
        }
    }

    @Test
    void anAccessTokenPassesAMethodWithOneOfItsScopes() {
        String token = issuer.issue(Pools.LOCAL, TokenRequest.access("alice", List.of("pets/read", "pets/write"))
                .withGroups(List.of("admin")).withTtl(Duration.ofMinutes(5)));

        Map<String, String> claims = authenticator.authenticate(Pools.authorizer(Pools.LOCAL), token,
                List.of("orders/read", "pets/write"));

        assertEquals(List.of("sub", "cognito:groups", "iss", "client_id", "origin_jti", "event_id", "token_use", "scope",
                "auth_time", "exp", "iat", "jti", "username"), List.copyOf(claims.keySet()));
        assertEquals("admin", claims.get("cognito:groups"));
        assertEquals(LocalIssuer.clientId(Pools.LOCAL), claims.get("client_id"));
        assertEquals("access", claims.get("token_use"));
        assertEquals("pets/read pets/write", claims.get("scope"));
        assertEquals("Sun Dec 17 06:33:12 UTC 2017", claims.get("exp"));
        assertEquals("alice", claims.get("username"));
    }

    @Test
    void anAccessTokenWithoutScopesCarriesCognitosDefaultScope() {
        String token = issuer.issue(Pools.LOCAL, TokenRequest.access("alice", List.of()));

        Map<String, String> claims = authenticator.authenticate(Pools.authorizer(Pools.LOCAL), token,
                List.of("aws.cognito.signin.user.admin"));

        assertEquals("aws.cognito.signin.user.admin", claims.get("scope"));
    }

    /** The §3.2 example, claim for claim and byte for byte, from a token of a pool with a JWKS file. */
    @Test
    void claimsRenderAsTheSpecsExample() throws Exception {
        String token = realPool.sign("""
                {"sub":"9408...","aud":"6an6jbexample","email_verified":true,"token_use":"id","auth_time":1513492092,\
                "iss":"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc","cognito:username":"alice",\
                "exp":1513495692,"iat":1513492092,"email":"alice@example.com"}""");

        Map<String, String> claims = authenticator.authenticate(Pools.authorizer(Pools.FILE), token, List.of());

        assertEquals("""
                {"sub":"9408...","aud":"6an6jbexample","email_verified":"true","token_use":"id","auth_time":"1513492092",\
                "iss":"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc","cognito:username":"alice",\
                "exp":"Sun Dec 17 07:28:12 UTC 2017","iat":"Sun Dec 17 06:28:12 UTC 2017","email":"alice@example.com"}""",
                new ObjectMapper().writeValueAsString(claims));
    }

    @Test
    void anAuthorizerTrustingTwoPoolsTakesTokensOfEither() {
        String local = issuer.issue(Pools.OTHER_LOCAL, TokenRequest.id("bob"));
        String real = realPool.sign(idClaims("us-east-1_Abc", "6an6jbexample", NOW.getEpochSecond() + 60));

        var authorizer = Pools.authorizer(Pools.FILE, Pools.OTHER_LOCAL);

        assertEquals("bob", authenticator.authenticate(authorizer, local, List.of()).get("sub"));
        assertEquals("alice", authenticator.authenticate(authorizer, real, List.of()).get("sub"));
    }

    /** §3.2 [unc], decided: Amplify's guides send {@code Bearer <jwt>} to user pool authorizers. */
    @Test
    void aBearerPrefixIsTolerated() {
        String token = issuer.issue(Pools.LOCAL, TokenRequest.id("alice"));

        assertEquals("alice", authenticator.authenticate(Pools.authorizer(Pools.LOCAL), "Bearer " + token, List.of()).get("sub"));
        assertEquals("alice", authenticator.authenticate(Pools.authorizer(Pools.LOCAL), "bearer  " + token, List.of()).get("sub"));
    }

    @Test
    void anIdentityValidationExpressionMatchingTheAudiencePasses() {
        String token = realPool.sign(idClaims("us-east-1_Abc", "6an6jbexample", NOW.getEpochSecond() + 60));

        assertEquals("alice", authenticator.authenticate(Pools.authorizer("6an6jb.*", Pools.FILE), token, List.of()).get("sub"));
    }

    @Test
    void aTokenIsGoodUntilTheSecondBeforeExp() {
        String token = issuer.issue(Pools.LOCAL, TokenRequest.id("alice").withTtl(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(10).minusMillis(1));

        assertEquals("alice", authenticator.authenticate(Pools.authorizer(Pools.LOCAL), token, List.of()).get("sub"));

        clock.advance(Duration.ofMillis(1));
        GatewayException expired = assertThrows(GatewayException.class,
                () -> authenticator.authenticate(Pools.authorizer(Pools.LOCAL), token, List.of()));
        assertEquals(401, expired.status());
        assertEquals("The incoming token has expired", expired.getMessage());
    }

    @Test
    void iatALittleAheadOfTheGatewaysClockIsTolerated() {
        long iat = NOW.getEpochSecond() + CognitoAuthenticator.FUTURE_LEEWAY.toSeconds();
        String token = realPool.sign(idClaims("us-east-1_Abc", "6an6jbexample", iat + 3600).replace(
                "\"iat\":" + NOW.getEpochSecond(), "\"iat\":" + iat));

        assertEquals(String.valueOf(NOW.getEpochSecond()),
                authenticator.authenticate(Pools.authorizer(Pools.FILE), token, List.of()).get("auth_time"));
    }

    @Test
    void aJwksFileThatCannotBeReadFailsNamingIt() throws IOException {
        var missing = new dev.gwemu.model.UserPoolSpec("gone", "us-east-1_Gone", "keys/missing.json", List.of());
        JwksLoadException unreadable = assertThrows(JwksLoadException.class,
                () -> new CognitoAuthenticator(List.of(missing), dir, issuer, clock));
        assertTrue(unreadable.getMessage().contains(dir.resolve("keys/missing.json").toString()), unreadable.getMessage());

        Files.writeString(dir.resolve("keys/bad.json"), "{\"keys\": 7}");
        var bad = new dev.gwemu.model.UserPoolSpec("bad", "us-east-1_Bad", "keys/bad.json", List.of());
        JwksLoadException invalid = assertThrows(JwksLoadException.class,
                () -> new CognitoAuthenticator(List.of(bad), dir, issuer, clock));
        assertTrue(invalid.getMessage().contains("bad.json"), invalid.getMessage());

        Files.writeString(dir.resolve("keys/empty.json"), "{\"keys\": []}");
        var empty = new dev.gwemu.model.UserPoolSpec("empty", "us-east-1_Empty", "keys/empty.json", List.of());
        JwksLoadException noKey = assertThrows(JwksLoadException.class,
                () -> new CognitoAuthenticator(List.of(empty), dir, issuer, clock));
        assertTrue(noKey.getMessage().contains("no RSA signing key"), noKey.getMessage());
    }

    @Test
    void theJwksFileIsReadOnceWhenTheAuthenticatorIsBuilt() throws IOException {
        String token = realPool.sign(idClaims("us-east-1_Abc", "6an6jbexample", NOW.getEpochSecond() + 60));
        Files.delete(dir.resolve("keys/jwks.json"));

        assertEquals("alice", authenticator.authenticate(Pools.authorizer(Pools.FILE), token, List.of()).get("sub"));
    }

    /** An ID token of the spec's example pool for alice, issued now. */
    static String idClaims(String poolId, String aud, long exp) {
        return "{\"sub\":\"alice\",\"aud\":\"" + aud + "\",\"token_use\":\"id\",\"auth_time\":" + NOW.getEpochSecond()
                + ",\"iss\":\"https://cognito-idp.us-east-1.amazonaws.com/" + poolId + "\",\"cognito:username\":\"alice\""
                + ",\"exp\":" + exp + ",\"iat\":" + NOW.getEpochSecond() + "}";
    }
}
