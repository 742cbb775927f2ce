package dev.gwemu.auth.sigv4;

import java.nio.charset.StandardCharsets;

/**
 * SigV4's URI encoding: every byte but the RFC 3986 unreserved characters ({@code A-Z a-z 0-9 - _ . ~})
 * becomes {@code %XY} with upper-case hex, as the AWS SDK's {@code SdkHttpUtils.urlEncode} produces.
 * Works on bytes so that decoding and re-encoding a query value never loses what the client sent.
 */
final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /** Encodes the UTF-8 bytes of {@code text}; {@code keepSlashes} leaves '/' as it is (a path). */
    static void encode(String text, boolean keepSlashes, StringBuilder out) {
        encode(text.getBytes(StandardCharsets.UTF_8), keepSlashes, out);
    }

    static void encode(byte[] bytes, boolean keepSlashes, StringBuilder out) {
        for (byte b : bytes) {
            encode(b & 0xFF, keepSlashes, out);
        }
    }

    private static void encode(int c, boolean keepSlashes, StringBuilder out) {
        if (isUnreserved(c) || (keepSlashes && c == '/')) {
            out.append((char) c);
        } else {
            out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
        }
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 8);
        encode(bytes, false, out);
        return out.toString();
    }

    /**
     * Re-encodes a raw path in SigV4's spelling: a literal '/' stays, each {@code %XY} escape is decoded and encoded
     * again (so {@code %2F} stays {@code %2F}, {@code %c3} becomes {@code %C3}), every other byte is encoded; a '%'
     * not followed by two hex digits is a literal '%'.
     */
    static void reencodePath(String rawPath, StringBuilder out) {
        byte[] raw = rawPath.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '/') {
                out.append('/');
            } else if (b == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                encode(hex(raw[i + 1]) << 4 | hex(raw[i + 2]), false, out);
                i += 2;
            } else {
                encode(b & 0xFF, false, out);
            }
        }
    }

    /**
     * Decodes a query-string name or value to bytes. '+' is a space, as AWS's form decoding reads it
     * (the SDK never sends '+', it sends %20 and %2B) [unc]; a '%' not followed by two hex digits
     * stays a literal '%' instead of failing the request.
     */
    static byte[] decodeQueryComponent(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[raw.length];
        int n = 0;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '+') {
                out[n++] = ' ';
            } else if (b == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                out[n++] = (byte) (hex(raw[i + 1]) << 4 | hex(raw[i + 2]));
                i += 2;
            } else {
                out[n++] = b;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
