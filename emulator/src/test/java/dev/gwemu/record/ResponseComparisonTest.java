package dev.gwemu.record;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseComparisonTest {
    private static Exchange.Response response(int status, String body, String... nameValues) {
        return response(status, body.getBytes(StandardCharsets.UTF_8), nameValues);
    }

    private static Exchange.Response response(int status, byte[] body, String... nameValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.merge(nameValues[i], List.of(nameValues[i + 1]),
                    (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        }
        return new Exchange.Response(status, headers, body);
    }

    private static List<String> subjects(List<Difference> differences) {
        return differences.stream().map(Difference::subject).toList();
    }

    private static ComparisonRules ignoring(String... pointers) {
        return ComparisonRules.defaults().ignoringPaths(java.util.Arrays.stream(pointers).map(JsonPointerPattern::parse).toList());
    }

    @Test
    void equalResponsesHaveNoDifferences() {
        Exchange.Response r = response(200, "{\"a\":1}", "Content-Type", "application/json");
        assertEquals(List.of(), ResponseComparison.compare(r, r, ComparisonRules.defaults()));
    }

    @Test
    void theStatusIsComparedFirst() {
        List<Difference> d = ResponseComparison.compare(response(200, "{}"), response(404, "{}"), ComparisonRules.defaults());
        assertEquals(List.of(new Difference("status", "recorded 200, replayed 404")), d);
    }

    @Test
    void volatileAndServerHeadersAreLeftOutUnlessStrictWhichKeepsOnlyServerHeadersOut() {
        Exchange.Response recorded = response(200, "", "x-amzn-requestid", "a", "X-Amzn-Trace-Id", "Root=1", "date", "Mon",
                "content-length", "0", "Connection", "keep-alive", "Content-Type", "application/json");
        Exchange.Response replayed = response(200, "", "x-amzn-RequestId", "b", "X-Amzn-Trace-Id", "Root=2",
                "Content-Type", "application/json");
        assertEquals(List.of(), ResponseComparison.compare(recorded, replayed, ComparisonRules.defaults()));
        assertEquals(List.of("header x-amzn-requestid", "header X-Amzn-Trace-Id"),
                subjects(ResponseComparison.compare(recorded, replayed, ComparisonRules.strict())));
    }

    @Test
    void headersAreComparedByNameIgnoringCaseWithEveryValueInOrder() {
        Exchange.Response recorded = response(200, "", "content-type", "application/json", "Set-Cookie", "a=1", "Set-Cookie", "b=2",
                "X-Gone", "here");
        Exchange.Response replayed = response(200, "", "Content-Type", "text/plain", "set-cookie", "b=2", "set-cookie", "a=1",
                "X-New", "hello");
        List<Difference> d = ResponseComparison.compare(recorded, replayed, ComparisonRules.defaults());
        assertEquals(List.of(
                new Difference("header content-type", "recorded \"application/json\", replayed \"text/plain\""),
                new Difference("header Set-Cookie", "recorded [\"a=1\", \"b=2\"], replayed [\"b=2\", \"a=1\"]"),
                new Difference("header X-Gone", "recorded \"here\", replayed (absent)"),
                new Difference("header X-New", "recorded (absent), replayed \"hello\"")), d);
    }

    @Test
    void chosenHeadersAloneAreComparedAndIgnoredOnesNever() {
        Exchange.Response recorded = response(200, "", "Content-Type", "application/json", "Location", "/a", "X-Other", "1");
        Exchange.Response replayed = response(200, "", "Content-Type", "application/json", "X-Other", "2");
        ComparisonRules only = ComparisonRules.defaults().onlyHeaders(List.of("content-type", "location"));
        assertEquals(List.of("header Location"), subjects(ResponseComparison.compare(recorded, replayed, only)));
        ComparisonRules ignoring = ComparisonRules.defaults().ignoringHeaders(List.of("location", "x-other"));
        assertEquals(List.of(), ResponseComparison.compare(recorded, replayed, ignoring));
        // A chosen header that neither response has is equal (absent both times), not an error.
        assertEquals(List.of(), ResponseComparison.compare(recorded, recorded, ComparisonRules.defaults().onlyHeaders(List.of("ETag"))));
    }

    @Test
    void jsonBodiesCompareByMeaningAndNameEveryDifferenceByPointer() {
        String recorded = "{\"id\":1,\"name\":\"Rex\",\"price\":1.50,\"tags\":[\"a\",\"b\"],\"owner\":{\"n/a\":null,\"x~y\":1},\"old\":true}";
        String reordered = "{\"price\":1.5,\"tags\":[\"a\",\"b\"],\"name\":\"Rex\",\"id\":1.0,\"owner\":{\"x~y\":1,\"n/a\":null},\"old\":true}";
        assertEquals(List.of(), ResponseComparison.compare(response(200, recorded), response(200, reordered), ComparisonRules.defaults()));

        String changed = "{\"id\":1,\"name\":\"Max\",\"price\":1.5,\"tags\":[\"a\"],\"owner\":{\"n/a\":0,\"x~y\":1},\"new\":[1]}";
        List<Difference> d = ResponseComparison.compare(response(200, recorded), response(200, changed), ComparisonRules.defaults());
        assertEquals(List.of(
                new Difference("body /name", "recorded \"Rex\", replayed \"Max\""),
                new Difference("body /tags/1", "recorded \"b\", not replayed"),
                new Difference("body /owner/n~1a", "recorded null, replayed 0"),
                new Difference("body /old", "recorded true, not replayed"),
                new Difference("body /new", "not recorded, replayed [1]")), d);
    }

    @Test
    void ignoredPointersAndWildcardsLeaveTheirPartsOut() {
        String recorded = "{\"requestId\":\"a\",\"items\":[{\"id\":1,\"at\":\"t1\"},{\"id\":2,\"at\":\"t2\"}],\"meta\":{\"a/b\":1}}";
        String replayed = "{\"requestId\":\"b\",\"items\":[{\"id\":1,\"at\":\"t3\"},{\"id\":2,\"at\":\"t4\"}],\"meta\":{\"a/b\":2}}";
        assertEquals(List.of("body /requestId", "body /items/0/at", "body /items/1/at", "body /meta/a~1b"),
                subjects(ResponseComparison.compare(response(200, recorded), response(200, replayed), ComparisonRules.defaults())));
        assertEquals(List.of("body /meta/a~1b"), subjects(ResponseComparison.compare(response(200, recorded),
                response(200, replayed), ignoring("/requestId", "/items/*/at"))));
        assertEquals(List.of(), ResponseComparison.compare(response(200, recorded), response(200, replayed),
                ignoring("/requestId", "/items/*/at", "/meta/a~1b")));
        assertEquals(List.of(), ResponseComparison.compare(response(200, "<html>"), response(200, "other"), ignoring("")),
                "the empty pointer leaves out any body");
    }

    @Test
    void textBodiesGetAUnifiedDiff() {
        String recorded = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n";
        String replayed = "one\ntwo\nthree\nFOUR\nfive\nsix\nseven\neight\n";
        List<Difference> d = ResponseComparison.compare(response(200, recorded), response(200, replayed), ComparisonRules.defaults());
        assertEquals(1, d.size());
        assertEquals("body", d.get(0).subject());
        assertEquals("text differs from line 4, character 1", d.get(0).summary());
        assertEquals(List.of("--- recorded", "+++ replayed", "@@ -2,6 +2,7 @@", " two", " three", "-four", "+FOUR", " five",
                " six", " seven", "+eight"), d.get(0).detail());
    }

    @Test
    void jsonAgainstTextIsATextDifferenceThatSaysSo() {
        List<Difference> d = ResponseComparison.compare(response(200, "{\"a\":1}"), response(502, "Bad Gateway"),
                ComparisonRules.defaults());
        assertEquals(List.of("status", "body"), subjects(d));
        assertEquals("text differs from line 1, character 1 (recorded is JSON, replayed is not)", d.get(1).summary());
    }

    @Test
    void binaryBodiesSayWhereTheyPart() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        byte[] other = {(byte) 0x89, 'P', 'N', 'G', 1, 9, 3, 4};
        assertEquals(List.of(new Difference("body", "binary bodies differ: recorded 7 bytes, replayed 8 bytes; first different byte at offset 5")),
                ResponseComparison.compare(response(200, png), response(200, other), ComparisonRules.defaults()));
        assertEquals("binary bodies differ: recorded 7 bytes, replayed 4 bytes; first different byte at offset 0 (replayed is text)",
                ResponseComparison.compare(response(200, png), response(200, "text"), ComparisonRules.defaults()).get(0).summary());
        byte[] longer = java.util.Arrays.copyOf(png, 9);
        assertEquals("binary bodies differ: recorded 7 bytes, replayed 9 bytes; the shorter is the start of the longer",
                ResponseComparison.compare(response(200, png), response(200, longer), ComparisonRules.defaults()).get(0).summary());
    }

    @Test
    void gzipBodiesAreComparedInflated() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        }
        Exchange.Response recorded = response(200, zipped.toByteArray(), "Content-Encoding", "gzip");
        Exchange.Response replayed = response(200, "{\"a\": 1}");
        List<Difference> d = ResponseComparison.compare(recorded, replayed, ComparisonRules.defaults());
        assertEquals(List.of("header Content-Encoding"), subjects(d), "the bodies match once inflated");
    }

    @Test
    void pointersAreCheckedWhenGiven() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonPointerPattern.parse("requestId"));
        assertTrue(e.getMessage().contains("starts with '/'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonPointerPattern.parse("/a~2"));
        assertTrue(JsonPointerPattern.parse("/a~1b/~0c/*").matches(List.of("a/b", "~c", "7")));
    }
}
