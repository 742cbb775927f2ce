package dev.gwemu.auth.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.gwemu.auth.lambda.JsAuthorizers.assertUnauthorized;
import static dev.gwemu.auth.lambda.JsAuthorizers.calls;
import static dev.gwemu.auth.lambda.JsAuthorizers.function;
import static dev.gwemu.auth.lambda.JsAuthorizers.receivedEvent;
import static dev.gwemu.auth.lambda.JsAuthorizers.request;
import static dev.gwemu.auth.lambda.Requests.METHOD_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** REQUEST authorizers (security-and-operations.md §3.3) running testdata/authorizers/request.js. */
class RequestAuthorizerTest {
    private static final List<String> SOURCES = List.of("method.request.header.x-api-token",
            "method.request.querystring.include", "stageVariables.authMode");
    private static LambdaRuntime runtime;
    private final LambdaAuthorizer<JsonNode> authorizer = new LambdaAuthorizer<>(runtime, Requests.ACCOUNT,
            JsAuthorizers::policy, new MutableClock(Instant.parse("2025-03-14T09:26:53Z")));

    @BeforeAll
    static void start() throws Exception {
        List<dev.gwemu.model.FunctionSpec> specs = new ArrayList<>();
        for (String name : List.of("Event", "Sources", "Missing", "NoSources", "Context")) {
            specs.add(function(name, "request.handler", 60));
        }
        runtime = new LambdaRuntime(specs, "us-east-1", Requests.ACCOUNT);
        // The first Node.js environment of the process starts GraalJS: pay it here, outside any test's timing.
        runtime.prewarm();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    /** The fixture's request: header x-api-token, query include=owner, stage variable authMode=strict. */
    private static Requests fixtureRequest() {
        return Requests.get().header("x-api-token", "allow-me").query("include=owner").stageVariable("authMode", "strict");
    }

    @Test
    void theFunctionReceivesTheFixturesRequestEvent() {
        JsonNode received = receivedEvent(authorizer.authorize(request("Event", 0, SOURCES),
                fixtureRequest().invocation(), METHOD_ARN));
        JsonNode fixture = JsAuthorizers.fixture("rest-authorizer-request-event.json");
        // gwemu adds its X-Forwarded-* and trace headers after the client's; the fixture lists them alphabetically.
        assertEquals(sorted(fixture.get("headers")), sorted(received.get("headers")));
        assertEquals(sorted(fixture.get("multiValueHeaders")), sorted(received.get("multiValueHeaders")));
        ((ObjectNode) received).set("headers", fixture.get("headers"));
        ((ObjectNode) received).set("multiValueHeaders", fixture.get("multiValueHeaders"));
        assertEquals(fixture, received);
        assertEquals(keys(fixture), keys(received), "the fixture's key order: type, methodArn, then the proxy event's");
        assertEquals(keys(fixture.get("requestContext")), keys(received.get("requestContext")),
                "no authorizer key: the authorizer has not run");
        assertEquals(keys(fixture.at("/requestContext/identity")), keys(received.at("/requestContext/identity")));
    }

    @Test
    void everySourcesValueIsPartOfTheCacheKey() {
        AuthorizerSpec spec = request("Sources", 300, SOURCES);
        assertEquals(1, calls(authorizer.authorize(spec, fixtureRequest().invocation(), METHOD_ARN)));
        AuthorizerResult<JsonNode> same = authorizer.authorize(spec, fixtureRequest().invocation(), METHOD_ARN);
        assertTrue(same.fromCache());
        AuthorizerResult<JsonNode> otherQuery = authorizer.authorize(spec, Requests.get().header("x-api-token", "allow-me")
                .query("include=everything").stageVariable("authMode", "strict").invocation(), METHOD_ARN);
        assertFalse(otherQuery.fromCache());
        assertEquals(2, calls(otherQuery));
        AuthorizerResult<JsonNode> otherVariable = authorizer.authorize(spec, Requests.get().header("x-api-token", "allow-me")
                .query("include=owner").stageVariable("authMode", "lenient").invocation(), METHOD_ARN);
        assertEquals(3, calls(otherVariable));
        AuthorizerResult<JsonNode> otherQueryAgain = authorizer.authorize(spec, Requests.get().header("X-API-TOKEN", "allow-me")
                .query("include=everything").stageVariable("authMode", "strict").invocation(), METHOD_ARN);
        assertTrue(otherQueryAgain.fromCache(), "header names match whatever their case");
        assertEquals(2, calls(otherQueryAgain));
    }

    @Test
    void aMissingOrEmptySourceIs401WithoutCallingTheFunctionEvenWithoutCaching() {
        AuthorizerSpec spec = request("Missing", 0, SOURCES);
        assertUnauthorized(() -> authorizer.authorize(spec, Requests.get().header("x-api-token", "allow-me")
                .stageVariable("authMode", "strict").invocation(), METHOD_ARN));
        assertUnauthorized(() -> authorizer.authorize(spec, Requests.get().header("x-api-token", "")
                .query("include=owner").stageVariable("authMode", "strict").invocation(), METHOD_ARN));
        String why = assertUnauthorized(() -> authorizer.authorize(spec, Requests.get().header("x-api-token", "allow-me")
                .query("include=owner").invocation(), METHOD_ARN));
        assertTrue(why.contains("stageVariables.authMode"), why);
        assertEquals(1, calls(authorizer.authorize(spec, fixtureRequest().invocation(), METHOD_ARN)),
                "the three refused requests never reached the function");
    }

    @Test
    void withoutSourcesAndWithoutCachingEveryRequestCallsTheFunction() {
        AuthorizerSpec spec = request("NoSources", 0, List.of());
        assertEquals(1, calls(authorizer.authorize(spec, Requests.get().invocation(), METHOD_ARN)));
        assertEquals(2, calls(authorizer.authorize(spec, Requests.get().invocation(), METHOD_ARN)));
    }

    @Test
    void aContextVariableSourceReadsTheRequestContext() {
        AuthorizerSpec spec = request("Context", 300, List.of("context.identity.sourceIp", "context.stage"));
        assertEquals(1, calls(authorizer.authorize(spec, Requests.get().invocation(), METHOD_ARN)));
        assertTrue(authorizer.authorize(spec, Requests.get().header("x-other", "1").invocation(), METHOD_ARN).fromCache(),
                "same address, same stage: the same entry");
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Map<String, JsonNode> sorted(JsonNode object) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sorted.put(e.getKey(), e.getValue());
        }
        return sorted;
    }
}
