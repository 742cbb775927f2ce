package dev.gwemu.httpapi;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Preflight answers and response decoration of an HTTP API with CORS (data-plane.md §3.5). */
class CorsPolicyTest {
    private static final CorsPolicy LISTED = new CorsPolicy(new CorsConfiguration(
            List.of("https://app.example.com", "http://*"), List.of("GET", "POST"),
            List.of("authorization", "content-type"), List.of("x-request-id", "date"), 300, true));
    private static final CorsPolicy OPEN = new CorsPolicy(new CorsConfiguration(
            List.of("*"), List.of("*"), List.of("*"), List.of(), null, false));

    private static HttpRequest request(String method, String... headerPairs) {
        HeaderList headers = new HeaderList();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(headerPairs[i], headerPairs[i + 1]);
        }
        return new HttpRequest(method, "/pets", "", headers, new byte[0], "127.0.0.1", "HTTP/1.1", "https", 443);
    }

    /** Every header line as name: value, in order; names are compared exactly (lower-case). */
    private static List<String> lines(HttpResponse response) {
        return response.headers().lines().stream().map(h -> h.name() + ": " + h.value()).collect(Collectors.toList());
    }

    // --- isPreflight

    @Test
    void preflightNeedsOptionsOriginAndRequestMethod() {
        assertTrue(LISTED.isPreflight(request("OPTIONS", "origin", "https://x", "access-control-request-method", "GET")));
        assertFalse(LISTED.isPreflight(request("OPTIONS", "Origin", "https://x")));
        assertFalse(LISTED.isPreflight(request("OPTIONS", "Access-Control-Request-Method", "GET")));
        assertFalse(LISTED.isPreflight(request("GET", "Origin", "https://x", "Access-Control-Request-Method", "GET")));
    }

    // --- preflight matrix

    @Test
    void matchingOriginIsEchoedWithEveryConfiguredHeader() {
        HttpResponse response = LISTED.preflight(request("OPTIONS", "Origin", "https://app.example.com",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"));
        assertEquals(204, response.status());
        assertEquals(List.of(
                "access-control-allow-origin: https://app.example.com",
                "access-control-allow-credentials: true",
                "access-control-allow-methods: GET,POST",
                "access-control-allow-headers: authorization,content-type",
                "access-control-max-age: 300"), lines(response));
        assertEquals(0, response.body().length);
    }

    @Test
    void originMatchIgnoresCaseAndEchoesTheSpellingSent() {
        HttpResponse response = LISTED.preflight(request("OPTIONS", "Origin", "HTTPS://App.Example.com",
                "Access-Control-Request-Method", "get"));
        assertEquals("HTTPS://App.Example.com", response.headers().first("access-control-allow-origin"));
    }

    @Test
    void schemeWildcardAllowsEveryOriginOfThatScheme() {
        HttpResponse http = LISTED.preflight(request("OPTIONS", "Origin", "http://localhost:3000",
                "Access-Control-Request-Method", "GET"));
        assertEquals("http://localhost:3000", http.headers().first("access-control-allow-origin"));
        HttpResponse https = LISTED.preflight(request("OPTIONS", "Origin", "https://other.example.com",
                "Access-Control-Request-Method", "GET"));
        assertTrue(https.headers().isEmpty(), lines(https).toString());
    }

    @Test
    void nonMatchingOriginGetsTheSameStatusWithoutCorsHeaders() {
        HttpResponse response = LISTED.preflight(request("OPTIONS", "Origin", "https://evil.example.com",
                "Access-Control-Request-Method", "GET"));
        assertEquals(CorsPolicy.PREFLIGHT_STATUS, response.status());
        assertTrue(response.headers().isEmpty(), lines(response).toString());
    }

    @Test
    void originMatchingIsExactNotByPrefix() {
        HttpResponse response = LISTED.preflight(request("OPTIONS", "Origin", "https://app.example.com.evil.net",
                "Access-Control-Request-Method", "GET"));
        assertTrue(response.headers().isEmpty(), lines(response).toString());
    }

    @Test
    void methodNotAllowedGetsTheSameStatusWithoutCorsHeaders() {
        HttpResponse response = LISTED.preflight(request("OPTIONS", "Origin", "https://app.example.com",
                "Access-Control-Request-Method", "DELETE"));
        assertEquals(204, response.status());
        assertTrue(response.headers().isEmpty(), lines(response).toString());
    }

    @Test
    void starOriginWithoutCredentialsAnswersStarAndEchoesMethodAndHeaders() {
        HttpResponse response = OPEN.preflight(request("OPTIONS", "Origin", "https://anyone.example",
                "Access-Control-Request-Method", "PATCH", "Access-Control-Request-Headers", "x-trace, content-type"));
        assertEquals(List.of(
                "access-control-allow-origin: *",
                "access-control-allow-methods: PATCH",
                "access-control-allow-headers: x-trace, content-type"), lines(response));
    }

    @Test
    void starHeadersWithNoRequestedHeadersSendsNoAllowHeaders() {
        HttpResponse response = OPEN.preflight(request("OPTIONS", "Origin", "https://anyone.example",
                "Access-Control-Request-Method", "GET"));
        assertFalse(response.headers().contains("access-control-allow-headers"), lines(response).toString());
        assertFalse(response.headers().contains("access-control-max-age"), "maxAge unset");
        assertFalse(response.headers().contains("access-control-allow-credentials"), "credentials off");
    }

    @Test
    void unlistedRequestedHeaderStillGetsTheConfiguredListForTheBrowserToJudge() {
        HttpResponse response = LISTED.preflight(request("OPTIONS", "Origin", "https://app.example.com",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "x-unlisted"));
        assertEquals("authorization,content-type", response.headers().first("access-control-allow-headers"));
        assertEquals("https://app.example.com", response.headers().first("access-control-allow-origin"));
    }

    @Test
    void starOriginStillPrefersAnExactListedOrigin() {
        CorsPolicy mixed = new CorsPolicy(new CorsConfiguration(List.of("*", "https://app.example.com"),
                List.of("GET"), List.of(), List.of(), 0, false));
        assertEquals("https://app.example.com", mixed.preflight(request("OPTIONS", "Origin", "https://app.example.com",
                "Access-Control-Request-Method", "GET")).headers().first("access-control-allow-origin"));
        assertEquals("*", mixed.preflight(request("OPTIONS", "Origin", "https://b.example",
                "Access-Control-Request-Method", "GET")).headers().first("access-control-allow-origin"));
    }

    @Test
    void maxAgeZeroAndMinusOneAreSentAsConfigured() {
        for (int age : new int[]{0, -1}) {
            CorsPolicy policy = new CorsPolicy(new CorsConfiguration(List.of("*"), List.of("GET"), List.of(), List.of(), age, false));
            assertEquals(Integer.toString(age), policy.preflight(request("OPTIONS", "Origin", "https://a.example",
                    "Access-Control-Request-Method", "GET")).headers().first("access-control-max-age"));
        }
    }

    // --- decorate matrix

    private static HttpResponse backend() {
        HeaderList headers = new HeaderList()
                .add("Content-Type", "application/json")
                .add("Access-Control-Allow-Origin", "https://backend-choice.example")
                .add("access-control-allow-methods", "PUT")
                .add("Access-Control-Allow-Headers", "x-backend")
                .add("Access-Control-Expose-Headers", "x-backend")
                .add("Access-Control-Max-Age", "1")
                .add("Access-Control-Allow-Credentials", "false")
                .add("X-Request-Id", "r1");
        return new HttpResponse(201, headers, "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void matchingOriginReplacesBackendCorsHeaders() {
        HttpResponse original = backend();
        HttpResponse response = LISTED.decorate(request("POST", "Origin", "https://app.example.com"), original);
        assertEquals(201, response.status());
        assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), response.body());
        assertEquals(List.of(
                "Content-Type: application/json",
                "X-Request-Id: r1",
                "access-control-allow-origin: https://app.example.com",
                "access-control-allow-credentials: true",
                "access-control-expose-headers: x-request-id,date"), lines(response));
        assertEquals(8, original.headers().lines().size(), "the backend response is left as it was");
    }

    @Test
    void starOriginDecoratesWithStarAndNoExposeWhenNoneConfigured() {
        HttpResponse response = OPEN.decorate(request("GET", "Origin", "https://anyone.example"), backend());
        assertEquals(List.of(
                "Content-Type: application/json",
                "X-Request-Id: r1",
                "access-control-allow-origin: *"), lines(response));
    }

    @Test
    void withoutOriginBackendCorsHeadersAreStillRemoved() {
        HttpResponse response = LISTED.decorate(request("GET"), backend());
        assertEquals(List.of("Content-Type: application/json", "X-Request-Id: r1"), lines(response));
    }

    @Test
    void nonMatchingOriginBackendCorsHeadersAreRemovedAndNoneAdded() {
        HttpResponse response = LISTED.decorate(request("GET", "Origin", "https://evil.example.com"), backend());
        assertEquals(List.of("Content-Type: application/json", "X-Request-Id: r1"), lines(response));
    }

    @Test
    void decorateDoesNotLookAtTheRequestMethod() {
        // allowMethods governs preflights only; an actual DELETE from an allowed origin is still decorated.
        HttpResponse response = LISTED.decorate(request("DELETE", "Origin", "https://app.example.com"),
                new HttpResponse(200, new HeaderList(), new byte[0]));
        assertEquals("https://app.example.com", response.headers().first("access-control-allow-origin"));
        assertEquals("true", response.headers().first("access-control-allow-credentials"));
    }
}
