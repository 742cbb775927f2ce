package dev.gwemu.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** What a body holds: text (valid UTF-8) or bytes, and its gzip layer undone for comparing. */
final class BodyContent {
    private BodyContent() {
    }

    /** The body as text when it is valid UTF-8 (so it encodes back to the same bytes), else null. */
    static String utf8(byte[] body) {
        return dev.gwemu.pipeline.StrictUtf8.decode(body);
    }

    /**
     * The body without its {@code Content-Encoding: gzip} layer, so a response AWS compressed compares with one
     * gwemu did not; the body as it is when it is not gzip or does not inflate.
     */
    static byte[] decoded(byte[] body, String contentEncoding) {
        if (contentEncoding == null || !contentEncoding.trim().equalsIgnoreCase("gzip") || body.length == 0) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            return body;
        }
    }
}
