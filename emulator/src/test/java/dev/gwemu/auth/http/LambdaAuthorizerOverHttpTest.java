package dev.gwemu.auth.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.gwemu.auth.http.Answers.AUTHORIZER_EXPLICIT_DENY;
import static dev.gwemu.auth.http.Answers.AUTHORIZER_IMPLICIT_DENY;
import static dev.gwemu.auth.http.Answers.assertAuthorizerConfigurationError;
import static dev.gwemu.auth.http.Answers.assertRefused;
import static dev.gwemu.auth.http.Answers.assertUnauthorized;
import static dev.gwemu.auth.http.SecurityProject.SECURE;
import static dev.gwemu.auth.http.SecurityProject.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TOKEN and REQUEST Lambda authorizers over HTTP (security-and-operations.md §3.3), running testdata/authorizers'
 * token.js and request.js on gwemu's Node.js runtime. Both put their invocation count ({@code calls}) in the context,
 * so whether the function ran is read from the next answer that did run it: a probe through an uncached method.
 * Every test uses tokens of its own, so the 300-second caches of one test do not answer another's.
 */
class LambdaAuthorizerOverHttpTest {
    private static final String TOKEN_METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:s3cur3ap1x/dev/GET/token";
    private static final AtomicInteger PROBES = new AtomicInteger();

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

    private static HttpResponse<String> token(String path, String token) {
        return project.get(SECURE, path, "Authorization", token);
    }

    private static JsonNode authorizerOf(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response).path("requestContext").path("authorizer");
    }

    private static int calls(HttpResponse<String> response) {
        return Integer.parseInt(authorizerOf(response).path("calls").asText());
    }

    /** TokenAuth's invocation count, by calling it once more through the TTL-0 method (so the count includes that call). */
    private static int tokenAuthCallsAfterOneMore() {
        return calls(project.get(SECURE, "/dev/token-nocache", "X-Token", "probe"));
    }

    /** RequestAuth's invocation count, by calling it once more with identity values it has not seen. */
    private static int requestAuthCallsAfterOneMore() {
        return calls(project.send(project.request(SECURE, "/dev/request?key=probe-" + PROBES.incrementAndGet()).header("X-Tenant", "probe")));
    }

    @Test
    void anAllowingTokenGivesTheIntegrationPrincipalStringifiedContextAndLatency() throws IOException {
        HttpResponse<String> response = token("/dev/token", "allow-context");

        JsonNode authorizer = authorizerOf(response);
        assertEquals(List.of("principalId", "tenant", "tier", "admin", "calls", "event", "integrationLatency"), fieldNames(authorizer));
        assertEquals("user-123", authorizer.path("principalId").asText());
        assertEquals("acme", authorizer.path("tenant").asText());
        assertTrue(authorizer.path("tier").isTextual(), "numbers are stringified");
        assertEquals("3", authorizer.path("tier").asText());
        assertTrue(authorizer.path("admin").isTextual(), "booleans are stringified");
        assertEquals("false", authorizer.path("admin").asText());
        assertTrue(authorizer.path("integrationLatency").isIntegralNumber(), authorizer.toString());
        assertTrue(authorizer.path("integrationLatency").asLong() >= 0);
        assertEquals("{\"type\":\"TOKEN\",\"methodArn\":\"" + TOKEN_METHOD_ARN + "\",\"authorizationToken\":\"allow-context\"}",
                authorizer.path("event").asText(), "the TOKEN event the function received");
    }

    @Test
    void aCachedAnswerIsServedWithoutCallingTheFunctionAgain() {
        int first = calls(token("/dev/token", "cached-token"));

        JsonNode again = authorizerOf(token("/dev/token", "cached-token"));

        assertEquals(String.valueOf(first), again.path("calls").asText(), "the first call's context, from the cache");
        assertEquals(0, again.path("integrationLatency").asLong(), "no function call, no latency");
        assertEquals(first + 1, tokenAuthCallsAfterOneMore(), "the function ran once for both requests");
    }

    @Test
    void anExplicitDenyIsForbiddenAndCachedToo() {
        int before = tokenAuthCallsAfterOneMore();

        assertRefused(token("/dev/token", "deny"), 403, "AccessDeniedException", AUTHORIZER_EXPLICIT_DENY);
        assertRefused(token("/dev/token", "deny"), 403, "AccessDeniedException", AUTHORIZER_EXPLICIT_DENY);

        assertEquals(before + 2, tokenAuthCallsAfterOneMore(), "one call for both denials");
    }

    @Test
    void theFunctionsUnauthorizedErrorIsUnauthorized() {
        assertUnauthorized(token("/dev/token", "unauthorized"));
    }

    @Test
    void theIdentitySourceHeaderIsFoundWhateverItsCase() {
        assertEquals(200, project.get(SECURE, "/dev/token", "authorization", "lower-case-header").statusCode());
        assertEquals(200, project.get(SECURE, "/dev/token-nocache", "X-TOKEN", "upper-case-header").statusCode());
    }

    @Test
    void aCallbackHandlersUnauthorizedIsUnauthorizedToo() {
        // token.js's callback export: callback("Unauthorized"), as in the AWS guide's example (§3.3 Outcomes).
        assertUnauthorized(token("/dev/token/callback", "anything"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"boom", "garbage", "no-policy", "string-policy", "object-context", "array-context", "claims-context"})
    void anythingElseIsAnAuthorizerConfigurationError(String answer) {
        // §3.3 Outcomes: an error other than Unauthorized, an answer that is not an authorizer output, a context
        // value that is an object or array, the reserved key "claims": 500 {"message":null}.
        assertAuthorizerConfigurationError(token("/dev/token", answer));
    }

    @Test
    void aCachedPolicyForOneMethodDeniesTheNextMethodWithoutCallingTheFunction() {
        // token.js allows exactly the methodArn it was called for; the whole policy is cached and re-evaluated (§3.3).
        int first = calls(token("/dev/token", "pitfall-token"));

        assertRefused(token("/dev/token/other", "pitfall-token"), 403, "AccessDeniedException", AUTHORIZER_IMPLICIT_DENY);

        assertEquals(first + 1, tokenAuthCallsAfterOneMore(), "the denial came from the cached policy");
        assertEquals(200, token("/dev/token", "pitfall-token").statusCode(), "while the first method stays allowed");
    }

    @Test
    void onceTheTtlIsOverTheFunctionIsAskedAgainForTheOtherMethod() {
        assertEquals(200, token("/dev/token", "ttl-token").statusCode());
        assertRefused(token("/dev/token/other", "ttl-token"), 403, "AccessDeniedException", AUTHORIZER_IMPLICIT_DENY);

        project.clock.advance(Duration.ofSeconds(300));

        JsonNode authorizer = authorizerOf(token("/dev/token/other", "ttl-token"));
        assertTrue(authorizer.path("event").asText().contains("\"methodArn\":\"" + TOKEN_METHOD_ARN + "/other\""), authorizer.toString());
    }

    @Test
    void aMethodWithTtlZeroCallsTheFunctionEveryTime() {
        JsonNode first = authorizerOf(project.get(SECURE, "/dev/token-nocache", "X-Token", "fresh-token"));
        JsonNode second = authorizerOf(project.get(SECURE, "/dev/token-nocache", "X-Token", "fresh-token"));

        assertEquals(Integer.parseInt(first.path("calls").asText()) + 1, Integer.parseInt(second.path("calls").asText()));
        assertTrue(second.path("event").asText().contains("\"authorizationToken\":\"fresh-token\""), second.toString());
    }

    @Test
    void aTokenTheValidationExpressionRefusesIsUnauthorizedWithoutCallingTheFunction() {
        int before = tokenAuthCallsAfterOneMore();

        assertUnauthorized(project.get(SECURE, "/dev/token-nocache", "X-Token", "Not_Valid1"));
        assertUnauthorized(project.get(SECURE, "/dev/token-nocache", "X-Token", "fresh token"));
        assertUnauthorized(project.get(SECURE, "/dev/token-nocache", "X-Token", "fresh-token\u00e9"));

        assertEquals(before + 1, tokenAuthCallsAfterOneMore());
    }

    @Test
    void aMissingTokenIsUnauthorizedWithoutCallingTheFunction() {
        int before = tokenAuthCallsAfterOneMore();

        assertUnauthorized(project.get(SECURE, "/dev/token"));
        assertUnauthorized(project.get(SECURE, "/dev/token-nocache"));
        assertUnauthorized(project.get(SECURE, "/dev/token", "X-Token", "in-the-wrong-header"));

        assertEquals(before + 1, tokenAuthCallsAfterOneMore());
    }

    @Test
    void aRequestAuthorizerGetsItsHeaderQueryAndStageVariableSources() throws IOException {
        HttpResponse<String> response = project.send(project.request(SECURE, "/dev/request?key=k-1&other=x").header("X-Tenant", "acme"));

        JsonNode authorizer = authorizerOf(response);
        assertEquals("user-" + authorizer.path("calls").asText(), authorizer.path("principalId").asText());
        JsonNode event = SecurityProject.JSON.readTree(authorizer.path("event").asText());
        assertEquals("REQUEST", event.path("type").asText());
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:s3cur3ap1x/dev/GET/request", event.path("methodArn").asText());
        assertEquals("/request", event.path("resource").asText());
        assertEquals("GET", event.path("httpMethod").asText());
        assertEquals("acme", event.path("headers").path("X-Tenant").asText());
        assertEquals("k-1", event.path("queryStringParameters").path("key").asText());
        assertEquals("blue", event.path("stageVariables").path("realm").asText());
        assertEquals("s3cur3ap1x", event.path("requestContext").path("apiId").asText());
        assertTrue(event.path("requestContext").path("authorizer").isMissingNode(), "the authorizer has not run yet");
        assertTrue(event.path("body").isMissingNode(), "a REQUEST event has no body");
    }

    @Test
    void aRequestAuthorizerWithAnySourceMissingIsUnauthorizedWithoutCallingTheFunction() {
        int before = requestAuthCallsAfterOneMore();

        assertUnauthorized(project.get(SECURE, "/dev/request?key=k-2"));
        assertUnauthorized(project.get(SECURE, "/dev/request", "X-Tenant", "acme"));
        assertUnauthorized(project.get(SECURE, "/dev/request?key=", "X-Tenant", "acme"));
        assertUnauthorized(project.get(SECURE, "/dev/request?key=k-2", "X-Tenant", ""));

        assertEquals(before + 1, requestAuthCallsAfterOneMore());
    }

    @Test
    void aRequestAuthorizersCacheKeyIsEverySourceTogether() {
        int first = calls(project.get(SECURE, "/dev/request?key=k-3", "X-Tenant", "acme"));

        assertEquals(first, calls(project.get(SECURE, "/dev/request?key=k-3&unrelated=1", "X-Tenant", "acme")), "same sources: cached");
        assertEquals(first + 1, calls(project.get(SECURE, "/dev/request?key=k-4", "X-Tenant", "acme")), "another key: called");
        assertEquals(first + 2, calls(project.get(SECURE, "/dev/request?key=k-3", "X-Tenant", "globex")), "another tenant: called");
    }

    @Test
    void mappingTemplatesSeePrincipalAndContextInContextAuthorizer() {
        HttpResponse<String> response = token("/dev/mapped", "mapped-token");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"principal\":\"user-123\",\"tenant\":\"acme\",\"tier\":\"3\"}", response.body());
    }

    @Test
    void aLargeContextWithinLambdasLimitIsPassedWhole() {
        JsonNode authorizer = authorizerOf(token("/dev/token", "large-context"));

        assertEquals(100_000, authorizer.path("blob").asText().length());
        assertEquals("x".repeat(100_000), authorizer.path("blob").asText());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
