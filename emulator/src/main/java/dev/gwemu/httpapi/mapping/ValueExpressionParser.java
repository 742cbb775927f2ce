package dev.gwemu.httpapi.mapping;

import com.jayway.jsonpath.JsonPath;
import dev.gwemu.httpapi.mapping.ValueReference.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a parameter mapping value ("Transform API requests and responses for HTTP APIs in API Gateway", value
 * tables) into a {@link ValueExpression}, once at load.
 *
 * <p>Sources: {@code $request.header.NAME}, {@code $request.querystring.NAME}, {@code $request.body},
 * {@code $request.body.JSONPATH}, {@code $request.path}, {@code $request.path.NAME}, {@code $context.NAME},
 * {@code $stageVariables.NAME} and, in response mappings, {@code $response.header.NAME}, {@code $response.body},
 * {@code $response.body.JSONPATH}; each also written {@code ${...}}, the form the docs ask for when a value holds
 * several variables. Everything else is static text.
 */
final class ValueExpressionParser {
    /**
     * [U] Where an unbraced reference ends: at the first character that is not a letter, digit or one of these
     * (so {@code "$request.header.a,$request.header.b"} holds two). A trailing '.' is left to the text.
     */
    private static final String UNBRACED_NAME_PUNCTUATION = "_.-";
    /** Body JSONPaths also take brackets and wildcards unbraced: {@code $request.body.items[0].id}. */
    private static final String UNBRACED_BODY_PUNCTUATION = "_.-[]*";

    private ValueExpressionParser() {
    }

    /**
     * @param responseSide whether the value belongs to {@code responseParameters}, the only place
     *                     {@code $response.*} can be read
     * @throws IllegalArgumentException saying what is wrong with the value
     */
    static ValueExpression parse(String value, boolean responseSide) {
        List<ValuePart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            boolean braced = c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{';
            boolean unbraced = c == '$' && i + 1 < value.length() && Character.isLetter(value.charAt(i + 1));
            if (!braced && !unbraced) {
                text.append(c); // includes a '$' before a digit or a space, as in "$5": static text
                i++;
                continue;
            }
            String inner;
            int end;
            if (braced) {
                int close = value.indexOf('}', i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '${' at position " + i);
                }
                inner = value.substring(i + 2, close);
                end = close + 1;
            } else {
                end = scan(value, i + 1, UNBRACED_NAME_PUNCTUATION);
                String name = value.substring(i + 1, end);
                if (name.startsWith("request.body") || name.startsWith("response.body")) {
                    end = scan(value, end, UNBRACED_BODY_PUNCTUATION);
                }
                while (value.charAt(end - 1) == '.') {
                    end--;
                }
                inner = value.substring(i + 1, end);
            }
            if (!text.isEmpty()) {
                parts.add(new ValuePart.Literal(text.toString()));
                text.setLength(0);
            }
            parts.add(reference(inner, value.substring(i, end), responseSide));
            i = end;
        }
        if (!text.isEmpty()) {
            parts.add(new ValuePart.Literal(text.toString()));
        }
        return new ValueExpression(parts);
    }

    /** The end of the run of letters, digits and {@code punctuation} starting at {@code from}. */
    private static int scan(String value, int from, String punctuation) {
        int end = from;
        while (end < value.length()) {
            char c = value.charAt(end);
            if (c >= 128 || !Character.isLetterOrDigit(c) && punctuation.indexOf(c) < 0) {
                break;
            }
            end++;
        }
        return end;
    }

    /** {@code inner} is the reference without '$' and braces, {@code written} as it stands in the value. */
    private static ValueReference reference(String inner, String written, boolean responseSide) {
        if (inner.startsWith("request.")) {
            return located(inner.substring("request.".length()), written, false);
        }
        if (inner.startsWith("response.")) {
            if (!responseSide) {
                throw new IllegalArgumentException("'" + written + "': $response sources can only be used in"
                        + " responseParameters");
            }
            return located(inner.substring("response.".length()), written, true);
        }
        if (inner.startsWith("context.")) {
            // "Only special characters . and _ are supported" for context variables (HTTP API parameter mapping docs).
            return named(Kind.CONTEXT, inner.substring("context.".length()), "._", written);
        }
        if (inner.startsWith("stageVariables.")) {
            // Stage variable names are alphanumeric and underscore ("Stage variables for HTTP APIs").
            return named(Kind.STAGE_VARIABLE, inner.substring("stageVariables.".length()), "_", written);
        }
        throw new IllegalArgumentException(unknown(written));
    }

    private static ValueReference located(String rest, String written, boolean response) {
        if (rest.startsWith("header.") && rest.length() > "header.".length()) {
            return new ValueReference(response ? Kind.RESPONSE_HEADER : Kind.REQUEST_HEADER,
                    rest.substring("header.".length()), null, written);
        }
        if (rest.equals("body") || rest.startsWith("body.") || rest.startsWith("body[")) {
            String path = rest.substring("body".length());
            return new ValueReference(response ? Kind.RESPONSE_BODY : Kind.REQUEST_BODY, null,
                    path.isEmpty() ? null : bodyPath(path, written), written);
        }
        if (!response && rest.startsWith("querystring.") && rest.length() > "querystring.".length()) {
            return new ValueReference(Kind.REQUEST_QUERYSTRING, rest.substring("querystring.".length()), null, written);
        }
        if (!response && rest.equals("path")) {
            return new ValueReference(Kind.REQUEST_PATH, null, null, written);
        }
        if (!response && rest.startsWith("path.") && rest.length() > "path.".length()) {
            return new ValueReference(Kind.REQUEST_PATH_PARAMETER, rest.substring("path.".length()), null, written);
        }
        throw new IllegalArgumentException(unknown(written));
    }

    private static ValueReference named(Kind kind, String name, String punctuation, String written) {
        boolean valid = !name.isEmpty();
        for (int i = 0; i < name.length() && valid; i++) {
            char c = name.charAt(i);
            valid = c < 128 && (Character.isLetterOrDigit(c) || punctuation.indexOf(c) >= 0);
        }
        if (!valid) {
            throw new IllegalArgumentException("'" + written + "': invalid variable name '" + name
                    + "' (write ${...} around a variable that is followed by other text)");
        }
        return new ValueReference(kind, name, null, written);
    }

    /**
     * {@code $request.body.a.b} is the JSONPath {@code $.a.b}. The docs: recursive descent and filter expressions
     * "aren't supported", so they are load errors here.
     */
    private static JsonPath bodyPath(String path, String written) {
        if (path.contains("..") || path.contains("?(")) {
            throw new IllegalArgumentException("'" + written + "': recursive descent (..) and filter expressions"
                    + " (?(...)) are not supported in body JSONPath");
        }
        try {
            return JsonPath.compile("$" + path);
        } catch (RuntimeException e) { // InvalidPathException mostly; Jayway also fails with index errors
            throw new IllegalArgumentException("'" + written + "': invalid JSONPath '$" + path + "'", e);
        }
    }

    private static String unknown(String written) {
        return "unknown source '" + written + "': expected $request.header.NAME, $request.querystring.NAME,"
                + " $request.body[.JSONPATH], $request.path, $request.path.NAME, $context.NAME, $stageVariables.NAME"
                + " or, in responseParameters, $response.header.NAME or $response.body[.JSONPATH]";
    }
}
