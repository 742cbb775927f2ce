package dev.gwemu.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.gwemu.lambda.HandlerJars.lean;
import static dev.gwemu.lambda.HandlerJars.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the request logs learn from an invocation (a cold start or not), and the functions' log lines as JSON. */
class FunctionLogLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onlyTheInvocationThatCreatesAnEnvironmentIsCold() throws Exception {
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(spec("Counter", lean(), "InitCountingHandler")), "r", "1")) {
            InvokeResult first = runtime.invoke("Counter", null, "{}".getBytes()).get(30, TimeUnit.SECONDS);
            InvokeResult second = runtime.invoke("Counter", null, "{}".getBytes()).get(30, TimeUnit.SECONDS);

            assertTrue(first.coldStart());
            assertFalse(second.coldStart());
        }
    }

    @Test
    void aPrewarmedEnvironmentServesItsFirstCallWarm() throws Exception {
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(spec("Counter", lean(), "InitCountingHandler")), "r", "1")) {
            assertEquals(List.of("Counter"), runtime.prewarm());

            assertFalse(runtime.invoke("Counter", null, "{}".getBytes()).get(30, TimeUnit.SECONDS).coldStart());
        }
    }

    @Test
    void jsonLinesAreOneObjectPerLineWithTimeFunctionAndMessage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleLambdaLogger logger = new ConsoleLambdaLogger("Get\"Pet", new PrintStream(out, true, StandardCharsets.UTF_8),
                FunctionLogFormat.JSON);
        Instant before = Instant.now().minusMillis(1);

        logger.log("one \"quoted\"\ttabbed\r\ntwo\n");

        String[] lines = out.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
        assertEquals(2, lines.length, out.toString(StandardCharsets.UTF_8));
        JsonNode first = JSON.readTree(lines[0]);
        assertEquals(List.of("time", "function", "message"), fieldNames(first));
        assertEquals("Get\"Pet", first.get("function").asText());
        assertEquals("one \"quoted\"\ttabbed", first.get("message").asText());
        assertEquals("two", JSON.readTree(lines[1]).get("message").asText());
        String time = first.get("time").asText();
        assertTrue(time.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), time);
        Instant logged = Instant.parse(time);
        assertFalse(logged.isBefore(before) || logged.isAfter(Instant.now()), time);
    }

    @Test
    void aJsonRuntimeWritesStartEndAndReportAsJson() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(spec("Counter", lean(), "InitCountingHandler")), "r", "1",
                new PrintStream(out, true, StandardCharsets.UTF_8), FunctionLogFormat.JSON)) {
            runtime.invoke("Counter", null, "{}".getBytes()).get(30, TimeUnit.SECONDS);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
        assertEquals(3, lines.length, out.toString(StandardCharsets.UTF_8));
        assertTrue(JSON.readTree(lines[0]).get("message").asText().startsWith("START RequestId: "), lines[0]);
        assertTrue(JSON.readTree(lines[1]).get("message").asText().startsWith("END RequestId: "), lines[1]);
        JsonNode report = JSON.readTree(lines[2]);
        assertEquals("Counter", report.get("function").asText());
        assertTrue(report.get("message").asText().contains("\tInit Duration: "), lines[2]);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
