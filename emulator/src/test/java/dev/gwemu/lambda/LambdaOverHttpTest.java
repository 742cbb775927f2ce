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
}
