package dev.gwemu.accesslog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A stage's access log format, compiled once: literal text between {@code $context.name} variables
 * (AWS docs "Access logging for REST APIs": CLF, JSON, XML and CSV formats are all just this). A variable's name
 * runs over letters, digits, '_' and inner dots ({@code $context.identity.sourceIp}, {@code $context.authorizer.claims.sub});
 * everything else is text. Lines are rendered without regular expressions: they are written on the request path.
 */
public final class AccessLogFormat {
    private static final String PREFIX = "$context.";
    /** A value that is missing prints as this, as AWS prints it. */
    static final String MISSING = "-";

    private final String[] literals;   // one more than variables: text before, between and after them
    private final String[] variables;

    private AccessLogFormat(List<String> literals, List<String> variables) {
        this.literals = literals.toArray(String[]::new);
        this.variables = variables.toArray(String[]::new);
    }

    /**
     * Compiles a format as AWS accepts it: one line (a line break is allowed only at the very end, and is dropped
     * here since every line gets its own), with {@code $context.requestId} or {@code $context.extendedRequestId}
     * (AWS refuses a stage update otherwise).
     *
     * @throws IllegalArgumentException saying what AWS would refuse
     */
    public static AccessLogFormat parse(String format) {
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("the access log format must not be empty");
        }
        String text = format.endsWith("\n") ? format.substring(0, format.length() - 1) : format;
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the access log format must be a single line (AWS allows a line break "
                    + "only at its end); a YAML block scalar keeps its line breaks, use a quoted string or '>-'");
        }
        List<String> literals = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        int from = 0;
        int literalStart = 0;
        while (true) {
            int at = text.indexOf(PREFIX, from);
            if (at < 0) {
                break;
            }
            int end = at + PREFIX.length();
            while (end < text.length() && isNameChar(text.charAt(end))) {
                end++;
            }
            while (end > at + PREFIX.length() && text.charAt(end - 1) == '.') {
                end--; // a sentence's full stop after a variable is text
            }
            if (end == at + PREFIX.length()) {
                from = end; // "$context." alone is text
                continue;
            }
            literals.add(text.substring(literalStart, at));
            variables.add(text.substring(at + PREFIX.length(), end));
            literalStart = end;
            from = end;
        }
        literals.add(text.substring(literalStart));
        if (!variables.contains("requestId") && !variables.contains("extendedRequestId")) {
            throw new IllegalArgumentException("the access log format must contain $context.requestId or "
                    + "$context.extendedRequestId, as AWS requires (best both)");
        }
        return new AccessLogFormat(literals, variables);
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.';
    }

    /** The variables' names, without {@code $context.}, in order. */
    public List<String> variables() {
        return List.of(variables);
    }

    /**
     * Appends one line (without its line break): each variable's value, {@code -} when it has none or an empty one.
     * A value's {@code "}, {@code \} and control characters are escaped as in JSON, so a JSON format stays JSON
     * and a line stays one line (AWS escapes quotes in values too; the exact rules are not documented).
     */
    public void render(Function<String, String> values, StringBuilder line) {
        for (int i = 0; i < variables.length; i++) {
            line.append(literals[i]);
            String value = values.apply(variables[i]);
            if (value == null || value.isEmpty()) {
                line.append(MISSING);
            } else {
                appendEscaped(value, line);
            }
        }
        line.append(literals[variables.length]);
    }

    private static void appendEscaped(String value, StringBuilder line) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c == '\n') {
                line.append("\\n");
            } else if (c == '\r') {
                line.append("\\r");
            } else if (c == '\t') {
                line.append("\\t");
            } else if (c < 0x20) {
                line.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                line.append(c);
            }
        }
    }
}
