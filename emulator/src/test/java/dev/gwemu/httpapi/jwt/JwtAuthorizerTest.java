package dev.gwemu.httpapi.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import dev.gwemu.model.HttpAuthorizerSpec;
import dev.gwemu.model.JwtIssuerSpec;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.gwemu.httpapi.jwt.Refusals.assertForbidden;
import static dev.gwemu.httpapi.jwt.Refusals.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every accept and refuse of §3.4, against an issuer whose keys are a JWKS file declared under jwtIssuers. */
class JwtAuthorizerTest {
    static final String ISSUER = "https://idp.example.com/realms/shop";
    static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    static final long T = NOW.getEpochSecond();
    static RsaTestKey key;
    static RsaTestKey stranger;

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(NOW);
    JwtAuthorizer authorizer;
    final HttpAuthorizerSpec spec = jwtAuthorizer("$request.header.Authorization", "orders-api", "spa-client");

    @BeforeAll
    static void keys() {
        key = new RsaTestKey("key-1");
        stranger = new RsaTestKey("key-1"); // the same kid, another key: a forged signature
    }

    @BeforeEach
    void authorizer() {
        key.writeJwks(dir.resolve("jwks.json"));
        authorizer = new JwtAuthorizer(List.of(), List.of(new JwtIssuerSpec(ISSUER, "jwks.json")), dir, null, clock);
    }

    static HttpAuthorizerSpec jwtAuthorizer(String identitySource, String... audience) {
        return new HttpAuthorizerSpec("shopJwt", "ab12cd", HttpAuthorizerSpec.Type.JWT, List.of(identitySource), ISSUER,
                Arrays.asList(audience), null, null, false, 0);
    }

    /** A valid token's claims with {@code extra} (JSON members, leading comma included) added. */
    static String claims(String extra) {
        return "{\"sub\":\"user-123\",\"iss\":\"" + ISSUER + "\",\"aud\":\"orders-api\",\"iat\":" + (T - 60)
                + ",\"exp\":" + (T + 3600) + extra + "}";
    }

    private Map<String, Object> authorize(String authorization, List<String> routeScopes) {
        return authorizer.authorize(spec, routeScopes, Requests.withHeader("Authorization", authorization));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> claimsOf(Map<String, Object> result) {
        return (Map<String, String>) ((Map<String, Object>) result.get("jwt")).get("claims");
    }

    @SuppressWarnings("unchecked")
    private static Object scopesOf(Map<String, Object> result) {
        return ((Map<String, Object>) result.get("jwt")).get("scopes");
    }

    @Test
    void aValidTokenBareOrAfterBearerGivesItsClaimsAndNoScopes() {
        String token = key.sign(claims(""));
        for (String authorization : List.of(token, "Bearer " + token, "bearer  " + token + " ")) {
            Map<String, Object> result = authorize(authorization, List.of());

            assertEquals(List.of("jwt"), List.copyOf(result.keySet()));
            assertEquals(Map.of("sub", "user-123", "iss", ISSUER, "aud", "orders-api", "iat", String.valueOf(T - 60),
                    "exp", String.valueOf(T + 3600)), claimsOf(result));
            assertNull(scopesOf(result));
        }
    }

    @Test
    void theHeaderIsFoundInAnyCaseAndTheQueryStringCanCarryTheToken() {
        String token = key.sign(claims(""));
        HttpAuthorizerSpec byHeader = jwtAuthorizer("$request.header.X-Token", "orders-api");
        HttpAuthorizerSpec byQuery = jwtAuthorizer("$request.querystring.access_token", "orders-api");

        assertEquals("user-123", claimsOf(authorizer.authorize(byHeader, List.of(),
                Requests.withHeader("x-token", "Bearer " + token))).get("sub"));
        assertEquals("user-123", claimsOf(authorizer.authorize(byQuery, List.of(),
                Requests.withQuery("a=1&access_token=" + token))).get("sub"));
        assertUnauthorized("the token is missing", () -> authorizer.authorize(byQuery, List.of(), Requests.withQuery("a=1")));
    }

    @Test
    void aMissingOrEmptyIdentitySourceIsRefused() {
        assertUnauthorized("the token is missing", () -> authorizer.authorize(spec, List.of(), Requests.bare()));
        assertUnauthorized("the token is missing", () -> authorize("", List.of()));
        assertUnauthorized("the token is missing", () -> authorize("Bearer ", List.of()));
    }

    @Test
    void aMalformedTokenIsRefused() {
        String token = key.sign(claims(""));
        String[] parts = token.split("\\.");
        for (String malformed : List.of("not-a-jwt", parts[0] + "." + parts[1], token + ".extra",
                "!!!." + parts[1] + "." + parts[2], parts[0] + ".bm90IGpzb24." + parts[2], key.sign("[1,2]"),
                key.sign("{\"iss\":\"a\",\"iss\":\"b\"}"))) {
            assertUnauthorized("the token is malformed", () -> authorize(malformed, List.of()));
        }
        // two identity headers arrive joined by a comma: no longer a token
        HeaderList twice = new HeaderList().add("Authorization", token).add("Authorization", token);
        assertUnauthorized("the token is malformed", () -> authorizer.authorize(spec, List.of(), Requests.request("", twice)));
    }

    @Test
    void onlyRsaAlgorithmsAreTaken() {
        assertUnauthorized("the token is not signed with an RSA algorithm: none",
                () -> authorize(RsaTestKey.unsigned(claims("")), List.of()));
        assertUnauthorized("the token is not signed with an RSA algorithm: HS256",
                () -> authorize(key.signHs256(claims("")), List.of()));
        for (JWSAlgorithm rsa : List.of(JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256)) {
            assertEquals("user-123", claimsOf(authorize(key.sign(rsa, key.kid(), claims("")), List.of())).get("sub"));
        }
    }

    @Test
    void anUnknownOrAbsentKidIsRefused() {
        assertUnauthorized("the token does not have a valid kid",
                () -> authorize(key.sign(JWSAlgorithm.RS256, "key-2", claims("")), List.of()));
        assertUnauthorized("the token does not have a valid kid",
                () -> authorize(key.sign(JWSAlgorithm.RS256, null, claims("")), List.of()));
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        assertUnauthorized("the token does not have a valid signature", () -> authorize(stranger.sign(claims("")), List.of()));
        String[] parts = key.sign(claims("")).split("\\.");
        String tampered = parts[0] + "." + key.sign(claims(",\"admin\":true")).split("\\.")[1] + "." + parts[2];
        assertUnauthorized("the token does not have a valid signature", () -> authorize(tampered, List.of()));
    }

    @Test
    void theIssuerMustBeTheAuthorizersToTheCharacter() {
        for (String iss : List.of("\"https://evil.example.com\"", "\"" + ISSUER + "/\"", "null", "7")) {
            String token = key.sign(claims("").replace("\"iss\":\"" + ISSUER + "\"", "\"iss\":" + iss));
            assertUnauthorized("the token does not have a valid issuer", () -> authorize(token, List.of()));
        }
        String noIss = key.sign(claims("").replace("\"iss\":\"" + ISSUER + "\",", ""));
        assertUnauthorized("the token does not have a valid issuer", () -> authorize(noIss, List.of()));
    }

    @Test
    void audOrElseClientIdMustBeOneOfTheAudiences() {
        String audArray = key.sign(claims("").replace("\"aud\":\"orders-api\"", "\"aud\":[\"other\",\"spa-client\"]"));
        String clientIdOnly = key.sign(claims(",\"client_id\":\"spa-client\"").replace("\"aud\":\"orders-api\",", ""));
        assertEquals("[other spa-client]", claimsOf(authorize(audArray, List.of())).get("aud"));
        assertEquals("spa-client", claimsOf(authorize(clientIdOnly, List.of())).get("client_id"));

        String wrongAud = key.sign(claims("").replace("orders-api", "billing-api"));
        // "When both aud and client_id are present, API Gateway evaluates aud"
        String wrongAudRightClient = key.sign(claims(",\"client_id\":\"spa-client\"").replace("orders-api", "billing-api"));
        String neither = key.sign(claims("").replace("\"aud\":\"orders-api\",", ""));
        String wrongClient = key.sign(claims(",\"client_id\":\"other\"").replace("\"aud\":\"orders-api\",", ""));
        for (String token : List.of(wrongAud, wrongAudRightClient, neither, wrongClient)) {
            assertUnauthorized("the token does not have a valid audience", () -> authorize(token, List.of()));
        }
    }

    @Test
    void anExpiredTokenIsRefusedFromItsExpSecondOn() {
        String token = key.sign(claims(""));
        clock.advance(Duration.ofSeconds(3599));
        assertEquals("user-123", claimsOf(authorize(token, List.of())).get("sub"));

        clock.advance(Duration.ofSeconds(1));
        assertUnauthorized("the token has expired", () -> authorize(token, List.of()));
    }

    @Test
    void aTokenWithoutANumericExpIsRefused() {
        String noExp = key.sign(claims("").replace(",\"exp\":" + (T + 3600), ""));
        String textExp = key.sign(claims("").replace("\"exp\":" + (T + 3600), "\"exp\":\"" + (T + 3600) + "\""));
        assertUnauthorized("the token does not have a valid exp", () -> authorize(noExp, List.of()));
        assertUnauthorized("the token does not have a valid exp", () -> authorize(textExp, List.of()));
    }

    @Test
    void nbfAndIatMustNotBeInTheFuture() {
        assertEquals("user-123", claimsOf(authorize(key.sign(claims(",\"nbf\":" + T)), List.of())).get("sub"));
        assertUnauthorized("the token is not valid yet", () -> authorize(key.sign(claims(",\"nbf\":" + (T + 1))), List.of()));
        String futureIat = key.sign(claims("").replace("\"iat\":" + (T - 60), "\"iat\":" + (T + 1)));
        assertUnauthorized("the token was issued in the future", () -> authorize(futureIat, List.of()));
    }

    @Test
    void aRouteWithScopesTakesATokenWithOneOfThemInScopeOrScp() {
        List<String> route = List.of("orders/write", "orders/read");
        Map<String, Object> viaScope = authorize(key.sign(claims(",\"scope\":\"profile orders/read\"")), route);
        Map<String, Object> viaScpArray = authorize(key.sign(claims(",\"scp\":[\"orders/write\"]")), route);
        Map<String, Object> viaScpString = authorize(key.sign(claims(",\"scp\":\"email orders/write\"")), route);

        assertEquals(List.of("profile", "orders/read"), scopesOf(viaScope));
        assertEquals("profile orders/read", claimsOf(viaScope).get("scope"));
        assertEquals(List.of("orders/write"), scopesOf(viaScpArray));
        assertEquals("[orders/write]", claimsOf(viaScpArray).get("scp"));
        assertEquals(List.of("email", "orders/write"), scopesOf(viaScpString));
    }

    @Test
    void aRouteWithScopesRefusesATokenWithNoneOfThemWith403() {
        List<String> route = List.of("orders/write");
        assertForbidden(() -> authorize(key.sign(claims(",\"scope\":\"orders/read orders/writer\"")), route));
        assertForbidden(() -> authorize(key.sign(claims(",\"scp\":[\"orders/read\"]")), route));
        assertForbidden(() -> authorize(key.sign(claims("")), route));
        // an invalid token is still a 401, not a 403
        assertUnauthorized("the token has expired",
                () -> authorize(key.sign(claims(",\"scope\":\"orders/read\"").replace("\"exp\":" + (T + 3600), "\"exp\":" + T)), route));
    }

    @Test
    void theConsoleIsToldWhy() {
        String detail = assertUnauthorized("the token does not have a valid audience",
                () -> authorize(key.sign(claims("").replace("orders-api", "billing-api")), List.of())).detail();
        assertTrue(detail.contains("\"billing-api\"") && detail.contains("[orders-api, spa-client]"), detail);
    }
}
