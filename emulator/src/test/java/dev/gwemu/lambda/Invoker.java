package dev.gwemu.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Test shorthand: invoke and wait (bounded, so a hung runtime fails the test instead of hanging it). */
final class Invoker {
    static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaRuntime runtime;

    Invoker(LambdaRuntime runtime) {
        this.runtime = runtime;
    }

    InvokeResult invoke(String function, String payload) {
        return invoke(function, null, payload);
    }

    InvokeResult invoke(String function, String qualifier, String payload) {
        try {
            return runtime.invoke(function, qualifier, payload.getBytes(StandardCharsets.UTF_8))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("invoke " + function + " did not complete normally", e);
        }
    }

    static JsonNode json(InvokeResult result) {
        try {
            return JSON.readTree(result.payload());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + result.payloadText(), e);
        }
    }

    /** The JSON inside a proxy response's string body. */
    static JsonNode body(InvokeResult result) {
        try {
            return JSON.readTree(json(result).get("body").asText());
        } catch (Exception e) {
            throw new AssertionError("no JSON body in: " + result.payloadText(), e);
        }
    }
}
