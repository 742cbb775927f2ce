package dev.gwemu.auth.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.lambda.InvokeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.gwemu.auth.lambda.JsAuthorizers.assertConfigurationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The output contract (security-and-operations.md §3.3) on answers the JavaScript tests do not produce: Lambda's
 * answers as bytes, including those of Java handlers.
 */
class AuthorizerResponseReaderTest {
    private static final String POLICY = "\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    private final AuthorizerResponseReader<JsonNode> reader = new AuthorizerResponseReader<>(JsAuthorizers::policy);

    private static InvokeResult answer(String json) {
        return new InvokeResult(json.getBytes(StandardCharsets.UTF_8), false, "id");
    }

    private static InvokeResult error(String json) {
        return new InvokeResult(json.getBytes(StandardCharsets.UTF_8), true, "id");
    }

    private AuthorizerResult<JsonNode> allowed(String json) {
        AuthorizerAnswer<JsonNode> answer = reader.read(answer(json), 7);
        return assertInstanceOf(AuthorizerAnswer.Authorized.class, answer).result();
    }

    @Test
    void aJavaHandlersUnauthorizedExceptionIsUnauthorized() {
        AuthorizerAnswer<JsonNode> answer = reader.read(error("{\"errorMessage\":\"Unauthorized\","
                + "\"errorType\":\"java.lang.RuntimeException\",\"stackTrace\":[]}"), 3);
        assertInstanceOf(AuthorizerAnswer.Unauthorized.class, answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"errorMessage\":\"unauthorized\"}", "{\"errorMessage\":\"Unauthorized \"}",
            "{\"errorType\":\"Unauthorized\"}", "not json"})
    void onlyTheExactMessageUnauthorizedIs401(String payload) {
        assertConfigurationError(() -> reader.read(error(payload), 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "{\"principalId\":\"u\",\"policyDocument\":null}",
            "{\"principalId\":\"u\",\"policyDocument\":{\"Version\":\"2012-10-17\"}}",
            "{\"principalId\":7," + POLICY + "}",
            "{\"principalId\":\"u\"," + POLICY + ",\"context\":\"tenant=acme\"}",
            "{\"principalId\":\"u\"," + POLICY + ",\"usageIdentifierKey\":42}"})
    void anInvalidOutputIs500(String payload) {
        assertConfigurationError(() -> reader.read(answer(payload), 3));
    }

    @Test
    void contextValuesBecomeStringsAndNullsAreLeftOut() {
        AuthorizerResult<JsonNode> result = allowed("{\"principalId\":\"u\"," + POLICY
                + ",\"context\":{\"s\":\"x\",\"i\":3,\"d\":2.5,\"t\":true,\"n\":null}}");
        assertEquals(Map.of("s", "x", "i", "3", "d", "2.5", "t", "true"), result.context());
        assertEquals(List.of("s", "i", "d", "t"), List.copyOf(result.context().keySet()));
        assertEquals(7, result.integrationLatencyMillis());
        assertNull(result.usageIdentifierKey());
    }

    @Test
    void theGatewaysOwnKeysWinOverContextKeysOfTheSameName() {
        AuthorizerResult<JsonNode> result = allowed("{\"principalId\":\"u\"," + POLICY
                + ",\"context\":{\"principalId\":\"forged\",\"integrationLatency\":\"forged\",\"tenant\":\"acme\"}}");
        Map<String, Object> authorizer = result.requestContextAuthorizer();
        assertEquals(List.of("principalId", "tenant", "integrationLatency"), List.copyOf(authorizer.keySet()));
        assertEquals("u", authorizer.get("principalId"));
        assertEquals(7L, authorizer.get("integrationLatency"));
    }

    @Test
    void anAnswerOverTheSizeLimitIs500() {
        String blob = "x".repeat(AuthorizerResponseReader.MAX_RESULT_BYTES);
        String why = assertConfigurationError(() -> reader.read(answer("{\"principalId\":\"u\"," + POLICY
                + ",\"context\":{\"blob\":\"" + blob + "\"}}"), 3));
        assertEquals(true, why.contains("limit"), why);
    }
}
