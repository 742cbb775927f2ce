package dev.gwemu.auth.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.gwemu.auth.lambda.JsAuthorizers.assertConfigurationError;
import static dev.gwemu.auth.lambda.JsAuthorizers.assertUnauthorized;
import static dev.gwemu.auth.lambda.JsAuthorizers.calls;
import static dev.gwemu.auth.lambda.JsAuthorizers.function;
import static dev.gwemu.auth.lambda.JsAuthorizers.token;
import static dev.gwemu.auth.lambda.Requests.METHOD_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TOKEN authorizers (security-and-operations.md §3.3) running testdata/authorizers/token.js. */
class TokenAuthorizerTest {
    private static LambdaRuntime runtime;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T09:26:53Z"));
    private final LambdaAuthorizer<JsonNode> authorizer =
            new LambdaAuthorizer<>(runtime, Requests.ACCOUNT, JsAuthorizers::policy, clock);

    @BeforeAll
    static void start() throws Exception {
        runtime = new LambdaRuntime(List.of(function("Token", "token.handler", 30),
                function("TokenCallback", "token.callback", 30),
                function("TokenOneSecond", "token.handler", 1),
                function("TokenThrottled", "token.handler", 3, 0),
                function("Counted", "token.handler", 60)), "us-east-1", Requests.ACCOUNT);
        // The first Node.js environment of the process starts GraalJS: pay it here, outside any test's timing.
        runtime.prewarm();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private AuthorizerResult<JsonNode> authorize(AuthorizerSpec spec, String token) {
        return authorizer.authorize(spec, Requests.get().header("Authorization", token).invocation(), METHOD_ARN);
    }

    @Test
    void anAllowingOutputIsTheResultWithItsContextAsStrings() {
        AuthorizerResult<JsonNode> result = authorize(token("Token", 0), "Bearer allow-me");
        JsonNode fixture = JsAuthorizers.fixture("rest-authorizer-responses.json").get("allow");
        assertEquals(fixture.get("principalId").asText(), result.principalId());
        assertEquals("Allow", result.policy().at("/Statement/0/Effect").asText());
        assertEquals(METHOD_ARN, result.policy().at("/Statement/0/Resource").asText());
        assertEquals(List.of("tenant", "tier", "admin", "calls", "event"), new ArrayList<>(result.context().keySet()));
        assertEquals("acme", result.context().get("tenant"));
        assertEquals("3", result.context().get("tier"), "numbers are stringified");
        assertEquals("false", result.context().get("admin"), "booleans are stringified");
        assertEquals("alice-key-0123456789abcdef", result.usageIdentifierKey());
        assertFalse(result.fromCache());
        assertTrue(result.integrationLatencyMillis() >= 0);
    }

    @Test
    void theFunctionReceivesTheFixturesTokenEvent() {
        JsonNode received = JsAuthorizers.receivedEvent(authorize(token("Token", 0), "Bearer allow-me"));
        JsonNode fixture = JsAuthorizers.fixture("rest-authorizer-token-event.json");
        assertEquals(fixture, received);
        assertEquals(List.of("type", "methodArn", "authorizationToken"), keys(received), "the fixture's key order");
    }

    @Test
    void theIntegrationSeesPrincipalContextAndLatencyInTheFixturesOrder() {
        AuthorizerResult<JsonNode> result = new AuthorizerResult<>("user-123", null,
                Map.of("tenant", "acme"), null, 42, false);
        Map<String, Object> authorizer = result.requestContextAuthorizer();
        assertEquals(List.of("principalId", "tenant", "integrationLatency"), new ArrayList<>(authorizer.keySet()));
        assertEquals(42L, authorizer.get("integrationLatency"), "a number, not a string");

        JsonNode fixture = JsAuthorizers.fixture("rest-authorizer-responses.json").at("/allowResultInProxyEvent/requestContext.authorizer");
        AuthorizerResult<JsonNode> fromFunction = authorize(token("Token", 0), "allow");
        Map<String, Object> seen = fromFunction.requestContextAuthorizer();
        seen.remove("calls");
        seen.remove("event");
        assertEquals(keys(fixture), new ArrayList<>(seen.keySet()));
        assertEquals("3", seen.get("tier"));
    }

    @Test
    void aDenyingOutputIsAResultTooTheCallerEvaluatesIt() {
        AuthorizerResult<JsonNode> result = authorize(token("Token", 0), "deny");
        assertEquals("Deny", result.policy().at("/Statement/0/Effect").asText());
        assertEquals(Map.of(), result.context());
    }

    @Test
    void anUnauthorizedErrorIs401WhetherThrownOrCalledBack() {
        assertUnauthorized(() -> authorize(token("Token", 0), "unauthorized"));
        assertUnauthorized(() -> authorize(token("TokenCallback", 0), "anything"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"boom", "garbage", "no-policy", "string-policy", "object-context", "array-context",
            "claims-context", "over-lambda-limit"})
    void anyOtherFailureOrInvalidOutputIs500(String token) {
        assertConfigurationError(() -> authorize(token("Token", 0), token));
    }

    @Test
    void aContextOfAHundredKilobytesIsTakenAsRestApisTakeIt() {
        AuthorizerResult<JsonNode> result = authorize(token("Token", 0), "large-context");
        assertEquals(100_000, result.context().get("blob").length());
    }

    @Test
    void anOutputWithoutPrincipalIdIsAllowedWithANullPrincipal() {
        AuthorizerResult<JsonNode> result = authorize(token("Token", 0), "no-principal");
        assertNull(result.principalId());
        assertTrue(result.requestContextAuthorizer().containsKey("principalId"));
    }

    @Test
    void aPolicyTheParserRefusesIs500() {
        LambdaAuthorizer<Object> refusing = new LambdaAuthorizer<>(runtime, Requests.ACCOUNT, document -> {
            throw new IllegalArgumentException("Effect must be Allow or Deny");
        }, clock);
        String why = assertConfigurationError(() -> refusing.authorize(token("Token", 0),
                Requests.get().header("Authorization", "allow").invocation(), METHOD_ARN));
        assertTrue(why.contains("Effect must be Allow or Deny"), why);
    }

    @Test
    void aFunctionThatOutlivesItsTimeoutIs500() {
        String why = assertConfigurationError(() -> authorize(token("TokenOneSecond", 0), "hang"));
        assertTrue(why.contains("Task timed out after 1.00 seconds"), why);
    }

    @Test
    void aFunctionTheGatewayStopsWaitingForIs500() {
        LambdaAuthorizer<JsonNode> impatient = new LambdaAuthorizer<>(runtime, Requests.ACCOUNT, JsAuthorizers::policy,
                clock, Duration.ofMillis(200));
        String why = assertConfigurationError(() -> impatient.authorize(token("Token", 0),
                Requests.get().header("Authorization", "hang").invocation(), METHOD_ARN));
        assertTrue(why.contains("timeout"), why);
    }

    @Test
    void aThrottledOrUnboundFunctionIs500() {
        String throttled = assertConfigurationError(() -> authorize(token("TokenThrottled", 0), "allow"));
        assertTrue(throttled.contains("429"), throttled);
        String unbound = assertConfigurationError(() -> authorize(token("Nobody", 0), "allow"));
        assertTrue(unbound.contains("Nobody is not bound"), unbound);
    }

    @Test
    void aMissingOrEmptyTokenIs401WithoutCallingTheFunction() {
        AuthorizerSpec spec = token("Counted", 0);
        int before = calls(authorize(spec, "allow"));
        assertUnauthorized(() -> authorizer.authorize(spec, Requests.get().invocation(), METHOD_ARN));
        assertUnauthorized(() -> authorize(spec, ""));
        assertEquals(before + 1, calls(authorize(spec, "allow")), "the function ran for the allowed calls only");
    }

    @Test
    void theValidationExpressionMustMatchTheWholeTokenOrThe401ComesWithoutACall() {
        AuthorizerSpec spec = token("Counted", 0, "Bearer [a-z-]+");
        int before = calls(authorize(spec, "Bearer allow-me"));
        String why = assertUnauthorized(() -> authorize(spec, "allow-me"));
        assertTrue(why.contains("identityValidationExpression"), why);
        assertUnauthorized(() -> authorize(spec, "Bearer allow-me and more"));
        assertEquals(before + 1, calls(authorize(spec, "Bearer allow-me")));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
