package dev.gwemu.auth.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.AuthorizerType;
import dev.gwemu.model.FunctionRuntime;
import dev.gwemu.model.FunctionSpec;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;
import dev.gwemu.pipeline.GatewayResponses;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The JavaScript authorizers of testdata/authorizers, and what the tests need around them. */
final class JsAuthorizers {
    static final Path CODE = TestPaths.TESTDATA.resolve("authorizers");
    static final ObjectMapper JSON = new ObjectMapper();

    private JsAuthorizers() {
    }

    static FunctionSpec function(String name, String handler, int timeoutSeconds) {
        return function(name, handler, timeoutSeconds, null);
    }

    static FunctionSpec function(String name, String handler, int timeoutSeconds, Integer reservedConcurrency) {
        return new FunctionSpec(name, CODE, handler, timeoutSeconds, 128, Map.of(), reservedConcurrency, List.of(),
                new FunctionRuntime("nodejs20.x"));
    }

    static String uri(String function) {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:"
                + function + "/invocations";
    }

    static AuthorizerSpec token(String function, int ttlSeconds) {
        return token(function, ttlSeconds, null);
    }

    static AuthorizerSpec token(String function, int ttlSeconds, String validationExpression) {
        return new AuthorizerSpec("tokenAuth", "tok001", AuthorizerType.TOKEN, uri(function),
                List.of("method.request.header.Authorization"), validationExpression, ttlSeconds, List.of());
    }

    static AuthorizerSpec request(String function, int ttlSeconds, List<String> sources) {
        return new AuthorizerSpec("requestAuth", "req001", AuthorizerType.REQUEST, uri(function), sources, null,
                ttlSeconds, List.of());
    }

    /** A stand-in for the policy package: keeps the document, refuses one without a Statement. */
    static JsonNode policy(JsonNode document) {
        if (!document.has("Statement")) {
            throw new IllegalArgumentException("no Statement");
        }
        return document;
    }

    static JsonNode fixture(String name) {
        try {
            return JSON.readTree(CODE.resolve("fixtures").resolve(name).toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The event the function received, as it put it in its context. */
    static JsonNode receivedEvent(AuthorizerResult<?> result) {
        try {
            return JSON.readTree(result.context().get("event"));
        } catch (IOException e) {
            throw new AssertionError("no event in " + result.context(), e);
        }
    }

    static int calls(AuthorizerResult<?> result) {
        return Integer.parseInt(result.context().get("calls"));
    }

    /**
     * Asserts the call answers as the fixture's {@code unauthorizedThrow} result (401 {"message":"Unauthorized"},
     * UnauthorizedException) and returns why, as the console would show it.
     */
    static String assertUnauthorized(Executable call) {
        GatewayException e = assertThrows(GatewayException.class, call);
        assertEquals(GatewayResponseType.UNAUTHORIZED, e.type());
        assertRendersAs(fixture("rest-authorizer-responses.json").at("/unauthorizedThrow/result"), e);
        return e.detail();
    }

    /**
     * Asserts the call answers as the fixture's {@code otherErrorOrBadPolicy} result (500 {"message":null},
     * AuthorizerConfigurationException) and returns why.
     */
    static String assertConfigurationError(Executable call) {
        GatewayException e = assertThrows(GatewayException.class, call);
        assertEquals(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR, e.type());
        assertRendersAs(fixture("rest-authorizer-responses.json").at("/otherErrorOrBadPolicy/result"), e);
        return e.detail();
    }

    private static void assertRendersAs(JsonNode expected, GatewayException e) {
        HttpResponse response = new GatewayResponses().render(e);
        assertEquals(expected.get("status").asInt(), response.status());
        assertEquals(expected.get("rawBody").asText(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(expected.get("x-amzn-ErrorType").asText(), response.headers().first("x-amzn-ErrorType"));
    }
}
