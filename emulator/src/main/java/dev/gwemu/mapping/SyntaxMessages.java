package dev.gwemu.mapping;

import java.util.regex.Pattern;

/**
 * Turns Velocity's parser messages into one line without Velocity's internal template name and position (the
 * exception reports the position itself): <code>Encountered "&#92;u001c" at template-7[line 1, column 9]</code> and
 * a page of expected tokens become {@code Encountered end of template}.
 */
final class SyntaxMessages {
    /** Velocity's lexer marks the end of the input with this character; users know it as the end of the template. */
    private static final String END_OF_INPUT = "\"\\u001c\"";
    private static final Pattern POSITION = Pattern.compile(" at template-\\d+\\[line \\d+, column \\d+\\]");

    private SyntaxMessages() {
    }

    static String shorten(String message) {
        if (message == null || message.isBlank()) {
            return "syntax error";
        }
        String first = message.strip().lines().findFirst().orElse(message);
        first = POSITION.matcher(first).replaceAll("").replace(END_OF_INPUT, "end of template");
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }
}
