package dev.gwemu.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every case in testdata/conformance/cases against a real server serving
 * testdata/conformance/rest-api/api.yaml. A case is data: a request, and what AWS answers
 * (status, exact body bytes, headers, and fields of the Lambda event as the echo handler saw it).
 * testdata/conformance/README.md describes the format.
 */
class ConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = RunningGateway.start(TestPaths.CONFORMANCE_API);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestPaths.CONFORMANCE_CASES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = JSON.readTree(file.toFile());
                for (JsonNode c : root.path("cases")) {
                    String label = file.getFileName() + ": " + c.path("name").asText() + " [" + c.path("spec").asText() + "]";
                    cases.add(Arguments.of(Named.of(label, c)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conforms(JsonNode c) throws Exception {
        assertFalse(c.path("spec").asText().isBlank(), "every case cites the spec section it checks");
        HttpResponse<byte[]> response = send(c.path("request"));
        check(c.path("expect"), response);
    }

    private static HttpResponse<byte[]> send(JsonNode request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.uri(request.path("path").asText()));
        byte[] body = request.has("bodyBase64") ? Base64.getDecoder().decode(request.path("bodyBase64").asText())
                : request.has("bodyJson") ? JSON.writeValueAsBytes(request.path("bodyJson"))
                : request.has("body") ? request.path("body").asText().getBytes(StandardCharsets.UTF_8)
                : request.has("bodySize") ? "a".repeat(request.path("bodySize").asInt()).getBytes(StandardCharsets.US_ASCII) : null;
        builder.method(request.path("method").asText("GET"),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (JsonNode header : request.path("headers")) {
            builder.header(header.get(0).asText(), header.get(1).asText());
        }
        return gateway.client().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void check(JsonNode expect, HttpResponse<byte[]> response) throws IOException {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String context = "\nstatus " + response.statusCode() + ", headers " + response.headers().map() + "\nbody: " + body;
        if (expect.has("status")) {
            assertEquals(expect.path("status").asInt(), response.statusCode(), "status" + context);
        }
        if (expect.has("rawBody")) {
            assertEquals(expect.path("rawBody").asText(), body, "exact body" + context);
        }
        if (expect.has("bodyBase64")) {
            assertArrayEquals(Base64.getDecoder().decode(expect.path("bodyBase64").asText()), response.body(), "body bytes" + context);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> values = response.headers().allValues(e.getKey());
            if (e.getValue().isNull()) {
                assertTrue(values.isEmpty(), "header " + e.getKey() + " must be absent" + context);
            } else {
                assertEquals(List.of(e.getValue().asText()), values, "header " + e.getKey() + context);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("headerPatterns").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<String> value = response.headers().firstValue(e.getKey());
            assertTrue(value.isPresent(), "header " + e.getKey() + " must be present" + context);
            assertTrue(Pattern.matches(e.getValue().asText(), value.get()),
                    "header " + e.getKey() + " = '" + value.get() + "' must match " + e.getValue().asText() + context);
        }
        for (JsonNode line : expect.path("headerValues")) {
            // [name, [values...]]: the exact spelling of the name and every value, in order.
            String name = line.get(0).asText();
            Map.Entry<String, List<String>> found = response.headers().map().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst().orElse(null);
            assertNotNull(found, "header " + name + " must be present" + context);
            List<String> expected = new ArrayList<>();
            line.get(1).forEach(v -> expected.add(v.asText()));
            assertEquals(expected, found.getValue(), "values of " + name + context);
        }
        if (expect.has("event") || expect.has("eventPatterns") || expect.has("eventKeys") || expect.has("bodyJson")
                || expect.has("eventEqualsHeader")) {
            JsonNode json = JSON.readTree(response.body());
            checkJson("bodyJson", expect.path("bodyJson"), json, context);
            checkJson("event", expect.path("event"), json, context);
            for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("eventPatterns").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode actual = json.at(e.getKey());
                assertFalse(actual.isMissingNode(), "event " + e.getKey() + " must be present" + context);
                assertTrue(Pattern.matches(e.getValue().asText(), actual.asText()),
                        "event " + e.getKey() + " = '" + actual.asText() + "' must match " + e.getValue().asText() + context);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("eventEqualsHeader").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertEquals(response.headers().firstValue(e.getValue().asText()).orElse("<no header>"), json.at(e.getKey()).asText(),
                        "event " + e.getKey() + " equals header " + e.getValue().asText() + context);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("eventKeys").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> expected = new ArrayList<>();
                e.getValue().forEach(k -> expected.add(k.asText()));
                List<String> actual = new ArrayList<>();
                json.at(e.getKey()).fieldNames().forEachRemaining(actual::add);
                assertEquals(expected, actual, "keys of " + e.getKey() + " in order" + context);
            }
        }
    }

    /** Each pointer's value must equal the expected JSON; "#absent" means the key must not exist. */
    private static void checkJson(String what, JsonNode expected, JsonNode json, String context) {
        if (expected.isMissingNode()) {
            return;
        }
        if (!expected.isObject()) {
            fail(what + " must map JSON pointers to values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode actual = json.at(e.getKey());
            if (e.getValue().isTextual() && e.getValue().asText().equals("#absent")) {
                assertTrue(actual.isMissingNode(), what + " " + e.getKey() + " must be absent" + context);
            } else {
                assertFalse(actual.isMissingNode(), what + " " + e.getKey() + " must be present" + context);
                assertEquals(e.getValue(), actual, what + " " + e.getKey() + context);
            }
        }
    }
}
