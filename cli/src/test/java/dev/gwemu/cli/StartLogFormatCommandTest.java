package dev.gwemu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gwemu start --log-format}: the request lines and the functions' lines a separate gwemu process prints. */
class StartLogFormatCommandTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GwemuProcesses processes = new GwemuProcesses();

    @AfterEach
    void stop() {
        processes.close();
    }

    private Process gwemu(String... args) throws IOException {
        return processes.start(args);
    }

    /** Starts the petstore sample, GETs /dev/pets/1 once, stops it with SIGTERM and returns everything it printed after the banner. */
    private List<String> oneRequest(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("start", ROOT.resolve("sample-apis/petstore/api.yaml").toString(), "--port", "0"));
        args.addAll(List.of(options));
        Process p = gwemu(args.toArray(String[]::new));
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> banner = new ArrayList<>();
        int port = GwemuProcesses.servingPort(out, banner);
        assertTrue(port > 0, "no 'serving on' line in " + banner);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/dev/pets/1")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "gwemu did not stop on SIGTERM");
        List<String> rest = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            rest.add(line);
        }
        rest.add(response.headers().firstValue("x-amzn-RequestId").orElseThrow()); // last: the id the client got
        return rest;
    }

    @Test
    void jsonPrintsOneObjectPerRequestAndTheFunctionsLinesAsObjects() throws Exception {
        List<String> lines = oneRequest("--log-format", "json");
        String requestId = lines.remove(lines.size() - 1);
        assertEquals("gwemu: stopped", lines.remove(lines.size() - 1));

        List<JsonNode> requests = new ArrayList<>();
        List<String> functionMessages = new ArrayList<>();
        for (String line : lines) {
            JsonNode object = JSON.readTree(line); // every line while serving is JSON
            if (object.has("requestId")) {
                requests.add(object);
            } else {
                assertEquals("GetPet", object.get("function").asText(), line);
                functionMessages.add(object.get("message").asText());
            }
        }
        assertEquals(1, requests.size(), lines.toString());
        JsonNode request = requests.get(0);
        assertEquals(requestId, request.get("requestId").asText());
        assertEquals("/dev/pets/1", request.get("path").asText());
        assertEquals(200, request.get("status").asInt());
        assertEquals("GET /pets/{petId}", request.get("route").asText());
        assertEquals("petstore", request.get("api").asText());
        assertEquals("GetPet", request.get("function").asText());
        assertTrue(request.get("coldStart").asBoolean());
        assertTrue(functionMessages.stream().anyMatch(m -> m.startsWith("START RequestId: ")), functionMessages.toString());
        assertTrue(functionMessages.stream().anyMatch(m -> m.startsWith("REPORT RequestId: ") && m.contains("Init Duration")),
                functionMessages.toString());
    }

    @Test
    void textIsThePlainLineWhenOutputIsNoTerminal() throws Exception {
        List<String> lines = oneRequest();

        String requestLine = lines.stream().filter(l -> l.contains(" GET /dev/pets/1 -> ")).findFirst().orElseThrow();
        assertTrue(requestLine.endsWith("-> 200 (" + requestLine.replaceAll(".*\\((\\d+) ms.*", "$1")
                + " ms, GET /pets/{petId} of petstore/dev, function GetPet, cold start)"), requestLine);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[GetPet] START RequestId: ")), lines.toString());
        lines.forEach(line -> assertFalse(line.contains("\u001b["), "no colour into a pipe: " + line));
    }

    @Test
    void anUnknownLogFormatIsAWrongOption() throws Exception {
        Process p = gwemu("start", ROOT.resolve("sample-apis/petstore/api.yaml").toString(), "--log-format", "xml");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));

        assertEquals(2, p.exitValue(), output);
        assertTrue(output.contains("'xml' is not a log format: text or json"), output);
    }
}
