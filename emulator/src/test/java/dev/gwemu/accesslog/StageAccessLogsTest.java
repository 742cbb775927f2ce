package dev.gwemu.accesslog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.support.HandlerJarProject;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stage access logs over HTTP: a real server, real requests, the lines in the files testdata/access-logs names. */
class StageAccessLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLF = Pattern.compile("127\\.0\\.0\\.1 - - \\[(\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000)] "
            + "\"(\\S+) (\\S+) HTTP/1\\.1\" (\\d{3}) (\\d+) ([0-9a-f-]{36}) (\\S{16})");

    @TempDir
    Path folder;

    private RunningGateway start() throws Exception {
        return RunningGateway.start(HandlerJarProject.copy(TestPaths.TESTDATA.resolve("access-logs"), folder));
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void restStagesLogEachRequestInTheirFormatToTheirFileAndNoOtherStageLogs() throws Exception {
        List<HttpResponse<String>> dev = new ArrayList<>();
        List<HttpResponse<String>> prod = new ArrayList<>();
        try (RunningGateway gateway = start()) {
            dev.add(gateway.get("/dev/pets/1"));
            dev.add(gateway.get("/dev/mock"));
            dev.add(gateway.get("/dev/nothing"));
            prod.add(gateway.send(gateway.request("localhost", "/prod/pets/2").header("User-Agent", "say \"hi\"")));
            prod.add(gateway.get("/prod/nothing"));
            prod.add(gateway.send(gateway.request("localhost", "/prod/scripted")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"throw\":\"boom\"}"))));
            assertEquals(200, gateway.get("/test/pets/3").statusCode()); // a stage without an access log
            assertEquals(403, gateway.get("/nostage/pets/3").statusCode()); // no stage: in no log, as in AWS
        }

        List<String> devLines = lines(folder.resolve("logs/shop-dev.log"));
        assertEquals(3, devLines.size(), devLines.toString());
        String[][] expected = {{"GET", "/pets/{id}", "200"}, {"GET", "/mock", "200"}, {"GET", "-", "403"}};
        for (int i = 0; i < 3; i++) {
            Matcher m = CLF.matcher(devLines.get(i));
            assertTrue(m.matches(), devLines.get(i));
            HttpResponse<String> response = dev.get(i);
            assertEquals(expected[i][0], m.group(2));
            assertEquals(expected[i][1], m.group(3));
            assertEquals(expected[i][2], m.group(4));
            assertEquals(Integer.toString(response.statusCode()), m.group(4));
            assertEquals(Integer.toString(response.body().getBytes(StandardCharsets.UTF_8).length), m.group(5));
            assertEquals(response.headers().firstValue("x-amzn-RequestId").orElseThrow(), m.group(6));
            assertEquals(response.headers().firstValue("x-amz-apigw-id").orElseThrow(), m.group(7));
        }

        // destinationArn: the log group's file under .gwemu/, which ignores itself for git
        Path prodLog = folder.resolve(".gwemu/logs/aws/apigateway/shop-prod.log");
        List<String> prodLines = lines(prodLog);
        assertEquals(3, prodLines.size(), prodLines.toString());
        assertTrue(Files.readString(folder.resolve(".gwemu/.gitignore")).contains("*"));
        JsonNode served = JSON.readTree(prodLines.get(0));
        assertEquals(prod.get(0).headers().firstValue("x-amzn-RequestId").orElseThrow(), served.get("requestId").asText());
        assertEquals("/pets/{id}", served.get("resourcePath").asText());
        assertEquals("200", served.get("status").asText());
        assertEquals("200", served.get("integrationStatus").asText());
        assertTrue(served.get("integrationLatency").asText().matches("\\d+"), prodLines.get(0));
        assertTrue(Long.parseLong(served.get("responseLatency").asText()) >= Long.parseLong(served.get("integrationLatency").asText()));
        assertEquals("say \"hi\"", served.get("userAgent").asText());
        assertEquals("-", served.get("errorMessage").asText());
        assertEquals("-", served.get("caller").asText());

        JsonNode refused = JSON.readTree(prodLines.get(1));
        assertEquals("403", refused.get("status").asText());
        assertEquals("Missing Authentication Token", refused.get("errorMessage").asText());
        assertEquals("MISSING_AUTHENTICATION_TOKEN", refused.get("errorType").asText());
        assertEquals("-", refused.get("integrationStatus").asText());
        assertEquals("-", refused.get("integrationLatency").asText());

        JsonNode failed = JSON.readTree(prodLines.get(2));
        assertEquals(Integer.toString(prod.get(2).statusCode()), failed.get("status").asText());
        assertEquals("502", failed.get("status").asText());
        assertEquals("200", failed.get("integrationStatus").asText()); // Lambda answered, with a function error
        assertEquals("Internal server error", failed.get("errorMessage").asText());

        try (Stream<Path> files = Files.walk(folder)) {
            assertEquals(2, files.filter(p -> p.toString().endsWith(".log")).count(), "only the stages asked to log do");
        }
    }

    @Test
    void anHttpApiStageLogsItsRouteKeyAndTheRequestIdItsClientGot() throws Exception {
        HttpResponse<String> order;
        HttpResponse<String> missing;
        try (RunningGateway gateway = start()) {
            order = gateway.get("/orders/7", "0rdersacc5.execute-api.localhost");
            missing = gateway.get("/nothing", "0rdersacc5.execute-api.localhost");
        }
        assertEquals(200, order.statusCode(), order.body());
        assertEquals(404, missing.statusCode(), missing.body());

        List<String> lines = lines(folder.resolve("logs/orders.log"));
        assertEquals(2, lines.size(), lines.toString());
        JsonNode served = JSON.readTree(lines.get(0));
        assertEquals(order.headers().firstValue("apigw-requestid").orElseThrow(), served.get("requestId").asText());
        assertEquals("GET /orders/{id}", served.get("routeKey").asText());
        assertEquals("GET", served.get("httpMethod").asText());
        assertEquals("200", served.get("status").asText());
        assertEquals("200", served.get("integrationStatus").asText());
        assertEquals("HTTP/1.1", served.get("protocol").asText());
        assertEquals(Integer.toString(order.body().getBytes(StandardCharsets.UTF_8).length), served.get("responseLength").asText());
        assertTrue(served.get("requestTime").asText().matches("\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000"));

        JsonNode notFound = JSON.readTree(lines.get(1));
        assertEquals(missing.headers().firstValue("apigw-requestid").orElseThrow(), notFound.get("requestId").asText());
        assertEquals("-", notFound.get("routeKey").asText());
        assertEquals("404", notFound.get("status").asText());
    }

    @Test
    void linesReachTheFileWhileTheGatewayServes() throws Exception {
        try (RunningGateway gateway = start()) {
            String requestId = gateway.get("/dev/mock").headers().firstValue("x-amzn-RequestId").orElseThrow();
            Path log = folder.resolve("logs/shop-dev.log");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!(Files.exists(log) && Files.readString(log).contains(requestId)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.readString(log).contains(requestId), "the writer thread has not written the line");
        }
    }

    @Test
    void aGracefulStopWritesEveryLineStillHeld() throws Exception {
        List<String> requestIds = new ArrayList<>();
        try (RunningGateway gateway = start()) {
            for (int i = 0; i < 150; i++) {
                requestIds.add(gateway.get("/dev/mock").headers().firstValue("x-amzn-RequestId").orElseThrow());
            }
        } // closed at once: the last lines are still in memory when the stop begins

        List<String> logged = new ArrayList<>();
        for (String line : lines(folder.resolve("logs/shop-dev.log"))) {
            Matcher m = CLF.matcher(line);
            assertTrue(m.matches(), line);
            logged.add(m.group(6));
        }
        assertEquals(requestIds.size(), logged.size(), "lines in the file after the stop");
        assertEquals(requestIds, logged);
    }
}
