package dev.gwemu.httpapi.authorizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.model.FunctionRuntime;
import dev.gwemu.model.FunctionSpec;
import dev.gwemu.model.HttpAuthorizerSpec;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The JavaScript authorizer of testdata/httpapi/authorizers, and what the tests need around it. */
final class JsHttpAuthorizers {
    static final Path CODE = TestPaths.TESTDATA.resolve("httpapi/authorizers");
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> AUTHORIZATION = List.of("$request.header.Authorization");

    private JsHttpAuthorizers() {
    }

    static FunctionSpec function(String name, int timeoutSeconds) {
        return new FunctionSpec(name, CODE, "http.handler", timeoutSeconds, 128, Map.of(), null, List.of(),
                new FunctionRuntime("nodejs20.x"));
    }

    static String uri(String function) {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:"
                + function + "/invocations";
    }

    /** A 2.0 authorizer with simple responses. */
    static HttpAuthorizerSpec simple(String function, int ttlSeconds, List<String> sources) {
        return spec(function, "2.0", true, ttlSeconds, sources);
    }

    /** A 2.0 authorizer answering IAM policies. */
    static HttpAuthorizerSpec iam(String function, int ttlSeconds, List<String> sources) {
        return spec(function, "2.0", false, ttlSeconds, sources);
    }

    /** A 1.0 authorizer (IAM policies; simple responses do not exist in 1.0). */
    static HttpAuthorizerSpec v1(String function, int ttlSeconds, List<String> sources) {
        return spec(function, "1.0", false, ttlSeconds, sources);
    }

    static HttpAuthorizerSpec spec(String function, String version, boolean simple, int ttlSeconds, List<String> sources) {
        return new HttpAuthorizerSpec("lambdaAuth", "lam001", HttpAuthorizerSpec.Type.REQUEST, sources, null, List.of(),
                uri(function), version, simple, ttlSeconds);
    }

    static JsonNode fixture(String name) {
        try {
            return JSON.readTree(CODE.resolve("fixtures").resolve(name).toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The event the function received, as it put it in its context. */
    static JsonNode receivedEvent(HttpAuthorizerResult result) {
        try {
            return JSON.readTree((String) result.context().get("event"));
        } catch (IOException e) {
            throw new AssertionError("no event in " + result.context(), e);
        }
    }

    static int calls(HttpAuthorizerResult result) {
        return ((Number) result.context().get("calls")).intValue();
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    /** Asserts the call is answered with this status and body, and returns why, as the console would show it. */
    static String assertAnswered(int status, String body, Executable call) {
        GatewayException e = assertThrows(GatewayException.class, call);
        assertEquals(status, e.status());
        assertEquals(body, new String(e.fixedBody(), StandardCharsets.UTF_8));
        return e.detail();
    }

    static String assertUnauthorized(Executable call) {
        return assertAnswered(401, "{\"message\":\"Unauthorized\"}", call);
    }

    static String assertForbidden(Executable call) {
        return assertAnswered(403, "{\"message\":\"Forbidden\"}", call);
    }

    static String assertInternalServerError(Executable call) {
        return assertAnswered(500, "{\"message\":\"Internal Server Error\"}", call);
    }
}
