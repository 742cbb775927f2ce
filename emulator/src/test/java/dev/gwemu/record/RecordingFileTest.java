package dev.gwemu.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON-lines form of exchanges: what is written, that it reads back the same, and how bad lines are reported. */
class RecordingFileTest {
    @TempDir
    Path dir;

    static Exchange exchange(String method, String path, String query, byte[] requestBody, int status, byte[] responseBody) {
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
        requestHeaders.put("Host", List.of("abc123defg.execute-api.us-east-1.amazonaws.com"));
        requestHeaders.put("Accept", List.of("application/json", "text/plain"));
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        responseHeaders.put("Content-Type", List.of("application/json"));
        return new Exchange(Instant.parse("2025-01-02T03:04:05.678Z"),
                new Exchange.Request(method, path, query, requestHeaders, requestBody),
                new Exchange.Response(status, responseHeaders, responseBody), 12, null);
    }

    @Test
    void writesOneDocumentedObjectPerLine() {
        String line = ExchangeJson.write(exchange("POST", "/dev/pets", "a=1&b=%20", "{\"n\":1}".getBytes(StandardCharsets.UTF_8),
                201, "{\"id\":7}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("{\"gwemu\":1,\"time\":\"2025-01-02T03:04:05.678Z\",\"latencyMs\":12,"
                + "\"request\":{\"method\":\"POST\",\"path\":\"/dev/pets\",\"query\":\"a=1&b=%20\","
                + "\"headers\":{\"Host\":[\"abc123defg.execute-api.us-east-1.amazonaws.com\"],\"Accept\":[\"application/json\",\"text/plain\"]},"
                + "\"body\":\"{\\\"n\\\":1}\"},"
                + "\"response\":{\"status\":201,\"headers\":{\"Content-Type\":[\"application/json\"]},\"body\":\"{\\\"id\\\":7}\"}}", line);
        assertTrue(!line.contains("\n"));
    }

    @Test
    void textBinaryEmptyAndFailedExchangesReadBackTheSame() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        byte[] unicode = "grüße\n✓ \"quoted\"\ttab".getBytes(StandardCharsets.UTF_8);
        List<Exchange> written = List.of(
                exchange("GET", "/dev/pets/1", "", new byte[0], 200, unicode),
                exchange("PUT", "/dev/photos/a%2Fb", "x=1", png, 200, png),
                new Exchange(null, new Exchange.Request("GET", "/", "", Map.of(), null), null, 30_001,
                        "the target did not answer within 30 s"));
        Path file = dir.resolve("rec.jsonl");
        try (RecordingWriter writer = RecordingWriter.create(file)) {
            for (Exchange exchange : written) {
                writer.write(exchange);
            }
            assertEquals(3, writer.written());
        }
        assertTrue(Files.readAllLines(file).get(1).contains("\"bodyBase64\":\"iVBORwABAv8=\""), "binary as base64");
        List<RecordingReader.Entry> read = RecordingReader.read(file);
        assertEquals(List.of(1, 2, 3), read.stream().map(RecordingReader.Entry::line).toList());
        for (int i = 0; i < written.size(); i++) {
            assertSame(written.get(i), read.get(i).exchange());
        }
        assertNull(read.get(2).exchange().response());
        assertEquals("the target did not answer within 30 s", read.get(2).exchange().error());
    }

    @Test
    void appendingAddsLinesAndBlankLinesAreSkippedWithTheirNumbersKept() throws Exception {
        Path file = dir.resolve("rec.jsonl");
        try (RecordingWriter writer = RecordingWriter.create(file)) {
            writer.write(exchange("GET", "/dev/a", "", null, 200, null));
        }
        Files.writeString(file, "\n   \n", java.nio.file.StandardOpenOption.APPEND);
        try (RecordingWriter writer = RecordingWriter.append(file)) {
            writer.write(exchange("GET", "/dev/b", "", null, 404, null));
        }
        List<RecordingReader.Entry> read = RecordingReader.read(file);
        assertEquals(List.of(1, 4), read.stream().map(RecordingReader.Entry::line).toList());
        assertEquals("/dev/b", read.get(1).exchange().request().path());
    }

    @Test
    void concurrentWritersLeaveWholeLines() throws Exception {
        Path file = dir.resolve("rec.jsonl");
        byte[] body = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (RecordingWriter writer = RecordingWriter.create(file)) {
            for (int i = 0; i < 200; i++) {
                String path = "/dev/" + i;
                pool.submit(() -> {
                    writer.write(exchange("POST", path, "", body, 200, body));
                    return null;
                });
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        List<RecordingReader.Entry> read = RecordingReader.read(file);
        assertEquals(200, read.size());
        assertEquals(200, read.stream().map(e -> e.exchange().request().path()).distinct().count());
    }

    @Test
    void aBadLineIsReportedWithItsFileLineAndReason() throws Exception {
        String good = ExchangeJson.write(exchange("GET", "/dev/a", "", null, 200, null));
        assertBad(good + "\n{\"gwemu\":1,\n", 2, "not JSON");
        assertBad("[1,2]\n", 1, "not a JSON object");
        assertBad(good + "\n" + good + "\n" + good.replace("\"gwemu\":1", "\"gwemu\":2") + "\n", 3,
                "format version 2 is not one this gwemu reads (1)");
        assertBad(good.replace("\"gwemu\":1,", ""), 1, "no \"gwemu\" format version");
        assertBad(good.replace("\"status\":200", "\"status\":42"), 1, "/response/status is not an HTTP status");
        assertBad(good.replace("\"method\":\"GET\"", "\"method\":\"GET\",\"bodyBase46\":\"x\""), 1,
                "unknown field /request/bodyBase46");
        assertBad(good.replace("\"path\":\"/dev/a\"", "\"path\":\"dev/a\""), 1, "/request/path does not start with '/'");
        assertBad(good.replace("\"method\":\"GET\"", "\"method\":\"GET\",\"bodyBase64\":\"*not*\""), 1,
                "/request/bodyBase64 is not base64");
        assertBad(good.replace("\"method\":\"GET\"", "\"method\":\"GET\",\"body\":\"a\",\"bodyBase64\":\"YQ==\""), 1,
                "/request has both body and bodyBase64");
        assertBad(good.replace("\"Content-Type\":[\"application/json\"]", "\"Content-Type\":[1]"), 1,
                "/response/headers/Content-Type has a value that is not a string");
        assertBad(good.replace(",\"response\":{\"status\":200,\"headers\":{\"Content-Type\":[\"application/json\"]}}", ""), 1,
                "neither \"response\" nor \"error\"");
        assertBad(good.replace("\"time\":\"2025-01-02T03:04:05.678Z\"", "\"time\":\"yesterday\""), 1,
                "/time is not an ISO-8601 instant");
        assertBad(good.replace("\"request\":{", "\"request\":{\"nope\":1,").replace("\"method\":\"GET\",", ""), 1,
                "unknown field /request/nope");
        Path latin1 = dir.resolve("latin1.jsonl");
        Files.write(latin1, (good + "\n{\"x\":\"caf\u00e9\"}\n").getBytes(StandardCharsets.ISO_8859_1));
        RecordingException e = assertThrows(RecordingException.class, () -> RecordingReader.read(latin1));
        assertEquals("not UTF-8 text", e.reason());
    }

    @Test
    void handWrittenLinesMayGiveAHeaderAsOneStringAndLeaveOutTimes() {
        Exchange exchange = ExchangeJson.read("{\"gwemu\":1,\"request\":{\"method\":\"GET\",\"path\":\"/dev/pets\","
                + "\"headers\":{\"Accept\":\"application/json\"}},\"response\":{\"status\":200,\"body\":\"[]\"}}");
        assertEquals(List.of("application/json"), exchange.request().headers().get("Accept"));
        assertNull(exchange.time());
        assertEquals(0, exchange.latencyMs());
        assertEquals("[]", new String(exchange.response().body(), StandardCharsets.UTF_8));
    }

    private void assertBad(String content, int line, String reason) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.jsonl"), content);
        RecordingException e = assertThrows(RecordingException.class, () -> RecordingReader.read(file));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().startsWith(reason), e.reason());
        assertEquals(file + ":" + line + ": " + e.reason(), e.getMessage());
    }

    private static void assertSame(Exchange expected, Exchange actual) {
        assertEquals(expected.time(), actual.time());
        assertEquals(expected.latencyMs(), actual.latencyMs());
        assertEquals(expected.error(), actual.error());
        assertEquals(expected.request().method(), actual.request().method());
        assertEquals(expected.request().path(), actual.request().path());
        assertEquals(expected.request().query(), actual.request().query());
        assertEquals(expected.request().headers(), actual.request().headers());
        assertArrayEquals(expected.request().body(), actual.request().body());
        if (expected.response() != null) {
            assertEquals(expected.response().status(), actual.response().status());
            assertEquals(expected.response().headers(), actual.response().headers());
            assertArrayEquals(expected.response().body(), actual.response().body());
        }
    }
}
