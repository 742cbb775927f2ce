package dev.gwemu.httpapi.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.gwemu.model.HttpAuthorizerSpec;
import dev.gwemu.model.JwtIssuerSpec;
import dev.gwemu.support.MutableClock;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code requestContext.authorizer.jwt} against the spec's fixture, and how every kind of claim is written as text. */
class JwtClaimsTextTest {
    static final String POOL_ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example";
    static final ObjectMapper JSON = new ObjectMapper();
    static RsaTestKey key;

    @TempDir
    Path dir;

    @BeforeAll
    static void key() {
        key = new RsaTestKey("k1");
    }

    /** The fixture's token, really signed: its claims in another order than the event lists them. */
    private Map<String, Object> authorizeFixtureToken(String extraClaims, List<String> routeScopes) {
        key.writeJwks(dir.resolve("jwks.json"));
        JwtAuthorizer authorizer = new JwtAuthorizer(List.of(), List.of(new JwtIssuerSpec(POOL_ISSUER, "jwks.json")), dir, null,
                new MutableClock(Instant.ofEpochMilli(1741944413123L)));
        HttpAuthorizerSpec spec = new HttpAuthorizerSpec("jwt", "abc123", HttpAuthorizerSpec.Type.JWT,
                List.of(HttpAuthorizerSpec.DEFAULT_JWT_IDENTITY_SOURCE), POOL_ISSUER, List.of("my-client-id"), null, null, false, 0);
        String token = key.sign("{\"sub\":\"user-123\",\"iss\":\"" + POOL_ISSUER + "\",\"iat\":1741944413,\"exp\":1741948013,"
                + "\"aud\":\"my-client-id\"" + extraClaims + "}");
        return authorizer.authorize(spec, routeScopes, Requests.withHeader("authorization", "Bearer " + token));
    }

    @Test
    void theClaimsAreTheFixturesByteForByte() throws Exception {
        JsonNode fixture = JSON.readTree(TestPaths.TESTDATA.resolve("spec-fixtures/http-v2-event-default-jwt.json").toFile());

        Map<String, Object> authorizer = authorizeFixtureToken("", List.of());

        String expectedClaims = JSON.writeValueAsString(fixture.at("/requestContext/authorizer/jwt/claims"));
        assertEquals(expectedClaims, JSON.writeValueAsString(((Map<?, ?>) authorizer.get("jwt")).get("claims")));
        assertEquals("{\"jwt\":{\"claims\":" + expectedClaims + ",\"scopes\":null}}", JSON.writeValueAsString(authorizer));
    }

    @Test
    void scopesAreTheTokensWhenTheRouteHasScopes() throws Exception {
        JsonNode fixture = JSON.readTree(TestPaths.TESTDATA.resolve("spec-fixtures/http-v2-event-default-jwt.json").toFile());

        Map<String, Object> authorizer = authorizeFixtureToken(",\"scope\":\"orders/read orders/write\"", List.of("orders/read"));

        assertEquals(JSON.writeValueAsString(fixture.at("/requestContext/authorizer/jwt/scopes")),
                JSON.writeValueAsString(((Map<?, ?>) authorizer.get("jwt")).get("scopes")));
    }

    @Test
    void everyKindOfClaimIsWrittenAsText() throws Exception {
        JsonNode payload = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readTree("""
                {"zeta": "last", "groups": ["admin", "users"], "nested": [1, [2, 3], {"a": true}], "empty": [],
                 "big": 12345678901234567890, "ratio": 1.50, "tiny": 1e-7, "huge": 1e21, "negative": -3,
                 "verified": true, "none": null, "identities": {"providerName": "Google", "ids": [1, 2]}, "Alpha": "x"}
                """);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Alpha", "x");
        expected.put("big", "12345678901234567890");
        expected.put("empty", "[]");
        expected.put("groups", "[admin users]");
        expected.put("huge", "1000000000000000000000");
        expected.put("identities", "{\"providerName\":\"Google\",\"ids\":[1,2]}");
        expected.put("negative", "-3");
        expected.put("nested", "[1 [2 3] {\"a\":true}]");
        expected.put("none", "null");
        expected.put("ratio", "1.5");
        expected.put("tiny", "0.0000001");
        expected.put("verified", "true");
        expected.put("zeta", "last");

        Map<String, String> rendered = JwtClaimsText.render(payload);

        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(rendered.entrySet()));
    }
}
