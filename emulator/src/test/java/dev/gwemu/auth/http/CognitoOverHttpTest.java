package dev.gwemu.auth.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.auth.cognito.TokenRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.gwemu.auth.http.Answers.TOKEN_EXPIRED;
import static dev.gwemu.auth.http.Answers.assertRefused;
import static dev.gwemu.auth.http.Answers.assertUnauthorized;
import static dev.gwemu.auth.http.SecurityProject.SECURE;
import static dev.gwemu.auth.http.SecurityProject.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * COGNITO_USER_POOLS methods over HTTP (security-and-operations.md §3.2), with tokens of the project's pool signed by
 * gwemu's local issuer ({@code gwemu token}): an ID token on a method without scopes, an access token holding one of
 * the method's scopes; the claims, all strings, in {@code requestContext.authorizer.claims} and
 * {@code $context.authorizer.claims}. Forged tokens are in {@link HostileRequestsTest}.
 */
class CognitoOverHttpTest {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);
    private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Secure001";

    @TempDir
    static Path folder;
    private static SecurityProject project;

    @BeforeAll
    static void start() throws Exception {
        project = SecurityProject.start(folder);
    }

    @AfterAll
    static void stop() {
        project.close();
    }

    private static HttpResponse<String> withToken(String path, String token) {
        return project.get(SECURE, path, "Authorization", token);
    }

    @Test
    void anIdTokenReachesTheFunctionWithItsClaimsAllAsStrings() {
        long now = project.clock.instant().getEpochSecond();
        String token = project.token(TokenRequest.id("9408c2a4-alice").withEmail("alice@example.com").withGroups(List.of("admin", "users")));

        HttpResponse<String> response = withToken("/dev/pool", token);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode authorizer = json(response).path("requestContext").path("authorizer");
        assertEquals(List.of("claims"), fieldNames(authorizer), "a user pool authorizer gives claims only");
        JsonNode claims = authorizer.path("claims");
        assertEquals(List.of("sub", "cognito:groups", "email_verified", "iss", "cognito:username", "origin_jti", "aud", "event_id",
                "token_use", "auth_time", "exp", "iat", "jti", "email"), fieldNames(claims), "the token's order");
        claims.fields().forEachRemaining(claim -> assertTrue(claim.getValue().isTextual(), claim.getKey() + " is not a string: " + claims));
        assertEquals("9408c2a4-alice", claims.path("sub").asText());
        assertEquals("admin,users", claims.path("cognito:groups").asText());
        assertEquals("true", claims.path("email_verified").asText());
        assertEquals(ISSUER, claims.path("iss").asText());
        assertEquals("9408c2a4-alice", claims.path("cognito:username").asText());
        assertEquals("securetestclient01", claims.path("aud").asText());
        assertEquals("id", claims.path("token_use").asText());
        assertEquals(String.valueOf(now), claims.path("auth_time").asText(), "auth_time stays epoch seconds");
        // As java.util.Date prints them (§3.2 [obs]: "Sun Dec 17 07:28:12 UTC 2017"); the clock may have moved.
        assertEquals(DATE.format(project.clock.instant().plus(Duration.ofHours(1))), claims.path("exp").asText());
        assertEquals(DATE.format(project.clock.instant()), claims.path("iat").asText());
        assertEquals("alice@example.com", claims.path("email").asText());
        assertFalse(json(response).path("requestContext").path("identity").has("apiKey"));
    }

    @Test
    void anAccessTokenWithTheMethodsScopeReachesTheScopedMethod() {
        String token = project.token(TokenRequest.access("bob-sub", List.of("docs/write", "docs/read")));

        HttpResponse<String> response = withToken("/dev/pool/scoped", token);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode claims = json(response).path("requestContext").path("authorizer").path("claims");
        assertEquals("access", claims.path("token_use").asText());
        assertEquals("docs/write docs/read", claims.path("scope").asText());
        assertEquals("securetestclient01", claims.path("client_id").asText());
        assertEquals("bob-sub", claims.path("username").asText());
    }

    @Test
    void aBearerPrefixIsTolerated() {
        // [unc] §3.2, §10.6: gwemu reads "Bearer <jwt>" as the JWT (CognitoAuthenticator.BEARER_PREFIX_TOLERATED).
        String token = project.token(TokenRequest.id("carol-sub"));

        assertEquals(200, withToken("/dev/pool", "Bearer " + token).statusCode());
    }

    @Test
    void mappingTemplatesReadTheClaimsFromContextAuthorizer() {
        String token = project.token(TokenRequest.id("dave-sub").withEmail("dave@example.com"));

        HttpResponse<String> response = withToken("/dev/pool/mapped", token);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"sub\":\"dave-sub\",\"username\":\"dave-sub\",\"use\":\"id\",\"email\":\"dave@example.com\"}", response.body());
    }

    @Test
    void noTokenIsUnauthorized() {
        assertUnauthorized(project.get(SECURE, "/dev/pool"));
        assertUnauthorized(withToken("/dev/pool", ""));
        assertUnauthorized(project.get(SECURE, "/dev/pool/scoped"));
    }

    @Test
    void anAccessTokenOnAMethodWithoutScopesIsUnauthorized() {
        assertUnauthorized(withToken("/dev/pool", project.token(TokenRequest.access("erin-sub", List.of("docs/read")))));
    }

    @Test
    void anIdTokenOnAScopedMethodIsUnauthorized() {
        assertUnauthorized(withToken("/dev/pool/scoped", project.token(TokenRequest.id("erin-sub"))));
    }

    @Test
    void anAccessTokenWithoutTheMethodsScopeIsUnauthorized() {
        assertUnauthorized(withToken("/dev/pool/scoped", project.token(TokenRequest.access("frank-sub", List.of("docs/write")))));
        assertUnauthorized(withToken("/dev/pool/scoped", project.token(TokenRequest.access("frank-sub", List.of()))));
        // A scope is a whole word: "docs/read" is not in "docs/reader".
        assertUnauthorized(withToken("/dev/pool/scoped", project.token(TokenRequest.access("frank-sub", List.of("docs/reader")))));
    }

    @Test
    void anExpiredTokenSaysSo() {
        String token = project.token(TokenRequest.id("grace-sub").withTtl(Duration.ofMinutes(5)));
        assertEquals(200, withToken("/dev/pool", token).statusCode(), "still valid");

        project.clock.advance(Duration.ofMinutes(5));

        assertRefused(withToken("/dev/pool", token), 401, "UnauthorizedException", TOKEN_EXPIRED);
    }

    @Test
    void aTokenChangedAfterSigningIsUnauthorized() {
        String token = project.token(TokenRequest.id("heidi-sub"));
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String elevated = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("heidi-sub", "admin-sub").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertUnauthorized(withToken("/dev/pool", parts[0] + "." + elevated + "." + parts[2]));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

}
