package dev.gwemu.httpapi.authorizer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.gwemu.httpapi.authorizer.HttpRequests.NO_CONTEXT_VARIABLES;
import static dev.gwemu.httpapi.authorizer.HttpRequests.ROUTE_ARN;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.AUTHORIZATION;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.keys;
import static dev.gwemu.httpapi.authorizer.JsHttpAuthorizers.receivedEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events an HTTP API Lambda authorizer function receives (security-and-operations.md §3.4). */
class AuthorizerEventTest {
    private static LambdaRuntime runtime;
    private final HttpLambdaAuthorizer authorizer = new HttpLambdaAuthorizer(runtime, HttpRequests.REGION,
            HttpRequests.ACCOUNT, new MutableClock(Instant.parse("2025-03-14T09:26:53Z")));

    @BeforeAll
    static void start() throws Exception {
        runtime = new LambdaRuntime(List.of(JsHttpAuthorizers.function("Events", 30)), HttpRequests.REGION,
                HttpRequests.ACCOUNT);
        // The first Node.js environment of the process starts GraalJS: pay it here, outside any test's timing.
        runtime.prewarm();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private JsonNode received(String version, HttpRequests request, List<String> sources) {
        return receivedEvent(authorizer.authorize(JsHttpAuthorizers.spec("Events", version, false, 0, sources),
                request.request(), request.context(), NO_CONTEXT_VARIABLES));
    }

    @Test
    void thePayload20EventIsTheFixtureKeyForKeyInItsOrder() {
        JsonNode received = received("2.0", HttpRequests.withAuthorization("Bearer abc.def.ghi"), AUTHORIZATION);
        JsonNode fixture = JsHttpAuthorizers.fixture("http-authorizer-v2-request-event.json");
        assertEquals(fixture, received);
        assertEquals(keys(fixture), keys(received), "version, type, routeArn, identitySource first; no body");
        assertEquals(keys(fixture.get("requestContext")), keys(received.get("requestContext")),
                "no authorizer key: the authorizer has not run");
        assertEquals(keys(fixture.get("headers")), keys(received.get("headers")));
        assertEquals(ROUTE_ARN, received.get("routeArn").asText());
        assertTrue(received.get("identitySource").isArray());
    }

    @Test
    void identitySourceListsEveryValueInTheConfiguredOrderWithCookiesAndStageVariablesInPlace() {
        HttpRequests request = HttpRequests.withAuthorization("tok").header("Cookie", "a=1; b=2")
                .header("X-Tenant", "acme").stageVariable("mode", "strict");
        JsonNode received = received("2.0", request, List.of("$stageVariables.mode", "$request.header.x-tenant",
                "$request.querystring.expand", "$request.header.Authorization"));
        assertEquals(List.of("strict", "acme", "items", "tok"),
                JsHttpAuthorizers.JSON.convertValue(received.get("identitySource"), List.class));
        assertEquals(List.of("version", "type", "routeArn", "identitySource", "routeKey", "rawPath", "rawQueryString",
                "cookies", "headers", "queryStringParameters", "requestContext", "pathParameters", "stageVariables"),
                keys(received));
        assertFalse(received.get("headers").has("cookie"), "cookies move to cookies[] as in the 2.0 event");
    }

    @Test
    void onTheDefaultStageAndRouteTheRouteArnHasTheMethodAndPathWithoutAPrefix() {
        JsonNode received = received("2.0", HttpRequests.withAuthorization("tok").onDefaultStageAndRoute(), AUTHORIZATION);
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:r3pmxmplak/$default/POST/orders/17",
                received.get("routeArn").asText());
        assertEquals("$default", received.get("routeKey").asText());
        assertFalse(received.has("pathParameters"));
    }

    @Test
    void thePayload10EventIsTheRestRequestEventWithTheHttpApiDifferences() {
        HttpRequests request = HttpRequests.withAuthorization("tok").header("Cookie", "a=1")
                .header("X-Multi", "one").header("X-Multi", "two").query("expand=items&tag=a&tag=b");
        JsonNode received = received("1.0", request, List.of("$request.header.Authorization", "$request.querystring.tag"));
        assertEquals(List.of("version", "type", "methodArn", "identitySource", "authorizationToken", "resource", "path",
                "httpMethod", "headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters",
                "pathParameters", "stageVariables", "requestContext"), keys(received));
        assertEquals("1.0", received.get("version").asText());
        assertEquals("REQUEST", received.get("type").asText());
        assertEquals(ROUTE_ARN, received.get("methodArn").asText());
        assertEquals("tok,a,b", received.get("identitySource").asText(), "one string, values joined by ','");
        assertEquals("tok,a,b", received.get("authorizationToken").asText());
        assertEquals("/orders/{orderId}", received.get("resource").asText());
        assertEquals("/dev/orders/17", received.get("path").asText());
        assertEquals("POST", received.get("httpMethod").asText());
        assertEquals("two", received.at("/headers/x-multi").asText(), "headers keeps the last value");
        assertEquals(List.of("one", "two"), JsHttpAuthorizers.JSON.convertValue(received.at("/multiValueHeaders/x-multi"), List.class));
        assertEquals("a=1", received.at("/headers/cookie").asText(), "the cookie header stays a header in 1.0");
        assertEquals("tok", received.at("/headers/authorization").asText(), "header names are lower-case");
        assertEquals("b", received.at("/queryStringParameters/tag").asText());
        assertEquals(List.of("a", "b"), JsHttpAuthorizers.JSON.convertValue(received.at("/multiValueQueryStringParameters/tag"), List.class));
        assertEquals("17", received.at("/pathParameters/orderId").asText());
        assertTrue(received.get("stageVariables").isNull(), "empty collections are null in 1.0");
        JsonNode rc = received.get("requestContext");
        assertEquals(List.of("accountId", "apiId", "domainName", "domainPrefix", "extendedRequestId", "httpMethod",
                "identity", "path", "protocol", "requestId", "requestTime", "requestTimeEpoch", "resourceId",
                "resourcePath", "stage"), keys(rc));
        assertEquals("HxWq8hV0IAMEb0w=", rc.get("requestId").asText());
        assertEquals("HxWq8hV0IAMEb0w=", rc.get("extendedRequestId").asText());
        assertEquals("POST /orders/{orderId}", rc.get("resourceId").asText());
        assertEquals("/orders/{orderId}", rc.get("resourcePath").asText());
        assertEquals("14/Mar/2025:09:26:53 +0000", rc.get("requestTime").asText());
        assertEquals(1741944413123L, rc.get("requestTimeEpoch").asLong());
        assertEquals("dev", rc.get("stage").asText());
        assertEquals("198.51.100.7", rc.at("/identity/sourceIp").asText());
        assertEquals("curl/8.5.0", rc.at("/identity/userAgent").asText());
        assertTrue(rc.at("/identity/cognitoAmr").isNull());
    }

    @Test
    void aPayload10EventOnTheDefaultRouteUsesTheRequestPathAsItsResource() {
        JsonNode received = received("1.0", HttpRequests.withAuthorization("tok").onDefaultStageAndRoute(), AUTHORIZATION);
        assertEquals("/orders/17", received.get("resource").asText());
        assertEquals("$default", received.at("/requestContext/resourceId").asText());
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:r3pmxmplak/$default/POST/orders/17",
                received.get("methodArn").asText());
    }

    @Test
    void theRouteArnDropsOnlyANamedStagesOwnPrefix() {
        assertEquals("/orders", RouteArn.pathAfterStage("/dev/orders", "dev"));
        assertEquals("", RouteArn.pathAfterStage("/dev", "dev"));
        assertEquals("/devices", RouteArn.pathAfterStage("/devices", "dev"));
        assertEquals("/dev/orders", RouteArn.pathAfterStage("/dev/orders", "$default"));
    }
}
