package dev.gwemu.httpapi;

import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payload format 1.0 output of an HTTP API (data-plane.md §3.3 last bullet, §2.4): each rule with the exact status,
 * header lines and body bytes the client gets.
 */
class PayloadV1ResponseReaderTest {
    private static final String ISE = "{\"message\":\"Internal Server Error\"}";

    private static HttpResponse read(String payload) {
        return PayloadV1ResponseReader.read(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static List<String> lines(HeaderList headers) {
        List<String> lines = new ArrayList<>();
        headers.lines().forEach(h -> lines.add(h.name() + ": " + h.value()));
        return lines;
    }

    private static void assertInternalServerError(byte[] payload, String what) {
        GatewayException e = assertThrows(GatewayException.class, () -> PayloadV1ResponseReader.read(payload), what);
        assertEquals(500, e.status(), what);
        assertEquals(ISE, new String(e.fixedBody(), StandardCharsets.UTF_8), what);
        assertEquals("application/json", e.contentType(), what);
        assertNull(e.type(), what);
        assertNull(e.errorType(), what);
        assertEquals(List.of(), e.headers(), what);
    }

    private static void assertInternalServerError(String payload) {
        assertInternalServerError(payload.getBytes(StandardCharsets.UTF_8), payload);
    }

    @Test
    void structuredResponseKeepsStatusHeadersAndBody() {
        HttpResponse r = read("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"text/plain\",\"X-N\":7,\"X-B\":true},"
                + "\"body\":\"made\"}");
        assertEquals(201, r.status());
        assertEquals(List.of("Content-Type: text/plain", "X-N: 7", "X-B: true"), lines(r.headers()));
        assertEquals("made", body(r));
    }

    @Test
    void missingContentTypeIsApplicationJsonAndMissingBodyIsEmpty() {
        HttpResponse r = read("{\"statusCode\":204}");
        assertEquals(204, r.status());
        assertEquals(List.of("content-type: application/json"), lines(r.headers()));
        assertArrayEquals(new byte[0], r.body());
        assertEquals(List.of("content-type: application/json"),
                lines(read("{\"statusCode\":200,\"headers\":null,\"multiValueHeaders\":null,\"body\":null}").headers()));
    }

    @Test
    void contentTypeInAnySpellingIsNotDefaulted() {
        assertEquals(List.of("CONTENT-TYPE: image/png"),
                lines(read("{\"statusCode\":200,\"multiValueHeaders\":{\"CONTENT-TYPE\":[\"image/png\"]}}").headers()));
    }

    @Test
    void numericStringStatusIsTakenAsRestDoes() {
        assertEquals(201, read("{\"statusCode\":\"201\"}").status());
        assertEquals(599, read("{\"statusCode\":599}").status());
        assertEquals(100, read("{\"statusCode\":100}").status());
    }

    @Test
    void missingStatusCodeIsA500() {
        assertInternalServerError("{}");
        assertInternalServerError("{\"body\":\"hi\",\"headers\":{\"a\":\"b\"}}");
        assertInternalServerError("{\"statusCode\":null,\"body\":\"hi\"}");
    }

    @Test
    void aValueThatIsNotAnObjectIsA500() {
        for (String payload : List.of("\"Hello from Lambda!\"", "42", "[1,2]", "null", "true")) {
            assertInternalServerError(payload);
        }
    }

    @Test
    void emptyOrNonJsonOutputIsA500() {
        assertInternalServerError(new byte[0], "empty");
        assertInternalServerError(null, "null payload");
        for (String payload : List.of("   ", "not json", "{\"statusCode\":200", "{\"statusCode\":200} {}")) {
            assertInternalServerError(payload);
        }
    }

    @Test
    void unknownKeysAreIgnored() {
        HttpResponse r = read("{\"statusCode\":202,\"wrongValue\":\"x\",\"base64Encoded\":true,\"body\":\"aGk=\"}");
        assertEquals(202, r.status());
        assertEquals("aGk=", body(r));
        assertEquals(List.of("content-type: application/json"), lines(r.headers()));
    }

    @Test
    void cookiesAreIgnoredUnderPayload1() {
        assertTrue(PayloadV1ResponseReader.COOKIES_IGNORED);
        HttpResponse r = read("{\"statusCode\":200,\"cookies\":[\"a=1; Path=/\",\"b=2\"],\"body\":\"x\"}");
        assertEquals(List.of("content-type: application/json"), lines(r.headers()));
        // Not even a malformed cookies value matters: the key is unknown to 1.0.
        assertEquals(200, read("{\"statusCode\":200,\"cookies\":\"a=1\"}").status());
    }

    @Test
    void multiValueHeadersComeFirstAndTheirSpellingWins() {
        HttpResponse r = read("{\"statusCode\":200,\"headers\":{\"test-multi\":\"b\",\"X-Solo\":\"s\"},"
                + "\"multiValueHeaders\":{\"tesT-Multi\":[\"a\"],\"Set-Cookie\":[\"c=1\",\"d=2\"]}}");
        assertEquals(List.of("tesT-Multi: a", "tesT-Multi: b", "Set-Cookie: c=1", "Set-Cookie: d=2", "X-Solo: s",
                "content-type: application/json"), lines(r.headers()));
    }

    @Test
    void theSameNameAndValueInBothAppearsOnce() {
        HttpResponse r = read("{\"statusCode\":200,\"headers\":{\"x-a\":\"1\",\"X-B\":\"2\"},"
                + "\"multiValueHeaders\":{\"X-A\":[\"1\",\"0\"],\"x-b\":[\"1\"],\"x-c\":null}}");
        assertEquals(List.of("X-A: 1", "X-A: 0", "x-b: 1", "x-b: 2", "content-type: application/json"),
                lines(r.headers()));
    }

    @Test
    void base64BodyIsDecodedWhateverTheContentTypeAndWithoutBinaryMediaTypes() {
        HttpResponse r = read("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"text/plain\"},"
                + "\"body\":\"iVBORw==\",\"isBase64Encoded\":true}");
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, r.body());
        assertArrayEquals(new byte[]{'h', 'i'}, read("{\"statusCode\":200,\"body\":\"aGk=\",\"isBase64Encoded\":\"true\"}").body());
        assertArrayEquals(new byte[]{'h', 'i'}, read("{\"statusCode\":200,\"body\":\"aG\\nk=\",\"isBase64Encoded\":true}").body());
        assertEquals("aGk=", body(read("{\"statusCode\":200,\"body\":\"aGk=\",\"isBase64Encoded\":false}")));
        assertEquals("aGk=", body(read("{\"statusCode\":200,\"body\":\"aGk=\",\"isBase64Encoded\":\"false\"}")));
    }

    @Test
    void unusableFieldsAreA500() {
        for (String payload : List.of(
                "{\"statusCode\":\"abc\"}", "{\"statusCode\":2.5}", "{\"statusCode\":99}", "{\"statusCode\":600}",
                "{\"statusCode\":true}", "{\"statusCode\":{}}",
                "{\"statusCode\":200,\"body\":{\"a\":1}}", "{\"statusCode\":200,\"body\":[\"a\"]}",
                "{\"statusCode\":200,\"body\":5}",
                "{\"statusCode\":200,\"headers\":[]}", "{\"statusCode\":200,\"headers\":\"x\"}",
                "{\"statusCode\":200,\"headers\":{\"x\":{}}}", "{\"statusCode\":200,\"headers\":{\"x\":[\"a\"]}}",
                "{\"statusCode\":200,\"multiValueHeaders\":{\"x\":\"v\"}}",
                "{\"statusCode\":200,\"multiValueHeaders\":[]}",
                "{\"statusCode\":200,\"multiValueHeaders\":{\"x\":[{}]}}",
                "{\"statusCode\":200,\"isBase64Encoded\":\"yes\"}", "{\"statusCode\":200,\"isBase64Encoded\":1}",
                "{\"statusCode\":200,\"body\":\"!!\",\"isBase64Encoded\":true}",
                "{\"statusCode\":200,\"body\":\"a b=\",\"isBase64Encoded\":true}")) {
            assertInternalServerError(payload);
        }
    }
}
