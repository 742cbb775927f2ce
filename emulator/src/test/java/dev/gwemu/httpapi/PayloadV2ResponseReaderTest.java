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

/** Each bullet of data-plane.md §3.3 for payload format 2.0, with the exact bytes the client gets. */
class PayloadV2ResponseReaderTest {

    private static HttpResponse read(String payload) {
        return PayloadV2ResponseReader.read(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static List<String> lines(HeaderList headers) {
        List<String> lines = new ArrayList<>();
        headers.lines().forEach(h -> lines.add(h.name() + ": " + h.value()));
        return lines;
    }

    // §3.3 bullet 1: structured response

    @Test
    void structuredResponseKeepsStatusHeadersAndBody() {
        HttpResponse r = read("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"text/plain\",\"X-N\":7},\"body\":\"made\"}");
        assertEquals(201, r.status());
        assertEquals(List.of("Content-Type: text/plain", "X-N: 7"), lines(r.headers()));
        assertEquals("made", body(r));
    }

    @Test
    void eachCookieBecomesItsOwnSetCookieHeader() {
        HttpResponse r = read("{\"statusCode\":200,\"cookies\":[\"a=1; Path=/\",\"b=2\"]}");
        assertEquals(List.of("set-cookie: a=1; Path=/", "set-cookie: b=2"), lines(r.headers()));
        assertEquals(0, r.body().length);
    }

    @Test
    void multiValueHeadersAddEveryValueButHeadersWinForTheSameName() {
        HttpResponse r = read("{\"statusCode\":200,\"headers\":{\"x-a\":\"h\"},"
                + "\"multiValueHeaders\":{\"x-a\":[\"m1\"],\"x-b\":[\"1\",\"2\"]}}");
        assertEquals(List.of("x-a: h", "x-b: 1", "x-b: 2"), lines(r.headers()));
    }

    @Test
    void base64BodyIsDecodedWhateverTheContentType() {
        HttpResponse r = read("{\"statusCode\":200,\"headers\":{\"content-type\":\"text/plain\"},"
                + "\"body\":\"aGk=\",\"isBase64Encoded\":true}");
        assertArrayEquals(new byte[]{'h', 'i'}, r.body());
        assertEquals("aGk=", body(read("{\"statusCode\":200,\"body\":\"aGk=\",\"isBase64Encoded\":false}")));
    }

    @Test
    void aBodyWithoutContentTypeIsSentAsPlainText() {
        HttpResponse r = read("{\"statusCode\":200,\"body\":\"{\\\"a\\\":1}\"}");
        assertEquals(List.of("content-type: text/plain; charset=utf-8"), lines(r.headers()));
        assertEquals(List.of("Content-Type: application/json"),
                lines(read("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{}\"}").headers()));
    }

    @Test
    void unknownKeysAreIgnored() {
        HttpResponse r = read("{\"statusCode\":204,\"whatever\":{\"x\":1}}");
        assertEquals(204, r.status());
        assertEquals(List.of(), lines(r.headers()));
    }

    // §3.3 bullet 2: any other valid JSON is a 200 JSON body

    @Test
    void objectWithoutStatusCodeIsTheWholeValueAsJson() {
        HttpResponse r = read("{ \"message\" : \"hi\", \"n\": [1, 2] }");
        assertEquals(200, r.status());
        assertEquals(List.of("content-type: application/json"), lines(r.headers()));
        assertEquals("{\"message\":\"hi\",\"n\":[1,2]}", body(r));
    }

    @Test
    void numberArrayAndNullAreJsonBodies() {
        assertEquals("42", body(read("42")));
        assertEquals("[1,\"a\"]", body(read("[1, \"a\"]")));
        assertEquals("null", body(read("null")));
        assertEquals("true", body(read("true")));
        assertEquals(List.of("content-type: application/json"), lines(read("null").headers()));
    }

    @Test
    void bareStringIsTheBodyWithoutItsQuotes() {
        HttpResponse r = read("\"Hello from Lambda!\"");
        assertEquals(200, r.status());
        assertEquals("Hello from Lambda!", body(r));
        assertEquals(List.of("content-type: application/json"), lines(r.headers()));
    }

    // §3.3 bullet 3: unusable output is 500 {"message":"Internal Server Error"}, never 502

    @Test
    void unusableOutputIsTheHttpApi500() {
        for (String payload : List.of("", "not json", "{\"statusCode\":200", "{} trailing",
                "{\"statusCode\":\"200\"}", "{\"statusCode\":null}", "{\"statusCode\":2.5}", "{\"statusCode\":99}",
                "{\"statusCode\":200,\"body\":{\"a\":1}}", "{\"statusCode\":200,\"headers\":[]}",
                "{\"statusCode\":200,\"headers\":{\"x\":{}}}", "{\"statusCode\":200,\"cookies\":\"a=1\"}",
                "{\"statusCode\":200,\"isBase64Encoded\":\"yes\"}",
                "{\"statusCode\":200,\"body\":\"!!\",\"isBase64Encoded\":true}",
                "{\"statusCode\":200,\"multiValueHeaders\":{\"x\":\"v\"}}")) {
            GatewayException e = assertThrows(GatewayException.class, () -> read(payload), payload);
            assertEquals(500, e.status(), payload);
            assertEquals("{\"message\":\"Internal Server Error\"}", new String(e.fixedBody(), StandardCharsets.UTF_8), payload);
            assertEquals("application/json", e.contentType());
            assertNull(e.type());
        }
    }
}
