package dev.gwemu.mapping;

import java.util.Locale;

/**
 * {@code $util.escapeJavaScript} with Commons Lang 2's {@code StringEscapeUtils.escapeJavaScript} semantics
 * (data-plane.md §5.3 [D][U]): {@code '} becomes {@code \'} (invalid in JSON, as AWS documents), {@code "},
 * {@code \} and {@code /} are backslash-escaped, control characters become {@code \b \t \n \f \r} or
 * <code>&#92;u00XX</code>, and everything above 0x7F becomes <code>&#92;uXXXX</code> in upper-case hex. Commons Lang 3's
 * {@code escapeEcmaScript} differs (it leaves non-ASCII alone), hence this copy of the old rules.
 */
final class JavaScriptEscape {
    private JavaScriptEscape() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch > 0x7f) {
                unicode(out, ch);
            } else if (ch < 0x20) {
                switch (ch) {
                    case '\b' -> out.append("\\b");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    case '\f' -> out.append("\\f");
                    case '\r' -> out.append("\\r");
                    default -> unicode(out, ch);
                }
            } else {
                switch (ch) {
                    case '\'' -> out.append("\\'");
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '/' -> out.append("\\/");
                    default -> out.append(ch);
                }
            }
        }
        return out.toString();
    }

    /** <code>&#92;uXXXX</code>, four upper-case hex digits (surrogate pairs come out as two escapes, as in Lang 2). */
    private static void unicode(StringBuilder out, char ch) {
        String hex = Integer.toHexString(ch).toUpperCase(Locale.ROOT);
        out.append("\\u");
        for (int pad = hex.length(); pad < 4; pad++) {
            out.append('0');
        }
        out.append(hex);
    }
}
