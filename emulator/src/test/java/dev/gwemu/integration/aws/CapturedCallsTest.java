package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.pipeline.HeaderList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The capture log: one JSON line per call, read back per service or all together, safe under concurrency. */
class CapturedCallsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    @TempDir
    Path stateDir;

    private static ServiceCall call(String service, String action, byte[] body, HeaderList headers) {
        return new ServiceCall(service, "us-east-1", action, "POST", service + ".us-east-1.amazonaws.com", "/",
                "Action=" + action, headers, body, "arn:aws:iam::123456789012:role/r");
    }

    @Test
    void writesOneLineWithEveryFieldUnderTheStateDir() throws Exception {
        CapturedCalls calls = new CapturedCalls(stateDir);
        HeaderList headers = new HeaderList().add("Accept", "application/json").add("X-Multi", "a").add("x-multi", "b");
        calls.append(call("kinesis", "PutRecord", "{\"Data\":\"line1\\nline2\"}".getBytes(StandardCharsets.UTF_8),
                headers), 200, T0);

        Path file = stateDir.resolve("aws-calls/kinesis.jsonl");
        List<String> lines = Files.readAllLines(file);
        assertEquals(1, lines.size(), "a body with a line break is still one line");
        JsonNode line = calls.read("kinesis").get(0);
        assertEquals("2026-03-01T10:15:30.123Z", line.get("time").asText());
        assertEquals("kinesis", line.get("service").asText());
        assertEquals("PutRecord", line.get("action").asText());
        assertEquals("us-east-1", line.get("region").asText());
        assertEquals("POST", line.get("method").asText());
        assertEquals("kinesis.us-east-1.amazonaws.com", line.get("host").asText());
        assertEquals("/", line.get("path").asText());
        assertEquals("Action=PutRecord", line.get("query").asText());
        assertEquals("application/json", line.get("headers").get("Accept").get(0).asText());
        assertEquals(2, line.get("headers").get("X-Multi").size());
        assertEquals("arn:aws:iam::123456789012:role/r", line.get("credentials").asText());
        assertEquals("{\"Data\":\"line1\\nline2\"}", line.get("body").asText());
        assertFalse(line.has("bodyBase64"));
        assertEquals(200, line.get("status").asInt());
    }

    @Test
    void redactsCredentialsHeaders() {
        CapturedCalls calls = new CapturedCalls(stateDir);
        HeaderList headers = new HeaderList().add("Authorization", "AWS4-HMAC-SHA256 Credential=AKIA...")
                .add("X-Amz-Security-Token", "FQoGZXIvYXdzE...");
        calls.append(call("sqs", "SendMessage", new byte[0], headers), 200, T0);

        JsonNode line = calls.read("sqs").get(0);
        assertEquals("(redacted)", line.get("headers").get("Authorization").get(0).asText());
        assertEquals("(redacted)", line.get("headers").get("X-Amz-Security-Token").get(0).asText());
        assertFalse(line.toString().contains("AKIA"));
    }

    @Test
    void aBodyThatIsNotUtf8IsWrittenAsBase64() {
        CapturedCalls calls = new CapturedCalls(stateDir);
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe};
        calls.append(call("s3", "PutObject", binary, new HeaderList()), 200, T0);

        JsonNode line = calls.read("s3").get(0);
        assertFalse(line.has("body"));
        assertArrayEquals(binary, Base64.getDecoder().decode(line.get("bodyBase64").asText()));
    }

    @Test
    void readsEveryServiceInTimeOrderAndClears() {
        CapturedCalls calls = new CapturedCalls(stateDir);
        calls.append(call("sqs", "SendMessage", new byte[0], new HeaderList()), 200, T0.plusSeconds(2));
        calls.append(call("kinesis", "PutRecord", new byte[0], new HeaderList()), 200, T0);
        calls.append(call("kinesis", "PutRecords", new byte[0], new HeaderList()), 400, T0.plusSeconds(3));

        assertEquals(List.of("kinesis", "sqs"), calls.services());
        List<String> order = new ArrayList<>();
        calls.readAll().forEach(n -> order.add(n.get("action").asText()));
        assertEquals(List.of("PutRecord", "SendMessage", "PutRecords"), order);
        assertEquals(List.of(), calls.read("events"), "a service without calls has an empty log");

        calls.clear();
        assertEquals(List.of(), calls.services());
        assertEquals(List.of(), calls.readAll());
    }

    @Test
    void aLineThatIsNotJsonIsReportedNotDropped() throws Exception {
        CapturedCalls calls = new CapturedCalls(stateDir);
        calls.append(call("sns", "Publish", new byte[0], new HeaderList()), 200, T0);
        Files.writeString(stateDir.resolve("aws-calls/sns.jsonl"), "{\"cut\": \n", java.nio.file.StandardOpenOption.APPEND);

        List<JsonNode> lines = calls.read("sns");
        assertEquals(2, lines.size());
        assertEquals("{\"cut\": ", lines.get(1).get("unreadable").asText());
        assertEquals(2, lines.get(1).get("line").asInt());
    }

    @Test
    void aServiceNameCannotLeaveTheFolder() {
        CapturedCalls calls = new CapturedCalls(stateDir);
        assertThrows(IllegalArgumentException.class, () -> calls.read("../secrets"));
        assertThrows(IllegalArgumentException.class, () -> calls.read("a/b"));
    }

    @Test
    void manyThreadsAppendWholeLinesWhileAnotherInstanceReads() throws Exception {
        int threads = 8;
        int perThread = 250;
        CapturedCalls writer = new CapturedCalls(stateDir);
        CapturedCalls reader = new CapturedCalls(stateDir); // the admin endpoint's instance shares the file lock
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String body = "{\"writer\":" + id + ",\"n\":" + i + ",\"pad\":\"" + "x".repeat(i % 97) + "\"}";
                        writer.append(call("kinesis", "PutRecord", body.getBytes(StandardCharsets.UTF_8),
                                new HeaderList()), 200, T0);
                    }
                    return null;
                }));
            }
            Future<Integer> reads = pool.submit(() -> {
                start.await();
                int unreadable = 0;
                while (writing.get()) {
                    for (JsonNode line : reader.read("kinesis")) {
                        if (line.has("unreadable")) {
                            unreadable++;
                        }
                    }
                }
                return unreadable;
            });
            start.countDown();
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertEquals(0, reads.get(60, TimeUnit.SECONDS), "a reader never sees half a line");
        } finally {
            pool.shutdownNow();
        }

        List<JsonNode> lines = reader.read("kinesis");
        assertEquals(threads * perThread, lines.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode line : lines) {
            JsonNode body = CaptureAnswers.JSON.readTree(line.get("body").asText());
            assertTrue(seen.add(body.get("writer").asInt() + ":" + body.get("n").asInt()), "each call once");
        }
    }
}
