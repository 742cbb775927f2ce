package dev.gwemu.samples;

import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** sample-apis/bench answers exactly what serverless-offline's peer sample answers, so the benchmark compares like with like. */
class BenchSampleTest {
    @Test
    void answersNameAsJsonStringifyWould() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(TestPaths.PROJECT_ROOT.resolve("sample-apis/bench/api.yaml"))) {
            HttpResponse<String> world = gateway.get("/dev/hello/world");
            assertEquals(200, world.statusCode());
            assertEquals("{\"name\":\"world\"}", world.body());
            assertEquals("application/json", world.headers().firstValue("Content-Type").orElseThrow());
            // path parameters arrive percent-encoded, as in AWS; JSON.stringify escapes the quote
            assertEquals("{\"name\":\"a%22b\"}", gateway.get("/dev/hello/a%22b").body());
        }
    }

    @Test
    void theMockAndMappingTemplateRowsAnswerTheSameBody() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(TestPaths.PROJECT_ROOT.resolve("sample-apis/bench/api.yaml"))) {
            for (String row : new String[] {"/dev/mock/world", "/dev/vtl/world"}) {
                HttpResponse<String> world = gateway.get(row);
                assertEquals(200, world.statusCode(), row);
                assertEquals("{\"name\":\"world\"}", world.body(), row);
                assertEquals("application/json", world.headers().firstValue("Content-Type").orElseThrow(), row);
            }
        }
    }

    @Test
    void theAuthorizerRowAnswersTheSameBodyAndNeedsItsToken() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(TestPaths.PROJECT_ROOT.resolve("sample-apis/bench/api.yaml"))) {
            for (int i = 0; i < 2; i++) { // the second answer comes through the authorizer cache
                HttpResponse<String> world = gateway.get("/dev/authorized/world?token=bench");
                assertEquals(200, world.statusCode(), world.body());
                assertEquals("{\"name\":\"world\"}", world.body());
            }
            HttpResponse<String> anonymous = gateway.get("/dev/authorized/world");
            assertEquals(401, anonymous.statusCode());
            assertEquals("{\"message\":\"Unauthorized\"}", anonymous.body());
        }
    }

    @Test
    void theHttpApiRowAnswersTheSameBodyAtTheRoot() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(TestPaths.PROJECT_ROOT.resolve("sample-apis/bench/http-api.yaml"))) {
            HttpResponse<String> world = gateway.get("/hello/world");
            assertEquals(200, world.statusCode(), world.body());
            assertEquals("{\"name\":\"world\"}", world.body());
            // HTTP APIs decode path parameters (data-plane.md §3.1), so the quote arrives as a quote
            assertEquals("{\"name\":\"a\\\"b\"}", gateway.get("/hello/a%22b").body());
        }
    }
}
