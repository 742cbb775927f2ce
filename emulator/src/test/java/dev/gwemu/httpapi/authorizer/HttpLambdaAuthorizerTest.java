package dev.gwemu.httpapi.authorizer;

import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.HttpAuthorizerSpec;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.gwemu.httpapi.authorizer.HttpRequests.NO_CONTEXT_VARIABLES;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.AUTHORIZATION;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.assertForbidden;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.assertInternalServerError;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.assertUnauthorized;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.calls;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.iam;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.simple;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.v1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answers of HTTP API Lambda authorizers and what the client gets (security-and-operations.md §3.4, data-plane.md §3.4). */
class HttpLambdaAuthorizerTest {
    private static LambdaRuntime runtime;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T09:26:53Z"));
    private final HttpLambdaAuthorizer authorizer = new HttpLambdaAuthorizer(runtime, HttpRequests.REGION,
            HttpRequests.ACCOUNT, clock);

    @BeforeAll
    static void start() throws Exception {
        runtime = new LambdaRuntime(List.of(JsHttpAuthorizers.function("Auth", 30),
                JsHttpAuthorizers.function("Counted", 30),
                JsHttpAuthorizers.function("OneSecond", 1)), HttpRequests.REGION, HttpRequests.ACCOUNT);
        // The first Node.js environment of the process starts GraalJS: pay it here, outside any test's timing.
        runtime.prewarm();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private HttpAuthorizerResult authorize(HttpAuthorizerSpec spec, String authorization) {
        return authorize(authorizer, spec, HttpRequests.withAuthorization(authorization));
    }

    private static HttpAuthorizerResult authorize(HttpLambdaAuthorizer authorizer, HttpAuthorizerSpec spec,
                                                  HttpRequests request) {
        return authorizer.authorize(spec, request.request(), request.context(), NO_CONTEXT_VARIABLES);
    }

    @Test
    void aSimpleAllowLetsTheRequestThroughWithItsContext() {
        HttpAuthorizerResult result = authorize(simple("Auth", 0, AUTHORIZATION), "simple-allow");
        assertNull(result.principalId(), "simple responses have no principal");
        assertEquals("acme", result.context().get("tenant"));
        assertFalse(result.fromCache());
        assertTrue(result.integrationLatencyMillis() >= 0);
    }

    @Test
    void aSimpleDenyIs403() {
        String why = assertForbidden(() -> authorize(simple("Auth", 0, AUTHORIZATION), "simple-deny"));
        assertTrue(why.contains("isAuthorized: false"), why);
    }

    @Test
    void aSimpleResponseWithoutABooleanIsAuthorizedIs500() {
        assertInternalServerError(() -> authorize(simple("Auth", 0, AUTHORIZATION), "simple-string"));
        String why = assertInternalServerError(() -> authorize(simple("Auth", 0, AUTHORIZATION), "deny"));
        assertTrue(why.contains("isAuthorized"), "an IAM answer to a simple-response authorizer: " + why);
    }

    @Test
    void anIamPolicyAllowingTheRouteArnLetsTheRequestThrough() {
        HttpAuthorizerResult result = authorize(iam("Auth", 0, AUTHORIZATION), "allow-me");
        assertEquals("user-123", result.principalId());
        assertEquals(3, result.context().get("tier"));
    }

    @Test
    void anIamPolicyDenyingTheRouteArnIs403() {
        String why = assertForbidden(() -> authorize(iam("Auth", 0, AUTHORIZATION), "deny"));
        assertTrue(why.contains("explicitly denies " + HttpRequests.ROUTE_ARN), why);
    }

    @Test
    void anIamPolicyAllowingAnotherRouteArnIs403() {
        String why = assertForbidden(() -> authorize(iam("Auth", 0, AUTHORIZATION), "other-arn"));
        assertTrue(why.contains("does not allow " + HttpRequests.ROUTE_ARN), why);
    }

    @Test
    void payload10AnswersAreIamPoliciesAndSimpleResponsesDoNotApply() {
        HttpAuthorizerSpec spec = JsHttpAuthorizers.spec("Auth", "1.0", true, 0, AUTHORIZATION);
        assertEquals("user-123", authorize(spec, "allow-me").principalId());
        assertInternalServerError(() -> authorize(spec, "simple-allow"));
        assertForbidden(() -> authorize(v1("Auth", 0, AUTHORIZATION), "deny"));
    }

    @Test
    void aPayload10ContextKeepsTheRestContract() {
        String nested = assertInternalServerError(() -> authorize(v1("Auth", 0, AUTHORIZATION), "nested-context"));
        assertTrue(nested.contains("context.roles is an array"), nested);
        String claims = assertInternalServerError(() -> authorize(v1("Auth", 0, AUTHORIZATION), "claims-context"));
        assertTrue(claims.contains("'claims' is reserved"), claims);
        assertEquals(List.of("admin"), authorize(iam("Auth", 0, AUTHORIZATION), "nested-context").context().get("roles"),
                "2.0 answers may carry lists");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "2.0"})
    void theFunctionsUnauthorizedIs401(String version) {
        String why = assertUnauthorized(() -> authorize(JsHttpAuthorizers.spec("Auth", version, false, 0, AUTHORIZATION),
                "unauthorized"));
        assertTrue(why.contains("Unauthorized"), why);
        assertUnauthorized(() -> authorize(simple("Auth", 0, AUTHORIZATION), "unauthorized"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"boom", "garbage", "no-policy"})
    void anyOtherFailureOrBadOutputIs500(String token) {
        String why = assertInternalServerError(() -> authorize(iam("Auth", 0, AUTHORIZATION), token));
        assertFalse(why.isEmpty());
    }

    @Test
    void aFunctionThatOutlivesItsTimeoutIs500() {
        String why = assertInternalServerError(() -> authorize(simple("OneSecond", 0, AUTHORIZATION), "hang"));
        assertTrue(why.contains("Task timed out after 1.00 seconds"), why);
    }

    @Test
    void aFunctionTheGatewayStopsWaitingForIs500() {
        HttpLambdaAuthorizer impatient = new HttpLambdaAuthorizer(runtime, HttpRequests.REGION, HttpRequests.ACCOUNT,
                clock, Duration.ofMillis(200));
        String why = assertInternalServerError(() -> authorize(impatient, simple("Auth", 0, AUTHORIZATION),
                HttpRequests.withAuthorization("hang")));
        assertTrue(why.contains("timeout"), why);
    }

    @Test
    void anUnboundFunctionOrAnUnknownPayloadVersionIs500() {
        String unbound = assertInternalServerError(() -> authorize(simple("Nobody", 0, AUTHORIZATION), "simple-allow"));
        assertTrue(unbound.contains("Nobody is not bound"), unbound);
        String version = assertInternalServerError(() -> authorize(JsHttpAuthorizers.spec("Auth", "3.0", false, 0,
                AUTHORIZATION), "allow-me"));
        assertTrue(version.contains("3.0"), version);
    }

    @Test
    void aMissingOrEmptyIdentitySourceIs401WithoutCallingTheFunction() {
        HttpAuthorizerSpec spec = simple("Counted", 0, List.of("$request.header.Authorization",
                "$request.querystring.expand", "$stageVariables.mode", "$context.routeKey"));
        HttpRequests complete = HttpRequests.withAuthorization("simple-allow").stageVariable("mode", "strict");
        java.util.function.Function<String, String> routeKey = name -> name.equals("routeKey") ? "POST /orders/{orderId}" : null;
        int before = calls(authorizer.authorize(spec, complete.request(), complete.context(), routeKey));

        String why = assertUnauthorized(() -> authorizer.authorize(spec, HttpRequests.withAuthorization(null)
                .stageVariable("mode", "strict").request(), complete.context(), routeKey));
        assertTrue(why.contains("$request.header.Authorization") && why.contains("not called"), why);
        assertUnauthorized(() -> authorizer.authorize(spec, HttpRequests.withAuthorization("")
                .stageVariable("mode", "strict").request(), complete.context(), routeKey));
        assertUnauthorized(() -> authorizer.authorize(spec, complete.query("").request(), complete.context(), routeKey));
        HttpRequests noStageVariable = HttpRequests.withAuthorization("simple-allow");
        assertUnauthorized(() -> authorizer.authorize(spec, noStageVariable.request(), noStageVariable.context(), routeKey));
        HttpRequests again = HttpRequests.withAuthorization("simple-allow").stageVariable("mode", "strict");
        assertUnauthorized(() -> authorizer.authorize(spec, again.request(), again.context(), NO_CONTEXT_VARIABLES));

        assertEquals(before + 1, calls(authorizer.authorize(spec, again.request(), again.context(), routeKey)),
                "the function ran for the complete requests only");
    }

    @Test
    void headerSourcesAreCaseInsensitiveAndRepeatedValuesJoinAsInThe20Event() {
        HttpAuthorizerSpec spec = simple("Auth", 0, List.of("$request.header.x-api-key"));
        HttpRequests request = HttpRequests.withAuthorization("simple-allow").header("X-API-KEY", "k1").header("x-api-key", "k2");
        HttpAuthorizerResult result = authorize(authorizer, spec, request);
        assertEquals("[\"k1,k2\"]", JsHttpAuthorizers.receivedEvent(result).get("identitySource").toString());
    }

    @Test
    void aJwtAuthorizerIsNotALambdaAuthorizer() {
        HttpAuthorizerSpec jwt = new HttpAuthorizerSpec("jwtAuth", "jwt001", HttpAuthorizerSpec.Type.JWT, AUTHORIZATION,
                "https://issuer.example.com", List.of("aud"), null, null, false, 0);
        assertInternalServerError(() -> authorize(jwt, "allow-me"));
    }

    @Test
    void theResultViewsCarryWhatTheIntegrationSees() {
        HttpAuthorizerResult simpleResult = authorize(simple("Auth", 0, AUTHORIZATION), "simple-allow");
        Map<String, Object> lambda = lambdaOf(simpleResult);
        assertEquals(3, lambda.get("tier"), "2.0 keeps numbers");
        assertEquals(0.5, lambda.get("ratio"));
        assertEquals(false, lambda.get("admin"), "2.0 keeps booleans");
        assertTrue(lambda.containsKey("nothing") && lambda.get("nothing") == null, "2.0 keeps nulls");
        assertEquals(List.of("admin", "user"), lambda.get("roles"), "2.0 keeps lists");
        assertEquals(Map.of("name", "alice"), lambda.get("profile"), "2.0 keeps maps");
        assertFalse(lambda.containsKey("principalId"));

        Map<String, Object> v1 = simpleResult.forPayloadV1();
        assertEquals("3", v1.get("tier"), "1.0 stringifies");
        assertEquals("0.5", v1.get("ratio"));
        assertEquals("false", v1.get("admin"));
        assertFalse(v1.containsKey("nothing"), "null values are left out, as REST does");
        assertEquals("[\"admin\",\"user\"]", v1.get("roles"));
        assertEquals("{\"name\":\"alice\"}", v1.get("profile"));
        assertFalse(v1.containsKey("principalId"), "a simple response has no principal");
        assertEquals("integrationLatency", List.copyOf(v1.keySet()).get(v1.size() - 1));

        HttpAuthorizerResult iamResult = authorize(iam("Auth", 0, AUTHORIZATION), "allow-me");
        assertEquals("user-123", lambdaOf(iamResult).get("principalId"), "IAM mode: principalId in lambda, as SAM CLI");
        Map<String, Object> iamV1 = iamResult.forPayloadV1();
        assertEquals(List.of("principalId", "tenant", "tier", "admin", "calls", "event", "integrationLatency"),
                List.copyOf(iamV1.keySet()));
        assertTrue(iamV1.get("integrationLatency") instanceof Long);

        Map<String, Object> bare = authorize(simple("Auth", 0, AUTHORIZATION), "simple-bare").forPayloadV2();
        assertTrue(bare.containsKey("lambda") && bare.get("lambda") == null, "no context: lambda is null");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lambdaOf(HttpAuthorizerResult result) {
        Map<String, Object> v2 = result.forPayloadV2();
        assertEquals(List.of("lambda"), List.copyOf(v2.keySet()));
        return (Map<String, Object>) v2.get("lambda");
    }
}
