package dev.gwemu.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.model.FunctionRuntime;
import dev.gwemu.model.FunctionSpec;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.gwemu.lambda.Invoker.body;
import static dev.gwemu.lambda.Invoker.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Node.js handlers (testdata/nodejs) run as Lambda's Node.js 20 runtime runs them. */
class NodeJsRuntimeTest {
    static final Path CODE = TestPaths.TESTDATA.resolve("nodejs");
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static LambdaRuntime runtime;
    private static Invoker invoker;

    static FunctionSpec js(String name, String handler, int timeoutSeconds) {
        return new FunctionSpec(name, CODE, handler, timeoutSeconds, 256, Map.of("COLOR", "green"), null, List.of(),
                new FunctionRuntime("nodejs20.x"));
    }

    @BeforeAll
    static void start() throws Exception {
        String[][] functions = {{"Async", "async.handler"}, {"Nested", "async.nested.handler"},
                {"Callback", "callback.handler"}, {"Ticks", "callback.ticksAtAnswer"}, {"NoWait", "callback.noWait"},
                {"CallbackError", "callback.error"}, {"Succeed", "callback.succeed"}, {"NeverCalls", "callback.neverCalls"},
                {"Throws", "errors.throws"}, {"ThrowsString", "errors.throwsString"}, {"Custom", "errors.rejectsCustom"},
                {"NeverSettles", "errors.neverSettles"}, {"Exits", "errors.exits"}, {"Cycle", "errors.unserialisable"},
                {"Uncaught", "errors.uncaughtInTimer"}, {"Rejection", "errors.unhandledRejection"},
                {"InitFails", "initfails.handler"}, {"Syntax", "syntax.handler"}, {"Esm", "esm/app.handler"},
                {"Missing", "async.nothing"}, {"NotAFunction", "async.notAFunction"}, {"Globals", "globals.handler"},
                {"MissingDependency", "missingdep.handler"}, {"Absent", "globals.absent"}};
        List<FunctionSpec> specs = new ArrayList<>();
        for (String[] function : functions) {
            specs.add(js(function[0], function[1], 3));
        }
        specs.add(js("Busy", "errors.busyLoop", 1));
        runtime = new LambdaRuntime(specs, "us-east-1", "123456789012", new PrintStream(CONSOLE, true, StandardCharsets.UTF_8));
        invoker = new Invoker(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static InvokeResult invoke(String function) {
        return invoker.invoke(function, "{\"path\":\"/notes\",\"body\":\"quiet\",\"queryStringParameters\":{\"name\":\"Ada\"}}");
    }

    private static String console() {
        return CONSOLE.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAsyncHandlerAnswersWithRequireContextAndItsOwnEnvironment() {
        InvokeResult result = invoke("Async");
        assertFalse(result.functionError(), result.payloadText());
        JsonNode response = json(result);
        assertEquals(200, response.get("statusCode").asInt());
        assertEquals("application/json", response.path("headers").path("content-type").asText());
        JsonNode body = body(result);
        assertEquals("hello Ada", body.get("message").asText(), "required ./lib/greeting");
        assertEquals(result.awsRequestId(), body.get("requestId").asText());
        assertEquals("Async", body.get("functionName").asText());
        assertEquals("256", body.get("memoryLimitInMB").asText(), "a string, as in Node's context");
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:Async", body.get("arn").asText());
        int remaining = body.get("remaining").asInt();
        assertTrue(remaining > 0 && remaining <= 3000, "counts down from the 3 s timeout: " + remaining);
        assertEquals("green", body.get("color").asText());
        assertEquals("AWS_Lambda_nodejs20.x", body.get("executionEnv").asText());
        assertTrue(body.get("home").isNull(), "the host's HOME does not leak into process.env");
    }

    @Test
    void moduleStateLivesAsLongAsTheEnvironmentAndEachConcurrentCallGetsItsOwn() throws Exception {
        int first = body(invoke("Async")).get("invocations").asInt();
        assertEquals(first + 1, body(invoke("Async")).get("invocations").asInt(), "the warm environment is reused");

        List<CompletableFuture<InvokeResult>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(runtime.invoke("Async", null, "{}".getBytes(StandardCharsets.UTF_8)));
        }
        List<Integer> counts = new ArrayList<>();
        for (CompletableFuture<InvokeResult> call : calls) {
            counts.add(body(call.get(30, TimeUnit.SECONDS)).get("invocations").asInt());
        }
        assertTrue(counts.contains(1), "an overlapping call cold-starts a context of its own, with fresh module state: "
                + counts);
        assertTrue(runtime.environmentCount("Async") >= 2, "overlapping calls run in separate contexts");
    }

    @Test
    void aNestedExportAndAnEsModuleHandlerAreFound() {
        assertEquals(204, json(invoke("Nested")).get("statusCode").asInt());
        InvokeResult esm = invoke("Esm");
        assertFalse(esm.functionError(), esm.payloadText());
        assertEquals("QUIET!", json(esm).get("body").asText(), "app.mjs imported ./shout.mjs");
    }

    @Test
    void aCallbackHandlerAnswersWhenTheEventLoopIsEmpty() {
        InvokeResult callback = invoke("Callback");
        assertEquals("{\"statusCode\":201,\"body\":\"{\\\"message\\\":\\\"hello callback\\\"}\"}", callback.payloadText());
        assertEquals("3", json(invoke("Ticks")).get("body").asText(),
                "the answer waited for the interval to end before it was serialised");
    }

    @Test
    void callbackWaitsForEmptyEventLoopFalseAnswersAtOnce() {
        long started = System.nanoTime();
        InvokeResult result = invoke("NoWait");
        assertEquals("did not wait", json(result).get("body").asText());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "a pending 60 s timer did not hold the answer");
    }

    @Test
    void contextSucceedAndAHandlerThatNeverCallsBack() {
        assertEquals("legacy succeed", json(invoke("Succeed")).get("body").asText());
        InvokeResult never = invoke("NeverCalls");
        assertFalse(never.functionError());
        assertEquals("null", never.payloadText(), "Lambda answers null when the loop empties without a callback");
    }

    @Test
    void errorsAreReportedAsTheNodeRuntimeReportsThem() {
        InvokeResult thrown = invoke("Throws");
        assertTrue(thrown.functionError());
        JsonNode error = json(thrown);
        assertEquals("Error", error.get("errorType").asText());
        assertEquals("boom", error.get("errorMessage").asText());
        assertEquals("Error: boom", error.get("trace").get(0).asText());
        assertTrue(error.get("trace").get(1).asText().contains("errors.js:3"), error.toString());

        JsonNode string = json(invoke("ThrowsString"));
        assertEquals("{\"errorType\":\"string\",\"errorMessage\":\"plain string\",\"trace\":[]}", string.toString());

        JsonNode custom = json(invoke("Custom"));
        assertEquals("ValidationError", custom.get("errorType").asText());
        assertEquals("name is required", custom.get("errorMessage").asText());

        JsonNode callbackError = json(invoke("CallbackError"));
        assertEquals("TypeError", callbackError.get("errorType").asText());
        assertEquals("bad input", callbackError.get("errorMessage").asText());
        assertTrue(console().contains("\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":\"bad input\""),
                "logged as the runtime logs it: " + console());

        JsonNode cycle = json(invoke("Cycle"));
        assertEquals("Unable to stringify response body", cycle.get("errorMessage").asText());
    }

    @Test
    void anAsyncHandlerWhosePromiseNeverSettlesFailsWithNodeJsExit() {
        InvokeResult result = invoke("NeverSettles");
        assertTrue(result.functionError());
        assertEquals("Runtime.NodeJsExit", json(result).get("errorType").asText());
    }

    @Test
    void processExitEndsTheEnvironmentAsRuntimeExitError() {
        InvokeResult result = invoke("Exits");
        assertTrue(result.functionError());
        assertEquals("{\"errorMessage\":\"RequestId: " + result.awsRequestId()
                + " Error: Runtime exited with error: exit status 3\",\"errorType\":\"Runtime.ExitError\"}", result.payloadText());
        assertEquals(0, runtime.environmentCount("Exits"), "the environment is discarded");
        assertTrue(invoke("Exits").functionError(), "and the next call runs in a fresh one");
    }

    @Test
    void anUncaughtTimerErrorOrUnhandledRejectionFailsTheCallAndTheEnvironment() {
        JsonNode uncaught = json(invoke("Uncaught"));
        assertEquals("RangeError", uncaught.get("errorType").asText());
        assertEquals("late failure", uncaught.get("errorMessage").asText());
        assertEquals(0, runtime.environmentCount("Uncaught"), "the runtime process would have exited");

        JsonNode rejection = json(invoke("Rejection"));
        assertEquals("Runtime.UnhandledPromiseRejection", rejection.get("errorType").asText());
        assertEquals("Error: nobody listens", rejection.get("errorMessage").asText());
        assertTrue(console().contains("\tERROR\tUnhandled Promise Rejection \t"), console());
    }

    @Test
    void initErrorsNameTheirCause() {
        JsonNode init = json(invoke("InitFails"));
        assertEquals("Error", init.get("errorType").asText());
        assertEquals("cannot connect at init", init.get("errorMessage").asText());
        assertEquals("Runtime.UserCodeSyntaxError", json(invoke("Syntax")).get("errorType").asText());
        JsonNode missing = json(invoke("Missing"));
        assertEquals("Runtime.HandlerNotFound", missing.get("errorType").asText());
        assertEquals("async.nothing is undefined or not exported", missing.get("errorMessage").asText());
        assertEquals("async.notAFunction is not a function", json(invoke("NotAFunction")).get("errorMessage").asText());
        assertTrue(invoke("InitFails").functionError(), "init runs again, and fails again, in a fresh environment");
        JsonNode dependency = json(invoke("MissingDependency"));
        assertEquals("Runtime.ImportModuleError", dependency.get("errorType").asText());
        assertEquals("Error: Cannot find module './not-installed'", dependency.get("errorMessage").asText());
    }

    @Test
    void aBusyLoopTimesOutAndIsCancelledSoTheNextCallIsServed() throws Exception {
        InvokeResult timedOut = invoke("Busy");
        assertTrue(timedOut.functionError());
        assertTrue(json(timedOut).get("errorMessage").asText().endsWith("Task timed out after 1.00 seconds"),
                timedOut.payloadText());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runtime.stuckInvocations("Busy") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, runtime.stuckInvocations("Busy"), "the busy loop was cancelled: no thread stays stuck");
    }

    @Test
    void consoleLinesCarryTimestampRequestIdAndLevel() {
        InvokeResult result = invoke("Async");
        String line = console().lines().filter(l -> l.contains(result.awsRequestId() + "\tINFO\tevent path /notes"))
                .findFirst().orElseThrow(() -> new AssertionError(console()));
        assertTrue(line.matches("\\[Async] \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\t" + result.awsRequestId()
                + "\tINFO\tevent path /notes \\{ invocations: \\d+ }"), line);
        assertNotEquals(-1, console().indexOf("START RequestId: " + result.awsRequestId()));
        assertNotEquals(-1, console().indexOf("REPORT RequestId: " + result.awsRequestId()));
    }

    @Test
    void nodeGlobalsForEventBodiesWorkAsInNode() {
        String form = "text=h%C3%A9llo+w%C3%B6rld&tag=a&tag=b";
        String body = java.util.Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8));
        InvokeResult result = invoker.invoke("Globals", "{\"isBase64Encoded\":true,\"body\":\"" + body + "\"}");
        assertFalse(result.functionError(), result.payloadText());
        JsonNode answer = body(result);
        assertEquals("h\u00e9llo w\u00f6rld", answer.get("text").asText(), "Buffer base64 -> utf8, then URLSearchParams");
        assertEquals("[\"a\",\"b\"]", answer.get("tags").toString());
        assertEquals(13, answer.get("utf8Bytes").asInt());
        assertTrue(answer.get("roundTrip").asBoolean());
        assertEquals(java.util.Base64.getEncoder().encodeToString("h\u00e9llo w\u00f6rld".getBytes(StandardCharsets.UTF_8)),
                answer.get("base64").asText());
        assertEquals("6869", answer.get("hex").asText());
        assertEquals("aGVsbG8=", answer.get("btoa").asText());
        assertEquals("hello", answer.get("atob").asText());
        assertEquals("abc", answer.get("concat").asText());
        assertTrue(answer.get("isBuffer").asBoolean());
        assertEquals("{\"type\":\"Buffer\",\"data\":[65]}", answer.get("json").asText());
        assertTrue(answer.get("global").asBoolean());
        assertEquals("v20.0.0", answer.get("version").asText());
        assertEquals("a=1+2&b=x%26y", answer.get("query").asText());
    }

    @Test
    void graalJsOwnGlobalsAreNotVisibleToHandlers() {
        assertEquals("[]", invoke("Absent").payloadText(), "no print, load, Graal, Java or Polyglot");
    }
}
