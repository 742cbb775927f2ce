package dev.gwemu.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.gwemu.lambda.HandlerJars.PACKAGE;
import static dev.gwemu.lambda.HandlerJars.lean;
import static dev.gwemu.lambda.HandlerJars.spec;
import static dev.gwemu.lambda.Invoker.body;
import static dev.gwemu.lambda.Invoker.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handler is created once, at the first call, and reused; init failures answer like Lambda's. */
class ColdStartTest {

    @Test
    void oneInstanceServesEveryInvocation() throws Exception {
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(spec("Counter", lean(), "InitCountingHandler")), "r", "1")) {
            Invoker invoker = new Invoker(runtime);
            invoker.invoke("Counter", "{}");
            invoker.invoke("Counter", "{}");

            JsonNode third = body(invoker.invoke("Counter", "{}"));

            assertEquals(1, third.get("instances").asInt());
            assertEquals(3, third.get("invocations").asInt());
        }
    }

    @Test
    void concurrentFirstCallsEachGetTheirOwnHandler() throws Exception {
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(spec("Counter", lean(), "InitCountingHandler")), "r", "1")) {
            List<CompletableFuture<InvokeResult>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(runtime.invoke("Counter", null, "{}".getBytes()));
            }
            int invocations = 0;
            for (CompletableFuture<InvokeResult> call : calls) {
                JsonNode seen = body(call.get(30, TimeUnit.SECONDS));
                // each environment has its own class loader, so its own static counter: one instance in each
                assertEquals(1, seen.get("instances").asInt());
                invocations = Math.max(invocations, seen.get("invocations").asInt());
            }
            assertTrue(invocations >= 1 && invocations <= 8);
        }
    }

    @Test
    void loadingRunsNoStaticInitialiser() throws Exception {
        // FailingInitHandler's static initialiser throws: loading must not run it
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(spec("Failing", lean(), "FailingInitHandler")), "r", "1")) {
            assertTrue(runtime.has("Failing"));
        }
    }

    @Test
    void staticInitialiserFailureIsAnInitErrorOnEveryCall() throws Exception {
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(spec("Failing", lean(), "FailingInitHandler")), "r", "1")) {
            Invoker invoker = new Invoker(runtime);
            for (int call = 1; call <= 2; call++) {
                InvokeResult result = invoker.invoke("Failing", "{}");

                assertTrue(result.functionError());
                JsonNode error = json(result);
                assertEquals("Error loading class " + PACKAGE + "FailingInitHandler", error.get("errorMessage").asText());
                // the same error each time (Lambda re-runs init), not NoClassDefFoundError from a poisoned class
                assertEquals("java.lang.ExceptionInInitializerError", error.get("errorType").asText(), "call " + call);
                assertNull(error.get("stackTrace"), "Lambda reports init errors without a stack trace");
            }
        }
    }

    @Test
    void constructorFailureIsAnInitError() throws Exception {
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(spec("Ctor", lean(), "FailingConstructorHandler")), "r", "1")) {
            InvokeResult result = new Invoker(runtime).invoke("Ctor", "{}");

            assertTrue(result.functionError());
            assertEquals("{\"errorMessage\":\"constructor failed on purpose\",\"errorType\":\"java.lang.IllegalStateException\"}",
                    result.payloadText());
        }
    }

    @Test
    void theRuntimeStaysUsableAfterAnInitFailure() throws Exception {
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(
                spec("Failing", lean(), "FailingInitHandler"), spec("Echo", lean(), "EchoEventHandler")), "r", "1")) {
            Invoker invoker = new Invoker(runtime);
            invoker.invoke("Failing", "{}");

            assertFalse(invoker.invoke("Echo", "{}").functionError());
        }
    }
}
