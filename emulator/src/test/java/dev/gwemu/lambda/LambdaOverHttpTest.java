package dev.gwemu.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lambda runtime behaviour as a client of API Gateway sees it (testdata/runtime-api). */
class LambdaOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = RunningGateway.start(TestPaths.TESTDATA.resolve("runtime-api/api.yaml"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static CompletableFuture<HttpResponse<String>> post(String path, String body) {
        return gateway.client().sendAsync(HttpRequest.newBuilder(gateway.uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void twoFunctionsSeeTheirOwnEnvironmentWhileRunningConcurrently() throws Exception {
        String names = "COLOR,SHARED,AWS_LAMBDA_FUNCTION_NAME,AWS_LAMBDA_FUNCTION_MEMORY_SIZE,AWS_REGION,HOME,PATH";
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(post("/dev/red", names));
            calls.add(post("/dev/blue", names));
        }
        for (int i = 0; i < calls.size(); i++) {
            HttpResponse<String> response = calls.get(i).get();
            assertEquals(200, response.statusCode(), response.body());
            JsonNode variables = JSON.readTree(response.body()).path("variables");
            boolean red = i % 2 == 0;
            assertEquals(red ? "red" : "blue", variables.path("COLOR").asText());
            assertEquals(red ? "from-red" : null, variables.path("SHARED").isNull() ? null : variables.path("SHARED").asText());
            assertEquals(red ? "Red" : "Blue", variables.path("AWS_LAMBDA_FUNCTION_NAME").asText());
            assertEquals(red ? "128" : "256", variables.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText());
            assertEquals("us-east-1", variables.path("AWS_REGION").asText());
            assertTrue(variables.path("HOME").isNull(), "the host's variables do not leak in: " + variables);
            if (red) {
                assertEquals(System.getenv("PATH"), variables.path("PATH").asText(), "inheritEnvironment: [PATH]");
            } else {
                assertTrue(variables.path("PATH").isNull(), "the host's variables do not leak in: " + variables);
            }
        }
    }

    @Test
    void systemExitFailsThatCallOnlyAndTheNextOneIsServed() throws Exception {
        HttpResponse<String> exited = post("/dev/exit", "exit:3").get();
        assertEquals(502, exited.statusCode());
        assertEquals("{\"message\": \"Internal server error\"}", exited.body());
        HttpResponse<String> halted = post("/dev/exit", "halt:1").get();
        assertEquals(502, halted.statusCode());
        HttpResponse<String> healthy = post("/dev/exit", "nothing").get();
        assertEquals(200, healthy.statusCode());
        assertEquals("{\"alive\":true}", healthy.body());
        assertEquals(200, post("/dev/red", "COLOR").get().statusCode(), "other functions keep serving");
    }

    @Test
    void overReservedConcurrencyTheCallIsThrottledAndApiGatewayAnswers500() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = post("/dev/single", "{\"sleepMillis\":800,\"return\":{\"statusCode\":200,\"body\":\"slow\"}}");
        Thread.sleep(300); // the first call now holds the function's only environment
        HttpResponse<String> throttled = post("/dev/single", "{\"return\":{\"statusCode\":200,\"body\":\"fast\"}}").get();
        assertEquals(500, throttled.statusCode());
        assertEquals("{\"message\": \"Internal server error\"}", throttled.body());
        assertEquals("InternalServerErrorException", throttled.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals("slow", slow.get().body());
        assertEquals("fast", post("/dev/single", "{\"return\":{\"statusCode\":200,\"body\":\"fast\"}}").get().body(),
                "once the environment is free again the function serves");
    }

    @Test
    void aBusyLoopTimesOutWith502WhileEverythingElseKeepsServing() throws Exception {
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> busy = post("/dev/busy", "2500");
        Thread.sleep(200);
        HttpResponse<String> meanwhile = post("/dev/red", "COLOR").get();
        assertEquals(200, meanwhile.statusCode(), "other functions serve while the loop spins");
        HttpResponse<String> timedOut = busy.get();
        assertEquals(502, timedOut.statusCode());
        assertEquals("{\"message\": \"Internal server error\"}", timedOut.body());
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 2000, "answered at the 1 s timeout, not when the loop ended: " + tookMillis + " ms");
        HttpResponse<String> next = post("/dev/busy", "10").get();
        assertEquals(200, next.statusCode(), "a fresh environment serves the next call");
        assertEquals("spun 10 ms", next.body());
    }

    @Test
    void aJavaScriptAsyncHandlerServesThroughApiGateway() throws Exception {
        HttpResponse<String> response = gateway.get("/dev/js/async?name=Grace");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("hello Grace", body.get("message").asText());
        assertEquals("purple", body.get("color").asText(), "its own environment");
        assertEquals("JsAsync", body.get("functionName").asText());
        assertEquals(response.headers().firstValue("x-amzn-RequestId").isPresent(), true);
    }

    @Test
    void aJavaScriptCallbackHandlerServesThroughApiGateway() throws Exception {
        HttpResponse<String> response = post("/dev/js/callback", "{}").get();
        assertEquals(201, response.statusCode(), response.body());
        assertEquals("{\"message\":\"hello callback\"}", response.body());
    }

    @Test
    void javaAndJavaScriptFunctionsRunConcurrentlyEachWithItsEnvironment() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> js = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> java = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            js.add(gateway.client().sendAsync(HttpRequest.newBuilder(gateway.uri("/dev/js/async")).build(),
                    HttpResponse.BodyHandlers.ofString()));
            java.add(post("/dev/blue", "COLOR"));
        }
        for (CompletableFuture<HttpResponse<String>> call : js) {
            HttpResponse<String> response = call.get();
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("purple", JSON.readTree(response.body()).get("color").asText());
        }
        for (CompletableFuture<HttpResponse<String>> call : java) {
            assertEquals("blue", JSON.readTree(call.get().body()).path("variables").path("COLOR").asText());
        }
    }

    @Test
    void aJavaScriptErrorIs502AndABusyLoopIsCancelledAtItsTimeout() throws Exception {
        HttpResponse<String> thrown = gateway.get("/dev/js/throws");
        assertEquals(502, thrown.statusCode());
        assertEquals("{\"message\": \"Internal server error\"}", thrown.body());

        long started = System.nanoTime();
        HttpResponse<String> busy = gateway.get("/dev/js/busy");
        assertEquals(502, busy.statusCode());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 5000, "answered at the function's 1 s timeout");
        assertEquals("ok", gateway.get("/dev/js/ok").body(), "the emulator keeps serving JavaScript");
    }

    @Test
    void stackOverflowOutOfMemoryAndCorruptedStaticStateFailOnlyThatCallAndItsEnvironment() throws Exception {
        assertEquals("{\"poisoned\":false,\"served\":1}", post("/dev/crash", "status").get().body());
        for (String crash : List.of("overflow", "oom", "poison")) {
            HttpResponse<String> crashed = post("/dev/crash", crash).get();
            assertEquals(502, crashed.statusCode(), crash);
            assertEquals("{\"message\": \"Internal server error\"}", crashed.body());
            assertEquals("{\"poisoned\":false,\"served\":1}", post("/dev/crash", "status").get().body(),
                    "after " + crash + " the environment was discarded: a fresh one, static state new");
        }
        assertEquals(200, post("/dev/red", "COLOR").get().statusCode(), "other functions never noticed");
    }
}
