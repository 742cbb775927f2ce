package dev.gwemu.testhandlers;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough JSON for handlers that may not bundle a JSON library (the lean jar holds only
 * these classes): find the raw text of an object's members, read and write string literals.
 * The raw extents matter: {@link ScriptedResponseHandler} returns a value byte for byte.
 */
final class RawJson {
    private final String text;
    private int pos;

    private RawJson(String text) {
        this.text = text;
    }

    /** The top-level members of a JSON object, each value as its exact source text. */
    static Map<String, String> members(String objectText) {
        RawJson json = new RawJson(objectText);
        Map<String, String> members = new LinkedHashMap<>();
        json.skipSpace();
        json.expect('{');
        json.skipSpace();
        if (json.peek() == '}') {
            return members;
        }
        while (true) {
            json.skipSpace();
            String name = json.readString();
            json.skipSpace();
            json.expect(':');
            json.skipSpace();
            int start = json.pos;
            json.skipValue();
            members.put(name, objectText.substring(start, json.pos));
            json.skipSpace();
            char c = json.next();
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                throw json.error("expected , or }");
            }
        }
    }

    /** The content of a JSON string literal, or null for the literal {@code null} or a missing value. */
    static String stringValue(String raw) {
        if (raw == null || raw.equals("null")) {
            return null;
        }
        RawJson json = new RawJson(raw);
        return json.readString();
    }

    /** Writes {@code value} as a JSON string literal. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A string map as a JSON object, or null. */
    static String object(Map<String, String> map) {
        if (map == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(e.getKey())).append(':').append(quote(e.getValue()));
        }
        return out.append('}').toString();
    }

    /** A Lambda proxy response with a JSON body. */
    static byte[] proxyResponse(int statusCode, String jsonBody) {
        return ("{\"statusCode\":" + statusCode + ",\"headers\":{\"Content-Type\":\"application/json\"},\"body\":"
                + quote(jsonBody) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private void skipValue() {
        char c = peek();
        switch (c) {
            case '"' -> readString();
            case '{', '[' -> skipContainer();
            default -> {
                // number, true, false, null: runs until a delimiter
                int start = pos;
                while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
                    pos++;
                }
                if (pos == start) {
                    throw error("expected a value");
                }
            }
        }
    }

    private void skipContainer() {
        int depth = 0;
        do {
            char c = peek();
            if (c == '"') {
                readString();
                continue;
            }
            pos++;
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        } while (depth > 0);
    }

    private String readString() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> out.append(e); // \" \\ \/
            }
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected " + c);
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("Invalid JSON at " + pos + ": " + what);
    }
}
