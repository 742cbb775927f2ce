package dev.gwemu.integration;

import dev.gwemu.model.ContentHandling;
import dev.gwemu.model.IntegrationResponse;
import dev.gwemu.pipeline.GatewayException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The content-handling tables and integration-response selection of data-plane.md §4.1 and §4.2. */
class ContentHandlingTest {
    private static final byte[] TEXT = "aGVsbG8=".getBytes(StandardCharsets.US_ASCII); // base64 of "hello"
    private static final byte[] BINARY = "hello".getBytes(StandardCharsets.US_ASCII);

    @Test
    void requestPayloadTable() { // §4.1 item 4
        assertArrayEquals(TEXT, IntegrationRequestMapper.convert(TEXT, false, null), "text, unset: as it is");
        assertArrayEquals(TEXT, IntegrationRequestMapper.convert(TEXT, false, ContentHandling.CONVERT_TO_TEXT));
        assertArrayEquals(BINARY, IntegrationRequestMapper.convert(TEXT, false, ContentHandling.CONVERT_TO_BINARY),
                "text to binary: base64-decoded");
        assertArrayEquals(BINARY, IntegrationRequestMapper.convert(BINARY, true, null), "binary, unset: as it is");
        assertArrayEquals(TEXT, IntegrationRequestMapper.convert(BINARY, true, ContentHandling.CONVERT_TO_TEXT),
                "binary to text: base64-encoded");
        assertArrayEquals(BINARY, IntegrationRequestMapper.convert(BINARY, true, ContentHandling.CONVERT_TO_BINARY));
    }

    @Test
    void aTextPayloadThatIsNotBase64CannotBeConvertedToBinary() {
        GatewayException e = assertThrows(GatewayException.class,
                () -> IntegrationRequestMapper.convert("not base64!".getBytes(StandardCharsets.UTF_8), false,
                        ContentHandling.CONVERT_TO_BINARY));
        assertEquals(500, e.status());
    }

    @Test
    void responsePayloadTable() { // §4.2: payload text/binary x Accept text/binary x unset/TEXT/BINARY
        assertArrayEquals(TEXT, IntegrationResponseMapper.convert(TEXT, false, false, null));
        assertArrayEquals(TEXT, IntegrationResponseMapper.convert(TEXT, false, false, ContentHandling.CONVERT_TO_TEXT));
        assertArrayEquals(BINARY, IntegrationResponseMapper.convert(TEXT, false, false, ContentHandling.CONVERT_TO_BINARY));
        assertArrayEquals(BINARY, IntegrationResponseMapper.convert(TEXT, false, true, null));
        assertArrayEquals(TEXT, IntegrationResponseMapper.convert(TEXT, false, true, ContentHandling.CONVERT_TO_TEXT));
        assertArrayEquals(BINARY, IntegrationResponseMapper.convert(TEXT, false, true, ContentHandling.CONVERT_TO_BINARY));
        assertArrayEquals(TEXT, IntegrationResponseMapper.convert(BINARY, true, false, null));
        assertArrayEquals(TEXT, IntegrationResponseMapper.convert(BINARY, true, false, ContentHandling.CONVERT_TO_TEXT));
        assertArrayEquals(BINARY, IntegrationResponseMapper.convert(BINARY, true, false, ContentHandling.CONVERT_TO_BINARY));
        assertArrayEquals(BINARY, IntegrationResponseMapper.convert(BINARY, true, true, null));
        assertArrayEquals(TEXT, IntegrationResponseMapper.convert(BINARY, true, true, ContentHandling.CONVERT_TO_TEXT));
        assertArrayEquals(BINARY, IntegrationResponseMapper.convert(BINARY, true, true, ContentHandling.CONVERT_TO_BINARY));
    }

    @Test
    void theFirstPatternMatchingTheWholeSelectorWinsElseTheDefault() { // §4.2
        IntegrationResponse notFound = response(".*not found.*", "404");
        IntegrationResponse partial = response("boom", "500");
        IntegrationResponse fallback = response(null, "200");
        List<IntegrationResponse> responses = List.of(partial, fallback, notFound);
        assertSame(notFound, IntegrationResponseMapper.select(responses, "user not found"));
        assertSame(fallback, IntegrationResponseMapper.select(responses, "a boom happened"), "the whole string must match");
        assertSame(partial, IntegrationResponseMapper.select(responses, "boom"));
        assertSame(fallback, IntegrationResponseMapper.select(responses, null), "success: tested as the empty string");
        assertNull(IntegrationResponseMapper.select(List.of(partial), "other"), "no match and no default");
    }

    private static IntegrationResponse response(String pattern, String status) {
        return new IntegrationResponse(pattern == null ? null : Pattern.compile(pattern, Pattern.DOTALL), status, Map.of(),
                Map.of(), null);
    }
}
