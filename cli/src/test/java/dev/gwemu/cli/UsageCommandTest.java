package dev.gwemu.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gwemu usage} against a {@code gwemu start} running in another JVM. */
class UsageCommandTest {
    private static final Pattern SERVING = Pattern.compile("gwemu: serving on http://127\\.0\\.0\\.1:(\\d+) ");
    private static final String KEY = "alice-key-0123456789abcdef";
    private Process process;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void printsThePlansUsageOfToday() throws Exception {
        Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.1\ninfo: {title: u, version: '1'}\n"
                + "components:\n  securitySchemes:\n    api_key: {type: apiKey, name: x-api-key, in: header}\npaths:\n"
                + "  /pets:\n    get:\n      security: [{api_key: []}]\n      responses: {'200': {description: ok}}\n"
                + "      x-amazon-apigateway-integration:\n        type: mock\n"
                + "        requestTemplates: {application/json: '{\"statusCode\": 200}'}\n"
                + "        responses: {default: {statusCode: '200'}}\n");
        Path api = Files.writeString(dir.resolve("api.yaml"), """
                apis: [{name: petstore, definition: openapi.yaml, stages: {prod: {}}}]
                apiKeys: [{name: alice, value: %s, enabled: true}]
                usagePlans: [{name: gold, apiStages: [{api: petstore, stage: prod}], quota: {limit: 10, period: DAY}, keys: [alice]}]
                """.formatted(KEY));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GwemuCommand.class.getName(), "start", api.toString(), "--port", "0"));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        int port = -1;
        List<String> lines = new ArrayList<>();
        for (String line; port < 0 && (line = out.readLine()) != null; ) {
            lines.add(line);
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
        }
        assertTrue(port > 0, "gwemu did not start: " + lines);
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/prod/pets"))
                    .header("x-api-key", KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
        }

        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = GwemuCommand.commandLine().execute("usage", "--plan", "gold", "--port", Integer.toString(port));
        } finally {
            System.setOut(original);
        }
        assertEquals(0, status);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String json = printed.toString(StandardCharsets.UTF_8).trim();
        assertTrue(json.matches("\\{\"usagePlanId\":\"gold\",\"startDate\":\"" + today + "\",\"endDate\":\"" + today
                + "\",.*\"items\":\\{\"[a-z0-9]+\":\\[\\[2,8]]}}"), json);
        assertEquals(1, GwemuCommand.commandLine().execute("usage", "--plan", "nope", "--port", Integer.toString(port)));
    }
}
