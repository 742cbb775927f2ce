package dev.gwemu.mapping;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code $util} (data-plane.md §5.3). Stateless, shared by every render. Arguments are {@code Object} so a
 * template can pass anything (a number, a missing value); a missing argument gives an empty rendering. Public
 * only because Velocity calls methods of public classes alone.
 */
public final class UtilVariable {
    static final UtilVariable INSTANCE = new UtilVariable();

    private UtilVariable() {
    }

    /** Commons Lang 2 {@code escapeJavaScript}; null for a missing value, which renders as nothing (§5.3 [U]). */
    public String escapeJavaScript(Object value) {
        return MissingValue.isMissing(value) ? null : JavaScriptEscape.escape(String.valueOf(value));
    }

    /** Parses a JSON string into Map / List / String / Number / Boolean for navigation (§5.3 [D]). */
    public Object parseJson(Object json) {
        if (MissingValue.isMissing(json)) {
            return null;
        }
        return JsonPaths.parse(String.valueOf(json));
    }

    /** {@code URLEncoder.encode(s, UTF-8)}: {@code some raw data} gives {@code some+raw+data}; missing gives {@code ""} (§5.3 [V]). */
    public String urlEncode(Object value) {
        return MissingValue.isMissing(value) ? "" : URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }

    /** Form decoding, {@code +} becomes a space (§5.3 [D]); missing gives {@code ""} [U]. */
    public String urlDecode(Object value) {
        return MissingValue.isMissing(value) ? "" : URLDecoder.decode(String.valueOf(value), StandardCharsets.UTF_8);
    }

    /** Standard base64 with padding over the UTF-8 bytes (§5.3 [D]); missing gives {@code ""} [U]. */
    public String base64Encode(Object value) {
        if (MissingValue.isMissing(value)) {
            return "";
        }
        return Base64.getEncoder().encodeToString(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Standard base64 to a UTF-8 string (§5.3 [D]); missing gives {@code ""} [U]. The MIME decoder skips line
     * breaks and other characters outside the alphabet, as lenient decoders do [U].
     */
    public String base64Decode(Object value) {
        if (MissingValue.isMissing(value)) {
            return "";
        }
        return new String(Base64.getMimeDecoder().decode(String.valueOf(value)), StandardCharsets.UTF_8);
    }
}
