package dev.gwemu.pipeline;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes as text only when they are well-formed UTF-8 (so the text encodes back to the same bytes). */
public final class StrictUtf8 {
    private StrictUtf8() {
    }

    /** @return the text, or null when the bytes are not well-formed UTF-8 (binary: keep them as bytes) */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
