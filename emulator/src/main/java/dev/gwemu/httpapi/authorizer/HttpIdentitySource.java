package dev.gwemu.httpapi.authorizer;

import dev.gwemu.httpapi.HttpApiRequestContext;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.QueryString;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One entry of an HTTP API Lambda authorizer's {@code identitySource} (security-and-operations.md §3.4 [doc]),
 * parsed once: {@code $request.header.X} (name case-insensitive), {@code $request.querystring.X} (case-sensitive),
 * {@code $context.X} or {@code $stageVariables.X}. Values read as the payload 2.0 event shows them: a repeated header
 * or query parameter is its values joined by ',' (data-plane.md §3.2).
 */
final class HttpIdentitySource {
    private static final String HEADER = "$request.header.";
    private static final String QUERYSTRING = "$request.querystring.";
    private static final String CONTEXT = "$context.";
    private static final String STAGE_VARIABLE = "$stageVariables.";

    /** What a source reads from. */
    record Inputs(HttpRequest request, HttpApiRequestContext context, Function<String, String> contextVariables) {
    }

    private final String expression;
    private final Function<Inputs, String> reader;

    private HttpIdentitySource(String expression, Function<Inputs, String> reader) {
        this.expression = expression;
        this.reader = reader;
    }

    /** @throws IllegalArgumentException when the expression is none of the four forms or names nothing */
    static HttpIdentitySource parse(String expression) {
        if (expression.startsWith(HEADER)) {
            String name = name(expression, HEADER);
            return new HttpIdentitySource(expression, in -> header(in.request().headers(), name));
        }
        if (expression.startsWith(QUERYSTRING)) {
            String name = name(expression, QUERYSTRING);
            return new HttpIdentitySource(expression, in -> joined(QueryString.parse(in.request().rawQuery()).all().get(name)));
        }
        if (expression.startsWith(CONTEXT)) {
            String name = name(expression, CONTEXT);
            return new HttpIdentitySource(expression, in -> in.contextVariables().apply(name));
        }
        if (expression.startsWith(STAGE_VARIABLE)) {
            String name = name(expression, STAGE_VARIABLE);
            return new HttpIdentitySource(expression, in -> in.context().stageVariables().get(name));
        }
        throw new IllegalArgumentException("'" + expression + "' is not an identity source ($request.header.X, "
                + "$request.querystring.X, $context.X or $stageVariables.X)");
    }

    /** The value in this request, or null when it has none. */
    String read(Inputs inputs) {
        return reader.apply(inputs);
    }

    @Override
    public String toString() {
        return expression;
    }

    private static String header(HeaderList headers, String name) {
        List<String> values = new ArrayList<>();
        for (HeaderList.Header h : headers.lines()) {
            if (h.name().equalsIgnoreCase(name)) {
                values.add(h.value());
            }
        }
        return joined(values);
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static String name(String expression, String prefix) {
        String name = expression.substring(prefix.length());
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'" + expression + "' names nothing after '" + prefix + "'");
        }
        return name;
    }
}
