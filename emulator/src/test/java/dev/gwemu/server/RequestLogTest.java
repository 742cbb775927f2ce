package dev.gwemu.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.Gateway;
import dev.gwemu.GatewayOptions;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.support.HandlerJarProject;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's line per request, from a real gateway (testdata/access-logs: a REST API with Lambda and MOCK
 * routes, an HTTP API): text, text coloured for a terminal, and JSON.
 */
class RequestLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ESC = "\u001b[";

    @TempDir
    Path folder;

    private record Served(List<String> lines, List<HttpResponse> responses) {
    }

    /** Sends the requests to a new gateway (so each function's first call is a cold start) and returns the log's lines. */
    private Served serve(GatewayOptions options, HttpRequest... requests) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<HttpResponse> responses = new ArrayList<>();
        Path apiYaml = HandlerJarProject.copy(TestPaths.TESTDATA.resolve("access-logs"), Files.createTempDirectory(folder, "p"));
        try (Gateway gateway = Gateway.create(ProjectLoader.load(apiYaml).project(),
                options.withRequestLog(new PrintStream(out, true, StandardCharsets.UTF_8)))) {
            for (HttpRequest request : requests) {
                responses.add(gateway.handle(request));
            }
        }
        return new Served(List.of(out.toString(StandardCharsets.UTF_8).split(System.lineSeparator())), responses);
    }

    private static HttpRequest get(String path, String query) {
        return get("localhost", path, query);
    }

    private static HttpRequest get(String host, String path, String query) {
        return new HttpRequest("GET", path, query, new HeaderList().add("Host", host), new byte[0], "127.0.0.1",
                "HTTP/1.1", "http", 3000);
    }

    private static final HttpRequest[] REQUESTS = {
            get("/dev/pets/1", "color=red"),                           // a Lambda proxy route, its cold start
            get("/dev/pets/2", ""),                                    // warm
            get("/dev/mock", ""),                                      // MOCK: no function
            get("/dev/nothing", ""),                                   // no route: the gateway answers itself
            get("0rdersacc5.execute-api.localhost", "/orders/7", ""), // an HTTP API route
            get("/nostage", ""),                                       // no such stage
    };

    @Test
    void textNamesRouteApiStageFunctionAndColdStart() throws Exception {
        List<String> lines = serve(GatewayOptions.defaults(), REQUESTS).lines();

        assertEquals(6, lines.size(), lines.toString());
        String time = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";
        assertMatches(time + "GET /dev/pets/1\\?color=red -> 200 \\(\\d+ ms, GET /pets/\\{id} of shop/dev, function Echo, cold start\\)", lines.get(0));
        assertMatches(time + "GET /dev/pets/2 -> 200 \\(\\d+ ms, GET /pets/\\{id} of shop/dev, function Echo\\)", lines.get(1));
        assertMatches(time + "GET /dev/mock -> 200 \\(\\d+ ms, GET /mock of shop/dev\\)", lines.get(2));
        assertMatches(time + "GET /dev/nothing -> 403 \\(\\d+ ms, shop/dev\\): Missing Authentication Token", lines.get(3));
        // the same function Echo behind the HTTP API: warm by now
        assertMatches(time + "GET /orders/7 -> 200 \\(\\d+ ms, GET /orders/\\{id} of orders/\\$default, function Echo\\)", lines.get(4));
        assertMatches(time + "GET /nostage -> 403 \\(\\d+ ms\\): API shop has no stage nostage", lines.get(5));
        lines.forEach(line -> assertFalse(line.contains(ESC), "colour only for a terminal: " + line));
    }

    @Test
    void colourMarksTheStatusByItsClassDimsTheDetailsAndIsOtherwiseTheSameLine() throws Exception {
        List<String> plain = serve(GatewayOptions.defaults(), REQUESTS).lines();
        List<String> coloured = serve(GatewayOptions.defaults().withColour(true), REQUESTS).lines();

        assertTrue(coloured.get(0).contains(ESC + "32m200"), coloured.get(0));   // 2xx green
        assertTrue(coloured.get(3).contains(ESC + "33m403"), coloured.get(3));   // 4xx yellow
        assertTrue(coloured.get(0).contains(ESC + "33mcold start"), coloured.get(0));
        assertTrue(coloured.get(0).startsWith(ESC + "2m"), coloured.get(0));     // the time, dimmed
        assertTrue(coloured.get(0).contains(ESC + "2m("), coloured.get(0));      // the details, dimmed
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(withoutTimes(plain.get(i)), withoutTimes(coloured.get(i).replaceAll("\u001b\\[\\d+m", "")));
        }
    }

    @Test
    void fiveHundredsAreRedAndThreeHundredsCyan() throws Exception {
        HttpRequest failing = new HttpRequest("POST", "/dev/scripted", "", new HeaderList().add("Host", "localhost"),
                "{\"throw\":\"boom\"}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1", "http", 3000);
        HttpRequest redirect = new HttpRequest("POST", "/dev/scripted", "", new HeaderList().add("Host", "localhost"),
                "{\"return\":{\"statusCode\":302,\"headers\":{\"Location\":\"/dev/mock\"}}}".getBytes(StandardCharsets.UTF_8),
                "127.0.0.1", "HTTP/1.1", "http", 3000);
        Served served = serve(GatewayOptions.defaults().withColour(true), failing, redirect);

        assertEquals(502, served.responses().get(0).status());
        assertTrue(served.lines().get(0).contains(ESC + "31m502"), served.lines().get(0));
        assertTrue(served.lines().get(0).contains(ESC + "0m: Lambda execution failed due to customer function error: "
                + "{\"errorMessage\":\"boom\""), served.lines().get(0));
        assertEquals(302, served.responses().get(1).status());
        assertTrue(served.lines().get(1).contains(ESC + "36m302"), served.lines().get(1));
    }

    @Test
    void jsonIsOneObjectPerRequestWithTheSameFieldsEveryTime() throws Exception {
        Served served = serve(GatewayOptions.defaults().withLogFormat(RequestLog.Format.JSON), REQUESTS);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : served.lines()) {
            lines.add(JSON.readTree(line));
        }

        List<String> fields = List.of("time", "requestId", "method", "path", "query", "status", "latencyMs", "api",
                "stage", "route", "function", "coldStart", "cached", "canary", "error");
        for (JsonNode line : lines) {
            List<String> names = new ArrayList<>();
            line.fieldNames().forEachRemaining(names::add);
            assertEquals(fields, names, line.toString());
            Instant.parse(line.get("time").asText());
            assertTrue(line.get("latencyMs").isNumber() && line.get("latencyMs").asDouble() >= 0, line.toString());
        }
        JsonNode cold = lines.get(0);
        assertEquals(served.responses().get(0).headers().first("x-amzn-RequestId"), cold.get("requestId").asText());
        assertEquals("GET", cold.get("method").asText());
        assertEquals("/dev/pets/1", cold.get("path").asText());
        assertEquals("color=red", cold.get("query").asText());
        assertEquals(200, cold.get("status").asInt());
        assertEquals("shop", cold.get("api").asText());
        assertEquals("dev", cold.get("stage").asText());
        assertEquals("GET /pets/{id}", cold.get("route").asText());
        assertEquals("Echo", cold.get("function").asText());
        assertTrue(cold.get("coldStart").asBoolean());
        assertFalse(cold.get("cached").asBoolean());
        assertFalse(cold.get("canary").asBoolean());
        assertTrue(cold.get("error").isNull());

        assertFalse(lines.get(1).get("coldStart").asBoolean());
        assertTrue(lines.get(1).get("query").isNull());
        assertTrue(lines.get(2).get("function").isNull());
        assertEquals("Missing Authentication Token", lines.get(3).get("error").asText());
        assertTrue(lines.get(3).get("route").isNull());
        JsonNode http = lines.get(4);
        assertEquals(served.responses().get(4).headers().first("apigw-requestid"), http.get("requestId").asText());
        assertEquals("GET /orders/{id}", http.get("route").asText());
        assertEquals("$default", http.get("stage").asText());
        JsonNode noStage = lines.get(5);
        assertEquals("shop", noStage.get("api").asText());
        assertTrue(noStage.get("stage").isNull());
        assertEquals(403, noStage.get("status").asInt());
    }

    private static String withoutTimes(String line) {
        return line.replaceFirst("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3}", "T").replaceAll("\\(\\d+ ms", "(N ms");
    }

    private static void assertMatches(String regex, String line) {
        assertTrue(line.matches(regex), "expected /" + regex + "/ but was: " + line);
    }

}
