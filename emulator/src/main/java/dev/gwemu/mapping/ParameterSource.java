package dev.gwemu.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.jayway.jsonpath.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One parameter-mapping source expression (data-plane.md §4.1, §4.2), parsed once at load:
 * {@code method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.NAME},
 * {@code method.request.body}, {@code method.request.body.JSONPATH},
 * {@code integration.response.{header|multivalueheader}.NAME}, {@code integration.response.body},
 * {@code integration.response.body.JSONPATH}, {@code context.VAR(.SUB)}, {@code stageVariables.NAME} or
 * {@code 'static literal'}. Immutable and thread-safe.
 */
public final class ParameterSource {
    /** §4.1 [D]: a parameter name must match this (AWS prints it with a stray {@code ]}). */
    static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9._$-]+$");
    /** §4.1 [U]: a context variable path; AWS checks it against its list of variables, we accept any such path. */
    static final Pattern CONTEXT_PATH = Pattern.compile("^[a-zA-Z0-9_$:-]+(\\.[a-zA-Z0-9_$:-]+)*$");
    /** §4.1 [E]: {@code header.NAME} finds a header only under that exact spelling (also for integration responses). */
    static final boolean HEADER_NAMES_CASE_SENSITIVE = true;
    /** §4.1, §4.2 [E]: the values of a {@code multivalueheader} source, joined into one value. */
    static final String MULTI_VALUE_HEADER_SEPARATOR = ",";
    /** §4.1 [E]: a body is parsed for {@code body.JSONPATH} only when, after leading whitespace, it starts with one of these. */
    static final String JSON_BODY_FIRST_CHARACTERS = "{[\"'";
    /** §4.1 [E] (LocalStack): a request or response without a body reads as {@code {}}. */
    static final String EMPTY_BODY = "{}";
    /** §4.1 [E] (LocalStack skips falsy values): an empty string counts as nothing, so the mapping is skipped. */
    static final boolean EMPTY_VALUE_IS_NOTHING = true;

    private enum Kind {
        PATH, QUERYSTRING, MULTI_QUERYSTRING, HEADER, MULTI_HEADER, BODY,
        RESPONSE_HEADER, RESPONSE_MULTI_HEADER, RESPONSE_BODY, CONTEXT, STAGE_VARIABLE, LITERAL
    }

    private final String expression;
    private final Kind kind;
    private final String name;
    private final JsonPath bodyPath;

    private ParameterSource(String expression, Kind kind, String name, JsonPath bodyPath) {
        this.expression = expression;
        this.kind = kind;
        this.name = name;
        this.bodyPath = bodyPath;
    }

    /** @throws IllegalArgumentException saying what is wrong (used for load errors with file and line) */
    public static ParameterSource parse(String expression) {
        if (expression == null || expression.isEmpty()) {
            throw new IllegalArgumentException("empty parameter mapping source");
        }
        if (expression.length() >= 2 && expression.startsWith("'") && expression.endsWith("'")) {
            return new ParameterSource(expression, Kind.LITERAL, expression.substring(1, expression.length() - 1), null);
        }
        if (expression.startsWith("method.request.")) {
            return located(expression, expression.substring("method.request.".length()), false);
        }
        if (expression.startsWith("integration.response.")) {
            return located(expression, expression.substring("integration.response.".length()), true);
        }
        if (expression.startsWith("context.")) {
            String path = expression.substring("context.".length());
            if (!CONTEXT_PATH.matcher(path).matches()) {
                throw new IllegalArgumentException("invalid context variable '" + path + "' in '" + expression + "'");
            }
            return new ParameterSource(expression, Kind.CONTEXT, path, null);
        }
        if (expression.startsWith("stageVariables.")) {
            return new ParameterSource(expression, Kind.STAGE_VARIABLE, checkedName(expression, expression.substring("stageVariables.".length())), null);
        }
        throw new IllegalArgumentException("unsupported parameter mapping source '" + expression + "': expected "
                + "method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.NAME, method.request.body[.JSONPATH], "
                + "integration.response.{header|multivalueheader}.NAME, integration.response.body[.JSONPATH], context.NAME, "
                + "stageVariables.NAME or a 'quoted literal'");
    }

    private static ParameterSource located(String expression, String rest, boolean response) {
        if (rest.equals("body")) {
            return new ParameterSource(expression, response ? Kind.RESPONSE_BODY : Kind.BODY, null, null);
        }
        if (rest.startsWith("body.")) {
            String path = rest.substring("body.".length());
            if (path.isEmpty()) {
                throw new IllegalArgumentException("missing JSONPath after 'body.' in '" + expression + "'");
            }
            try { // §4.1 [D]: the JSONPath is written without its "$."
                return new ParameterSource(expression, response ? Kind.RESPONSE_BODY : Kind.BODY, null, JsonPaths.compile("$." + path));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid JSONPath '" + path + "' in '" + expression + "'", e);
            }
        }
        int dot = rest.indexOf('.');
        String location = dot < 0 ? rest : rest.substring(0, dot);
        Kind kind = response ? switch (location) {
            case "header" -> Kind.RESPONSE_HEADER;
            case "multivalueheader" -> Kind.RESPONSE_MULTI_HEADER;
            default -> null;
        } : switch (location) {
            case "path" -> Kind.PATH;
            case "querystring" -> Kind.QUERYSTRING;
            case "multivaluequerystring" -> Kind.MULTI_QUERYSTRING;
            case "header" -> Kind.HEADER;
            case "multivalueheader" -> Kind.MULTI_HEADER;
            default -> null;
        };
        if (kind == null || dot < 0) {
            String prefix = response ? "integration.response." : "method.request.";
            List<String> forms = response ? List.of("header.NAME", "multivalueheader.NAME", "body", "body.JSONPATH")
                    : List.of("path.NAME", "querystring.NAME", "multivaluequerystring.NAME", "header.NAME", "multivalueheader.NAME", "body", "body.JSONPATH");
            throw new IllegalArgumentException("unsupported parameter mapping source '" + expression + "': expected "
                    + prefix + String.join(", " + prefix, forms));
        }
        return new ParameterSource(expression, kind, checkedName(expression, rest.substring(dot + 1)), null);
    }

    private static String checkedName(String expression, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid name '" + name + "' in '" + expression + "': names must match " + NAME.pattern());
        }
        return name;
    }

    /**
     * Values for the request side ({@code integration.request.*} targets): empty when the source resolves to
     * nothing (the mapping is skipped, §4.1 [E]). A {@code multivaluequerystring} source gives every value; an
     * {@code integration.response.*} source gives nothing here.
     *
     * @throws InvalidJsonBodyException for {@code method.request.body.X} over a body that looks like JSON but is not
     */
    public List<String> resolve(MappingInput request) {
        return isResponseSource() ? List.of() : resolve(request, Map.of(), null);
    }

    /**
     * Values for the response side ({@code method.response.header.*} targets), with the integration's response
     * headers (all values, in order) and body.
     *
     * @throws InvalidJsonBodyException for a {@code body.X} source over a body that looks like JSON but is not
     */
    public List<String> resolve(MappingInput request, Map<String, List<String>> responseHeaders, String responseBody) {
        Map<String, List<String>> headers = responseHeaders == null ? Map.of() : responseHeaders;
        return switch (kind) {
            case LITERAL -> one(name);
            case PATH -> one(request.path().get(name));
            case QUERYSTRING -> one(last(request.query().get(name)));
            case MULTI_QUERYSTRING -> all(request.query().get(name));
            case HEADER -> one(last(header(request.headers(), name)));
            case MULTI_HEADER -> one(joined(header(request.headers(), name)));
            case RESPONSE_HEADER -> one(last(header(headers, name)));
            case RESPONSE_MULTI_HEADER -> one(joined(header(headers, name)));
            case BODY -> body(request.body(), false);
            case RESPONSE_BODY -> body(responseBody, true);
            case CONTEXT -> one(contextValue(request.context()));
            case STAGE_VARIABLE -> one(request.stageVariables().get(name));
        };
    }

    /** True for {@code integration.response.*} sources, which only method response mappings can use. */
    public boolean isResponseSource() {
        return kind == Kind.RESPONSE_HEADER || kind == Kind.RESPONSE_MULTI_HEADER || kind == Kind.RESPONSE_BODY;
    }

    /** What a gateway response template may substitute (§6.2): method request parameters, context, stage variables. */
    boolean isGatewayResponseReference() {
        return switch (kind) {
            case PATH, QUERYSTRING, MULTI_QUERYSTRING, HEADER, MULTI_HEADER, CONTEXT, STAGE_VARIABLE -> true;
            default -> false;
        };
    }

    /** The expression as written. */
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }

    private List<String> body(String body, boolean response) {
        String text = body == null || body.isEmpty() ? EMPTY_BODY : body;
        if (bodyPath == null) {
            return one(text);
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty() || JSON_BODY_FIRST_CHARACTERS.indexOf(trimmed.charAt(0)) < 0) {
            return List.of(); // not taken for JSON: as if it were {}, where no path finds anything
        }
        Object document;
        try {
            document = Json.read(trimmed);
        } catch (JsonProcessingException e) {
            throw new InvalidJsonBodyException(response, e);
        }
        Object value = JsonPaths.read(document, bodyPath);
        return one(value == null || value instanceof String ? (String) value : Json.write(value));
    }

    /** {@code context.a.b}: walks the nested maps; text, numbers and booleans give a value, objects nothing [U]. */
    private String contextValue(Map<String, Object> context) {
        Object value = context;
        for (String segment : name.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(segment) : null;
        }
        return value instanceof String || value instanceof Number || value instanceof Boolean ? String.valueOf(value) : null;
    }

    private static List<String> header(Map<String, List<String>> headers, String name) {
        if (HEADER_NAMES_CASE_SENSITIVE) {
            return headers.get(name);
        }
        List<String> values = new ArrayList<>();
        headers.forEach((key, list) -> {
            if (key.equalsIgnoreCase(name) && list != null) {
                values.addAll(list);
            }
        });
        return values;
    }

    private static String last(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(MULTI_VALUE_HEADER_SEPARATOR, values);
    }

    private static List<String> one(String value) {
        if (value == null || (EMPTY_VALUE_IS_NOTHING && value.isEmpty())) {
            return List.of();
        }
        return List.of(value);
    }

    private static List<String> all(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> present = new ArrayList<>(values.size());
        for (String value : values) {
            if (value != null) {
                present.add(value);
            }
        }
        return List.copyOf(present);
    }
}
