package dev.gwemu.auth.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.gwemu.auth.lambda.JsAuthorizers.assertConfigurationError;
import static dev.gwemu.auth.lambda.JsAuthorizers.assertUnauthorized;
import static dev.gwemu.auth.lambda.JsAuthorizers.calls;
import static dev.gwemu.auth.lambda.JsAuthorizers.function;
import static dev.gwemu.auth.lambda.JsAuthorizers.token;
import static dev.gwemu.auth.lambda.Requests.METHOD_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorizer cache (security-and-operations.md §3.3, Caching): whether the function runs is read from its
 * invocation count, which each allowing answer carries. Each test has a function of its own, so counts start at 1.
 */
class AuthorizerCachingTest {
    private static final String[] FUNCTIONS = {"Hit", "Expiry", "Off", "Tokens", "Unauthorized", "Failure", "Canary",
            "Flush"};
    private static LambdaRuntime runtime;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T09:26:53Z"));
    private final LambdaAuthorizer<JsonNode> authorizer =
            new LambdaAuthorizer<>(runtime, Requests.ACCOUNT, JsAuthorizers::policy, clock);

    @BeforeAll
    static void start() throws Exception {
        List<dev.gwemu.model.FunctionSpec> specs = new java.util.ArrayList<>();
        for (String name : FUNCTIONS) {
            // Generous timeouts: a cold start on a loaded machine must not time out and reset the count.
            specs.add(function(name, "token.handler", 60));
        }
        runtime = new LambdaRuntime(specs, "us-east-1", Requests.ACCOUNT);
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
    void aSecondRequestWithTheTokenIsAnsweredFromTheCache() {
        AuthorizerSpec spec = token("Hit", 300);
        AuthorizerResult<JsonNode> first = authorize(spec, "alice");
        AuthorizerResult<JsonNode> second = authorize(spec, "alice");
        assertFalse(first.fromCache());
        assertTrue(second.fromCache());
        assertEquals(0, second.integrationLatencyMillis(), "no function call, no latency");
        assertEquals(0L, second.requestContextAuthorizer().get("integrationLatency"));
        assertEquals(first.policy(), second.policy(), "the whole policy is kept, for the caller to evaluate again");
        assertEquals(first.principalId(), second.principalId());
        assertEquals(first.context(), second.context());
        assertEquals(2, calls(authorize(spec, "bob")), "alice's second request did not call the function");
    }

    @Test
    void anAnswerExpiresAfterTheTtlByTheGatewaysClock() {
        AuthorizerSpec spec = token("Expiry", 300);
        assertEquals(1, calls(authorize(spec, "alice")));
        clock.advance(Duration.ofSeconds(299));
        assertTrue(authorize(spec, "alice").fromCache());
        clock.advance(Duration.ofSeconds(1));
        AuthorizerResult<JsonNode> renewed = authorize(spec, "alice");
        assertFalse(renewed.fromCache());
        assertEquals(2, calls(renewed));
    }

    @Test
    void aTtlOfZeroCallsTheFunctionEveryTime() {
        AuthorizerSpec spec = token("Off", 0);
        assertEquals(1, calls(authorize(spec, "alice")));
        AuthorizerResult<JsonNode> again = authorize(spec, "alice");
        assertFalse(again.fromCache());
        assertEquals(2, calls(again));
    }

    @Test
    void eachTokenHasItsOwnEntry() {
        AuthorizerSpec spec = token("Tokens", 300);
        assertEquals(1, calls(authorize(spec, "alice")));
        assertEquals(2, calls(authorize(spec, "bob")));
        assertEquals(1, calls(authorize(spec, "alice")), "alice's answer, kept");
        assertEquals(2, calls(authorize(spec, "bob")), "bob's answer, kept");
    }

    @Test
    void anUnauthorizedAnswerIsKeptToo() {
        AuthorizerSpec spec = token("Unauthorized", 300);
        assertUnauthorized(() -> authorize(spec, "unauthorized"));
        String why = assertUnauthorized(() -> authorize(spec, "unauthorized"));
        assertTrue(why.contains("cached"), why);
        assertEquals(2, calls(authorize(spec, "alice")), "the function ran once for the two unauthorized requests");
    }

    @Test
    void aFailureIsNeverKept() {
        AuthorizerSpec spec = token("Failure", 300);
        assertConfigurationError(() -> authorize(spec, "boom"));
        assertConfigurationError(() -> authorize(spec, "boom"));
        assertEquals(3, calls(authorize(spec, "alice")));
    }

    @Test
    void anotherDeploymentOfTheStageHasItsOwnEntries() {
        AuthorizerSpec spec = token("Canary", 300);
        assertEquals(1, calls(authorize(spec, "alice")));
        AuthorizerResult<JsonNode> canary = authorizer.authorize(spec,
                Requests.get().deployment("canary").header("Authorization", "alice").invocation(), METHOD_ARN);
        assertFalse(canary.fromCache(), "the canary's stage variables may name another function: no shared answers");
        assertEquals(2, calls(canary));
        assertTrue(authorize(spec, "alice").fromCache(), "the stage's own entry is still there");
    }

    @Test
    void flushingTheStageForgetsItsAnswers() {
        AuthorizerSpec spec = token("Flush", 300);
        authorize(spec, "alice");
        authorizer.flush("prod");
        assertTrue(authorize(spec, "alice").fromCache(), "another stage's flush leaves dev alone");
        authorizer.flush("dev");
        AuthorizerResult<JsonNode> after = authorize(spec, "alice");
        assertFalse(after.fromCache());
        assertEquals(2, calls(after));
    }
}
