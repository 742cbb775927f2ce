package dev.gwemu.samples.petstore;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough JSON for the samples, so the handler jar bundles nothing but aws-lambda-java-events:
 * a string escaper and a parser for one flat object whose values are strings, numbers, booleans or null.
 */
public final class Json {

    private Json() {
    }

    /** {@code value} as a JSON string literal, quotes included. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
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

    public static String error(String message) {
        return "{\"message\":" + quote(message) + "}";
    }

    /**
     * Parses {@code {"k":"v",...}}: values become String, BigDecimal, Boolean or null.
     *
     * @throws IllegalArgumentException on anything else, nested objects and arrays included
     */
    public static Map<String, Object> parseFlatObject(String text) {
        return new Parser(text).object();
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            Map<String, Object> fields = new LinkedHashMap<>();
            expect('{');
            if (peek() == '}') {
                pos++;
            } else {
                do {
                    String key = string();
                    expect(':');
                    fields.put(key, value());
                } while (consume(','));
                expect('}');
            }
            if (peek() != 0) {
                throw fail("unexpected text after the object");
            }
            return fields;
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '{' || c == '[') {
                throw fail("nested objects and arrays are not supported");
            }
            int start = pos;
            while (pos < s.length() && "-+.eE0123456789truefalsn".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String literal = s.substring(start, pos);
            switch (literal) {
                case "null" -> {
                    return null;
                }
                case "true", "false" -> {
                    return Boolean.valueOf(literal);
                }
                default -> {
                    if (literal.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][-+]?\\d+)?")) {
                        return new BigDecimal(literal);
                    }
                    throw fail("invalid value");
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw fail("control character in string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    break;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw fail("truncated \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw fail("invalid \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw fail("invalid escape \\" + e);
                }
            }
            throw fail("unterminated string");
        }

        /** The next non-blank character, or 0 at the end. */
        private char peek() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        private boolean consume(char c) {
            if (peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) {
                throw fail("expected '" + c + "'");
            }
        }

        private IllegalArgumentException fail(String what) {
            return new IllegalArgumentException(what + " at offset " + pos);
        }
    }
}
