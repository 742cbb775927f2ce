package dev.gwemu.httpapi.authorizer;

import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.HttpAuthorizerSpec;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.gwemu.httpapi.authorizer.HttpRequests.NO_CONTEXT_VARIABLES;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.AUTHORIZATION;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.assertForbidden;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.assertInternalServerError;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.assertUnauthorized;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.calls;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.iam;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorizer cache of HTTP APIs (security-and-operations.md §3.4; AWS guide "Caching authorizer responses"):
 * each test has its own function, so its call count is the test's own.
 */
class HttpAuthorizerCachingTest {
    private static LambdaRuntime runtime;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T09:26:53Z"));
    private final HttpLambdaAuthorizer authorizer = new HttpLambdaAuthorizer(runtime, HttpRequests.REGION,
            HttpRequests.ACCOUNT, clock);

    @BeforeAll
    static void start() throws Exception {
        runtime = new LambdaRuntime(List.of(JsHttpAuthorizers.function("Hit", 30),
                JsHttpAuthorizers.function("Expiry", 30), JsHttpAuthorizers.function("Identity", 30),
                JsHttpAuthorizers.function("NoTtl", 30), JsHttpAuthorizers.function("NoSources", 30),
                JsHttpAuthorizers.function("Policy", 30), JsHttpAuthorizers.function("Unauthorized", 30),
                JsHttpAuthorizers.function("Failure", 30), JsHttpAuthorizers.function("Deny", 30),
                JsHttpAuthorizers.function("Stages", 30)), HttpRequests.REGION, HttpRequests.ACCOUNT);
        // The first Node.js environment of the process starts GraalJS: pay it here, outside any test's timing.
        runtime.prewarm();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private HttpAuthorizerResult authorize(HttpAuthorizerSpec spec, HttpRequests request) {
        return authorizer.authorize(spec, request.request(), request.context(), NO_CONTEXT_VARIABLES);
    }

    private HttpAuthorizerResult authorize(HttpAuthorizerSpec spec, String authorization) {
        return authorize(spec, HttpRequests.withAuthorization(authorization));
    }

    @Test
    void aCachedAnswerIsServedWithoutACallAndWithoutLatency() {
        HttpAuthorizerSpec spec = simple("Hit", 300, AUTHORIZATION);
        HttpAuthorizerResult first = authorize(spec, "simple-allow");
        HttpAuthorizerResult second = authorize(spec, "simple-allow");
        assertFalse(first.fromCache());
        assertTrue(second.fromCache());
        assertEquals(calls(first), calls(second), "the same answer, no second call");
        assertEquals(0, second.integrationLatencyMillis());
        assertEquals(0L, second.forPayloadV1().get("integrationLatency"));
        assertEquals(first.context(), second.context());
    }

    @Test
    void anAnswerExpiresAfterItsTtl() {
        HttpAuthorizerSpec spec = simple("Expiry", 60, AUTHORIZATION);
        int first = calls(authorize(spec, "simple-allow"));
        clock.advance(Duration.ofSeconds(59));
        assertTrue(authorize(spec, "simple-allow").fromCache(), "still fresh at 59 s");
        clock.advance(Duration.ofSeconds(1));
        HttpAuthorizerResult renewed = authorize(spec, "simple-allow");
        assertFalse(renewed.fromCache(), "gone at 60 s");
        assertEquals(first + 1, calls(renewed));
    }

    @Test
    void everyIdentityValueIsPartOfTheKey() {
        HttpAuthorizerSpec spec = simple("Identity", 300, List.of("$request.header.Authorization",
                "$request.querystring.expand"));
        int first = calls(authorize(spec, "simple-allow"));
        assertTrue(authorize(spec, "simple-allow").fromCache());
        HttpAuthorizerResult otherQuery = authorize(spec, HttpRequests.withAuthorization("simple-allow").query("expand=all"));
        assertFalse(otherQuery.fromCache());
        assertEquals(first + 1, calls(otherQuery));
        assertTrue(authorize(spec, HttpRequests.withAuthorization("simple-allow").query("expand=all")).fromCache());
    }

    @Test
    void aTtlOfZeroNeverCaches() {
        HttpAuthorizerSpec spec = simple("NoTtl", 0, AUTHORIZATION);
        int first = calls(authorize(spec, "simple-allow"));
        HttpAuthorizerResult second = authorize(spec, "simple-allow");
        assertFalse(second.fromCache());
        assertEquals(first + 1, calls(second));
    }

    @Test
    void anAuthorizerWithoutIdentitySourcesNeverCaches() {
        HttpAuthorizerSpec spec = simple("NoSources", 300, List.of());
        int first = calls(authorize(spec, "simple-allow"));
        assertEquals(first + 1, calls(authorize(spec, "simple-allow")), "AWS: caching needs an identity source");
    }

    @Test
    void aCachedPolicyIsEvaluatedAgainstEachRouteArn() {
        HttpAuthorizerSpec spec = iam("Policy", 300, AUTHORIZATION);
        // Allows every GET of the stage only: the POST that fetched it is denied, and a later GET is allowed from cache.
        assertForbidden(() -> authorize(spec, "stage-wide"));
        HttpAuthorizerResult get = authorize(spec, HttpRequests.withAuthorization("stage-wide").getOrders());
        assertTrue(get.fromCache());
        assertEquals("user-123", get.principalId());
        String why = assertForbidden(() -> authorize(spec, "stage-wide"));
        assertTrue(why.contains("cached answer"), why);
    }

    @Test
    void aCachedDenyStaysADeny() {
        HttpAuthorizerSpec spec = simple("Deny", 300, AUTHORIZATION);
        assertForbidden(() -> authorize(spec, "simple-deny"));
        String why = assertForbidden(() -> authorize(spec, "simple-deny"));
        assertTrue(why.contains("cached answer"), why);
    }

    @Test
    void unauthorizedIsCachedButFailuresNeverAre() {
        HttpAuthorizerSpec unauthorized = simple("Unauthorized", 300, AUTHORIZATION);
        assertUnauthorized(() -> authorize(unauthorized, "unauthorized"));
        String why = assertUnauthorized(() -> authorize(unauthorized, "unauthorized"));
        assertTrue(why.contains("cached answer"), why);

        HttpAuthorizerSpec failing = simple("Failure", 300, AUTHORIZATION);
        assertInternalServerError(() -> authorize(failing, "boom"));
        String again = assertInternalServerError(() -> authorize(failing, "boom"));
        assertTrue(again.contains("boom"), "the function ran again: " + again);
    }

    @Test
    void eachStageHasItsOwnCache() {
        HttpAuthorizerSpec spec = simple("Stages", 300, AUTHORIZATION);
        int first = calls(authorize(spec, "simple-allow"));
        HttpAuthorizerResult defaultStage = authorize(spec, HttpRequests.withAuthorization("simple-allow").onDefaultStageAndRoute());
        assertFalse(defaultStage.fromCache());
        assertEquals(first + 1, calls(defaultStage));
    }
}
