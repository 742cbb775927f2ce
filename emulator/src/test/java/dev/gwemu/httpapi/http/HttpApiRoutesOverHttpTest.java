package dev.gwemu.httpapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.auth.cognito.JwtTokenRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.gwemu.httpapi.http.HttpApiProject.SHOP;
import static dev.gwemu.httpapi.http.HttpApiProject.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP API routes over HTTP beyond the basics: Lambda authorizers (simple and IAM responses, caching on the
 * gateway's clock), payload format 1.0 routes, and parameter mapping on an HTTP proxy route.
 */
class HttpApiRoutesOverHttpTest {
    private static final String FORBIDDEN = "{\"message\":\"Forbidden\"}";
    private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";

    @TempDir
    static Path folder;
    private static HttpApiProject project;
    private static RecordingBackend backend;

    @BeforeAll
    static void start() throws Exception {
        backend = new RecordingBackend();
        project = HttpApiProject.start(folder, backend.url());
    }

    @AfterAll
    static void stop() {
        project.close();
        backend.close();
    }

    private static HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = project.request(SHOP, path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return project.send(request);
    }

    // --- Lambda authorizers (security-and-operations.md §3.4)

    @Test
    void aSimpleResponseLetsTheRequestThroughWithItsContext() {
        HttpResponse<String> response = get("/secure/simple", "simple-allow");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode lambda = json(response).path("requestContext").path("authorizer").path("lambda");
        assertEquals("acme", lambda.path("tenant").asText());
        assertEquals(3, lambda.path("tier").asInt());
        assertTrue(lambda.path("tier").isNumber(), "2.0 keeps the context's JSON types");
        assertEquals("[\"admin\",\"user\"]", lambda.path("roles").toString());
    }

    @Test
    void noIdentityIs401AndNoIsNo403() {
        HttpResponse<String> none = get("/secure/simple", null);
        assertEquals(401, none.statusCode());
        assertEquals(UNAUTHORIZED, none.body());

        HttpResponse<String> denied = get("/secure/simple", "simple-deny");
        assertEquals(403, denied.statusCode());
        assertEquals(FORBIDDEN, denied.body());

        HttpResponse<String> thrown = get("/secure/simple", "unauthorized");
        assertEquals(401, thrown.statusCode());
        assertEquals(UNAUTHORIZED, thrown.body());

        HttpResponse<String> broken = get("/secure/simple", "boom");
        assertEquals(500, broken.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", broken.body());
    }

    @Test
    void answersAreCachedByIdentityUntilTheirTtlEnds() {
        int first = calls("simple-allow");
        int second = calls("simple-allow");
        assertEquals(first, second, "the second request is answered from the cache");
        project.clock.advance(Duration.ofSeconds(301));
        int third = calls("simple-allow");
        assertTrue(third > second, "after the TTL the authorizer runs again");
    }

    private static int calls(String token) {
        HttpResponse<String> response = get("/secure/simple", token);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).path("requestContext").path("authorizer").path("lambda").path("calls").asInt();
    }

    @Test
    void anIamPolicyResponseDecidesByRouteArnAndFeedsPayload10() {
        HttpResponse<String> allowed = get("/secure/policy/5", "anything");
        assertEquals(200, allowed.statusCode(), allowed.body());
        JsonNode event = json(allowed);
        assertEquals("1.0", event.path("version").asText());
        JsonNode authorizer = event.path("requestContext").path("authorizer");
        assertEquals("user-123", authorizer.path("principalId").asText());
        assertEquals("acme", authorizer.path("tenant").asText());
        assertEquals("3", authorizer.path("tier").asText(), "1.0 gives the context as strings");

        HttpResponse<String> otherArn = get("/secure/policy/5", "other-arn");
        assertEquals(403, otherArn.statusCode());
        assertEquals(FORBIDDEN, otherArn.body());
    }

    // --- JWT authorizers (security-and-operations.md §3.4)

    @Test
    void aValidTokenReachesTheFunctionWithItsClaimsAndScopes() {
        String token = project.shopperToken("alice", List.of("orders/write"));
        HttpResponse<String> response = get("/jwt/write", "Bearer " + token);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode jwt = json(response).path("requestContext").path("authorizer").path("jwt");
        assertEquals("alice", jwt.path("claims").path("sub").asText());
        assertEquals("shopwebclient000001", jwt.path("claims").path("client_id").asText());
        assertEquals(String.valueOf(project.clock.instant().plus(Duration.ofHours(1)).getEpochSecond()),
                jwt.path("claims").path("exp").asText(), "claims are strings");
        assertEquals("[\"orders/write\"]", jwt.path("scopes").toString());
        assertEquals(200, get("/jwt/any", token).statusCode(), "Bearer is optional");
    }

    @Test
    void tokensThatDoNotVerifyAre401WithABearerChallenge() {
        HttpResponse<String> none = get("/jwt/any", null);
        assertEquals(401, none.statusCode());
        assertEquals(UNAUTHORIZED, none.body());
        assertTrue(none.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer "), none.headers().map().toString());

        String token = project.shopperToken("alice", List.of());
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertEquals(401, get("/jwt/any", tampered).statusCode());

        project.clock.advance(Duration.ofHours(2));
        try {
            HttpResponse<String> expired = get("/jwt/any", token);
            assertEquals(401, expired.statusCode());
            assertEquals("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\"",
                    expired.headers().firstValue("www-authenticate").orElse(null));
        } finally {
            project.clock.advance(Duration.ofHours(-2));
        }
    }

    @Test
    void aTokenWithoutTheRoutesScopeIs403() {
        HttpResponse<String> response = get("/jwt/write", project.shopperToken("bob", List.of("orders/read")));

        assertEquals(403, response.statusCode());
        assertEquals(FORBIDDEN, response.body());
        assertTrue(response.headers().firstValue("www-authenticate").orElse("").contains("error=\"insufficient_scope\""));
    }

    @Test
    void payload10RoutesSeeClaimsAndScopesFlat() {
        HttpResponse<String> response = get("/jwt/v1", project.shopperToken("carol", List.of("orders/read")));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode authorizer = json(response).path("requestContext").path("authorizer");
        assertEquals("carol", authorizer.path("claims").path("sub").asText());
        assertTrue(authorizer.path("scopes").isNull(), "a route without scopes gets null scopes");
    }

    @Test
    void anyIssuerDeclaredUnderJwtIssuersIsTrustedWithTheTokenFromTheQuery() {
        String token = project.issuer().issue(new JwtTokenRequest("https://auth.partner.example/", "partner-7",
                List.of("shop-api"), null, List.of("catalog/read"), Duration.ofMinutes(5)));

        HttpResponse<String> response = project.get(SHOP, "/jwt/partner?access_token=" + token);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("partner-7", json(response).path("requestContext").path("authorizer").path("jwt").path("claims")
                .path("sub").asText());

        String wrongAudience = project.issuer().issue(new JwtTokenRequest("https://auth.partner.example/", "partner-7",
                List.of("another-api"), null, List.of("catalog/read"), Duration.ofMinutes(5)));
        HttpResponse<String> refused = project.get(SHOP, "/jwt/partner?access_token=" + wrongAudience);
        assertEquals(401, refused.statusCode());
        assertEquals("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid audience\"",
                refused.headers().firstValue("www-authenticate").orElse(null));
    }

    // --- payload 1.0 (data-plane.md §3.2)

    @Test
    void aPayload10RouteGetsTheRestShapeWithVersion() {
        HttpResponse<String> response = project.send(project.request(SHOP, "/dev/v1/pets/9?a=1&a=2")
                .header("X-Multi", "one").header("X-Multi", "two"));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode event = json(response);
        assertEquals("1.0", event.path("version").asText());
        assertEquals("/v1/pets/{id}", event.path("resource").asText());
        assertEquals("GET", event.path("httpMethod").asText());
        assertEquals("9", event.path("pathParameters").path("id").asText());
        assertEquals("[\"one\",\"two\"]", event.path("multiValueHeaders").path("x-multi").toString());
        assertEquals("[\"1\",\"2\"]", event.path("multiValueQueryStringParameters").path("a").toString());
        JsonNode context = event.path("requestContext");
        assertEquals("dev", context.path("stage").asText());
        assertTrue(context.path("resourceId").isNull());
        assertEquals(response.headers().firstValue("apigw-requestid").orElse(null), context.path("requestId").asText());
        assertTrue(context.path("authorizer").path("claims").isNull(), "no authorizer: claims and scopes are null");
        assertFalse(event.has("rawPath"));
    }

    // --- parameter mapping (AWS docs "Transform API requests and responses for HTTP APIs")

    @Test
    void requestAndResponseParametersAreMapped() {
        HttpResponse<String> response = project.send(project.request(SHOP, "/dev/mapped/42?keep=yes")
                .header("x-in", "from-client")
                .header("x-secret", "hide me")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertEquals(202, response.statusCode(), "overwrite:statuscode of the backend's 207: " + response.body());
        assertEquals("b-1", response.headers().firstValue("x-mapped").orElse(null));
        assertEquals("POST /renamed/42?keep=yes&stage=dev", backend.lastTarget());
        Map<String, List<String>> seen = backend.lastHeaders();
        assertEquals(List.of("from-client"), seen.get("X-from-client"));
        assertNull(seen.get("X-secret"), "removed");
    }
}
