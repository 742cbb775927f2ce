package dev.gwemu.websocket;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A WebSocket API's {@code routeSelectionExpression} (security-and-operations.md §7.1; AWS "WebSocket selection
 * expressions"), compiled once when the API loads: literal text and {@code $request.body.<JSONPath>} variables,
 * written bare ({@code $request.body.action}) or braced ({@code ${request.body.service}/${request.body.action}}).
 * {@code \$} is a literal dollar ({@code \$default}). Evaluation happens once: a value that looks like an expression
 * stays text. Immutable and thread-safe.
 */
public final class RouteSelectionExpression {
    /** The only variable source a route selection expression reads (§7.1: {@code $request.body.<jsonpath>}). */
    static final String BODY_VARIABLE = "request.body";

    /**
     * [U] AWS does not say where a bare variable ends (braces exist "to explicitly define variable boundaries",
     * §7.1): it runs over these characters, so {@code $request.body.a-b/x} reads path {@code a-b}, then "/x".
     */
    static final String BARE_PATH_CHARACTERS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.[]'*";

    /** [U] §7.1: a JSON null selects like an unresolved path, the empty string. */
    static final String NULL_TEXT = "";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // numbers keep their digits: 1.50 stays 1.50
            .build();
    private static final Configuration JAYWAY = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .options(Option.SUPPRESS_EXCEPTIONS) // an unresolved path reads as null, not an exception
            .build();
    private static final Object NOT_JSON = new Object();

    /** One piece of the expression: literal text ({@code path} null) or a body variable. */
    private record Part(String literal, JsonPath path) {
    }

    private final String expression;
    private final List<Part> parts;
    private final boolean hasVariables;

    private RouteSelectionExpression(String expression, List<Part> parts) {
        this.expression = expression;
        this.parts = List.copyOf(parts);
        this.hasVariables = parts.stream().anyMatch(p -> p.path != null);
    }

    /**
     * @throws IllegalArgumentException naming the expression and what is wrong with it: empty, an unterminated or
     *                                  empty {@code ${}}, a variable other than {@code request.body.<JSONPath>},
     *                                  a '$' that starts no variable, or a JSONPath Jayway cannot compile
     */
    public static RouteSelectionExpression compile(String expression) {
        if (expression == null || expression.isEmpty()) {
            throw new IllegalArgumentException("routeSelectionExpression is empty; write e.g. $request.body.action");
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (c == '\\' && i + 1 < n && expression.charAt(i + 1) == '$') {
                literal.append('$');
                i += 2;
                continue;
            }
            if (c != '$') {
                literal.append(c);
                i++;
                continue;
            }
            String variable;
            int start = i;
            if (i + 1 < n && expression.charAt(i + 1) == '{') {
                int close = expression.indexOf('}', i + 2);
                if (close < 0) {
                    throw invalid(expression, "'${' at position " + start + " has no closing '}'");
                }
                variable = expression.substring(i + 2, close);
                i = close + 1;
            } else {
                int end = i + 1;
                while (end < n && BARE_PATH_CHARACTERS.indexOf(expression.charAt(end)) >= 0) {
                    end++;
                }
                variable = expression.substring(i + 1, end);
                i = end;
            }
            if (variable.isEmpty()) {
                throw invalid(expression, "the '$' at position " + start
                        + " starts no variable (write \\$ for a literal dollar sign)");
            }
            if (literal.length() > 0) {
                parts.add(new Part(literal.toString(), null));
                literal.setLength(0);
            }
            parts.add(new Part(null, bodyPath(expression, variable)));
        }
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), null));
        }
        return new RouteSelectionExpression(expression, parts);
    }

    private static JsonPath bodyPath(String expression, String variable) {
        String rest = variable.startsWith(BODY_VARIABLE) ? variable.substring(BODY_VARIABLE.length()) : null;
        if (rest == null || rest.length() < 2 || (rest.charAt(0) != '.' && rest.charAt(0) != '[')) {
            String hint = variable.equals("default") ? " (write \\$default for the literal route key $default)" : "";
            throw invalid(expression, "unsupported variable $" + variable
                    + "; a route selection expression reads only $request.body.<JSONPath>" + hint);
        }
        try {
            return JsonPath.compile("$" + rest);
        } catch (RuntimeException e) { // InvalidPathException mostly; Jayway fails with others on odd input
            throw invalid(expression, "$" + variable + " has an invalid JSONPath '$" + rest + "': " + e.getMessage());
        }
    }

    private static IllegalArgumentException invalid(String expression, String why) {
        return new IllegalArgumentException("invalid routeSelectionExpression '" + expression + "': " + why);
    }

    /**
     * The route key a message selects: literal text as written and each variable's value as text, "" for a path the
     * body does not have. Null when the body is not JSON (the caller then uses {@code $default}); an expression
     * without variables selects its literal text whatever the body.
     */
    public String select(String messageBody) {
        if (!hasVariables) {
            return parts.isEmpty() ? "" : parts.get(0).literal;
        }
        Object document = parse(messageBody);
        if (document == NOT_JSON) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (Part part : parts) {
            if (part.path == null) {
                key.append(part.literal);
            } else {
                key.append(text(part.path.read(document, JAYWAY)));
            }
        }
        return key.toString();
    }

    private static Object parse(String body) {
        if (body == null || body.isBlank()) {
            return NOT_JSON;
        }
        try {
            return JAYWAY.jsonProvider().parse(body);
        } catch (InvalidJsonException | IllegalArgumentException e) {
            return NOT_JSON;
        }
    }

    /**
     * A selected value as route-key text (§7.1): strings as themselves, numbers with the digits written (exponent
     * forms as {@link BigDecimal#toString}), booleans, null as {@link #NULL_TEXT}; arrays as {@code [a, b]} (§7.1)
     * and, [U] by the same Java-collection rendering the array form shows, objects as {@code {k=v, k2=v2}}.
     */
    static String text(Object value) {
        if (value == null) {
            return NULL_TEXT;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                out.append(e.getKey()).append('=').append(nested(e.getValue()));
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            return out.append('}').toString();
        }
        if (value instanceof Iterable<?> list) {
            StringBuilder out = new StringBuilder("[");
            Iterator<?> it = list.iterator();
            while (it.hasNext()) {
                out.append(nested(it.next()));
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            return out.append(']').toString();
        }
        return value.toString();
    }

    /** Inside an array or object a JSON null prints as {@code null}, as the collection rendering does. */
    private static String nested(Object value) {
        return value == null ? "null" : text(value);
    }

    /** The expression as written. */
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }
}
