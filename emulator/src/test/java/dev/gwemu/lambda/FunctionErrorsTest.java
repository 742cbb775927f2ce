package dev.gwemu.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.gwemu.lambda.HandlerFormsTest.proxyEvent;
import static dev.gwemu.lambda.HandlerJars.PACKAGE;
import static dev.gwemu.lambda.HandlerJars.lean;
import static dev.gwemu.lambda.HandlerJars.spec;
import static dev.gwemu.lambda.Invoker.body;
import static dev.gwemu.lambda.Invoker.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Handler faults become Lambda's function error payloads; none of them takes the runtime down. */
class FunctionErrorsTest {
    private static LambdaRuntime runtime;
    private static Invoker invoker;

    @BeforeAll
    static void load() throws Exception {
        runtime = new LambdaRuntime(List.of(
                spec("Throwing", lean(), "ThrowingHandler"),
                spec("Boom", lean(), "MethodFormsHandler::boom"),
                spec("Slow", lean(), "ScriptedResponseHandler", 1),
                spec("Stubborn", lean(), "StubbornSleepHandler", 1),
                spec("SlowCounter", lean(), "InitCountingHandler", 1)), "us-east-1", "123456789012");
        invoker = new Invoker(runtime);
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void anExceptionGivesMessageTypeAndTheHandlersStackTrace() {
        InvokeResult result = invoker.invoke("Throwing", "{\"fail\":\"exception\"}");

        assertTrue(result.functionError());
        JsonNode error = json(result);
        assertEquals(List.of("errorMessage", "errorType", "stackTrace"), fieldNames(error), "no cause: Lambda has none");
        assertEquals("outer failure", error.get("errorMessage").asText());
        assertEquals("java.lang.IllegalStateException", error.get("errorType").asText());
        assertTrue(error.get("stackTrace").get(0).asText().startsWith(PACKAGE + "ThrowingHandler.handleRequest(ThrowingHandler.java:"),
                error.toString());
        assertNoRuntimeFrames(error);
    }

    @Test
    void aMethodHandlersTraceEndsAtTheReflectionFramesLikeLambdas() {
        JsonNode error = json(invoker.invoke("Boom", "{}"));

        assertEquals("java.lang.IllegalArgumentException", error.get("errorType").asText());
        assertEquals("method failed", error.get("errorMessage").asText());
        assertTrue(error.get("stackTrace").get(0).asText().startsWith(PACKAGE + "MethodFormsHandler.boom("));
        JsonNode frames = error.get("stackTrace");
        assertTrue(frames.get(frames.size() - 1).asText().contains("java.lang.reflect.Method.invoke"), error.toString());
        assertNoRuntimeFrames(error);
    }

    @Test
    void errorsAreFunctionErrorsToo() {
        assertEquals("java.lang.AssertionError", json(invoker.invoke("Throwing", "{\"fail\":\"error\"}")).get("errorType").asText());
    }

    @Test
    void stackOverflowIsReportedAndSurvived() {
        InvokeResult overflow = invoker.invoke("Throwing", "{\"fail\":\"stackOverflow\"}");

        assertTrue(overflow.functionError());
        assertEquals("java.lang.StackOverflowError", json(overflow).get("errorType").asText());
        assertEquals("outer failure", json(invoker.invoke("Throwing", "{}")).get("errorMessage").asText());
    }

    @Test
    void outOfMemoryIsReportedAndSurvived() {
        InvokeResult oom = invoker.invoke("Throwing", "{\"fail\":\"outOfMemory\"}");

        assertTrue(oom.functionError());
        assertEquals("java.lang.OutOfMemoryError", json(oom).get("errorType").asText());
        assertEquals("outer failure", json(invoker.invoke("Throwing", "{}")).get("errorMessage").asText());
    }

    @Test
    void aSleepingHandlerTimesOutWithLambdasMessageAndTheFunctionKeepsWorking() {
        InvokeResult timedOut = invoker.invoke("Slow", proxyEvent("{\"sleepMillis\": 20000}", false));

        assertTrue(timedOut.functionError());
        JsonNode error = json(timedOut);
        assertEquals(List.of("errorMessage"), fieldNames(error));
        String expected = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z " + timedOut.awsRequestId()
                + " Task timed out after 1\\.00 seconds";
        assertTrue(error.get("errorMessage").asText().matches(expected), error.toString());

        InvokeResult after = invoker.invoke("Slow", proxyEvent("{\"return\": {\"statusCode\": 204}}", false));
        assertFalse(after.functionError(), after.payloadText());
        assertEquals("{\"statusCode\": 204}", after.payloadText());
    }

    @Test
    void aHandlerIgnoringInterruptsIsAbandoned() {
        InvokeResult timedOut = invoker.invoke("Stubborn", "{\"millis\": 4000}");
        InvokeResult after = invoker.invoke("Stubborn", "{\"millis\": 0}");

        assertTrue(timedOut.functionError());
        assertTrue(json(timedOut).get("errorMessage").asText().endsWith("Task timed out after 1.00 seconds"));
        assertFalse(after.functionError(), after.payloadText());
        assertEquals("\"woke up\"", after.payloadText());
    }

    @Test
    void aTimeoutResetsTheExecutionEnvironmentLikeLambda() {
        body(invoker.invoke("SlowCounter", "{}"));
        assertTrue(invoker.invoke("SlowCounter", "{\"sleepMillis\": 20000}").functionError());

        JsonNode afterReset = body(invoker.invoke("SlowCounter", "{}"));

        // a fresh class loader: static state starts over, as in a new Lambda sandbox
        assertEquals(1, afterReset.get("instances").asInt());
        assertEquals(1, afterReset.get("invocations").asInt());
    }

    private static void assertNoRuntimeFrames(JsonNode error) {
        for (JsonNode frame : error.get("stackTrace")) {
            assertFalse(frame.asText().contains("dev.gwemu.lambda."), "runtime frame leaked: " + frame);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
