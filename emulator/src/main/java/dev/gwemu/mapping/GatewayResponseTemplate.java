package dev.gwemu.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway response template (data-plane.md §6.2): not VTL, only substitution of {@code $context.X.Y},
 * {@code $stageVariables.X} and method request parameters. The default template
 * {@code {"message":$context.error.messageString}} relies on {@code messageString} being already quoted JSON.
 * Immutable and thread-safe.
 *
 * <p>[U] choices: a method request parameter is written {@code $method.request.header.X} (also
 * {@code .path.X}, {@code .querystring.X}, {@code .multivalueheader.X}, {@code .multivaluequerystring.X});
 * each reference may also be written in braces, {@code ${context.requestId}}. A reference that resolves to
 * nothing (an unknown variable, an absent parameter, an object) becomes empty; any other {@code $} text, and
 * {@code #} directives, stay as written.
 */
public final class GatewayResponseTemplate {
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{([^}]*)}|\\$((?:context|stageVariables|method\\.request)(?:\\.[A-Za-z0-9_:-]+)+)");

    /** Literal text (String) and references (ParameterSource), in order. */
    private final List<Object> parts;
    private final String text;

    private GatewayResponseTemplate(List<Object> parts, String text) {
        this.parts = parts;
        this.text = text;
    }

    public static GatewayResponseTemplate compile(String text) {
        List<Object> parts = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(text);
        int end = 0;
        StringBuilder literal = new StringBuilder();
        while (matcher.find()) {
            literal.append(text, end, matcher.start());
            ParameterSource reference = reference(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            if (reference == null) {
                literal.append(matcher.group());
            } else {
                parts.add(literal.toString());
                literal.setLength(0);
                parts.add(reference);
            }
            end = matcher.end();
        }
        literal.append(text, end, text.length());
        parts.add(literal.toString());
        return new GatewayResponseTemplate(List.copyOf(parts), text);
    }

    /** The template as written in the definition, for {@code gwemu export}. */
    public String text() {
        return text;
    }

    /** The body for one request; the error details come from the input's {@code context.error}. */
    public String render(MappingInput input) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof ParameterSource reference) {
                out.append(String.join(",", reference.resolve(input)));
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    /** A reference this template substitutes, or null to leave the text as written. */
    private static ParameterSource reference(String expression) {
        String source = expression.startsWith("method.request.") || expression.startsWith("context.")
                || expression.startsWith("stageVariables.") ? expression : null;
        if (source == null) {
            return null;
        }
        try {
            ParameterSource parsed = ParameterSource.parse(source);
            return parsed.isGatewayResponseReference() ? parsed : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
