package dev.gwemu.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code $input} (data-plane.md §5.2): the payload and the method request parameters. One per render; the body
 * is parsed at most once, on the first {@code path} or {@code json} call. Public only because Velocity calls
 * methods of public classes alone.
 */
public final class InputVariable {
    /** §5.2 [V] ({@code test_input_body_formatting}): a request without a body reads as {@code {}}. */
    static final String EMPTY_BODY = "{}";
    /** §5.2 [E/U]: {@code $input.json} of a missing path (or of a body that is not JSON) is the JSON text {@code ""}. */
    static final String MISSING_JSON = "\"\"";
    /** §5.2 [E]: header names in {@code $input.params()} match regardless of case. */
    static final boolean HEADER_PARAMS_IGNORE_CASE = true;

    private static final Object NOT_JSON = new Object();

    private final MappingInput request;
    private final String body;
    private Object document;
    private Map<String, Object> params;

    InputVariable(MappingInput request) {
        this.request = request;
        this.body = request.body() == null || request.body().isEmpty() ? EMPTY_BODY : request.body();
    }

    /** {@code $input.body}: the raw payload; {@code $input.body.foo} yields nothing, as on AWS (§5.2 [V]). */
    public String getBody() {
        return body;
    }

    /** {@code $input.json('$.x')}: the value at the path as JSON text. */
    public String json(String path) {
        Object root = document();
        if (root == NOT_JSON) {
            return MISSING_JSON;
        }
        Object value = JsonPaths.read(root, path == null ? "$" : path);
        return value == null ? MISSING_JSON : Json.write(value);
    }

    /** {@code $input.path('$.x')}: the value at the path as a Map / List / String / Number / Boolean to navigate. */
    public Object path(String path) {
        Object root = document();
        if (root == NOT_JSON) {
            return MissingValue.INSTANCE;
        }
        Object value = JsonPaths.read(root, path == null ? "$" : path);
        return value == null ? MissingValue.INSTANCE : Json.copy(value);
    }

    /** {@code $input.params()}: {@code {path, querystring, header}}, one value each (the last, §5.2 [D]). */
    public Map<String, Object> params() {
        if (params == null) {
            params = new LinkedHashMap<>();
            Map<String, Object> path = new LinkedHashMap<>(request.path());
            params.put("path", path);
            params.put("querystring", lastValues(request.query(), new LinkedHashMap<>()));
            params.put("header", lastValues(request.headers(), HEADER_PARAMS_IGNORE_CASE ? new CaseInsensitiveMap() : new LinkedHashMap<>()));
        }
        return params;
    }

    /** {@code $input.params('x')}: path, then query string, then header; {@code ""} when absent (§5.2 [D][E]). */
    public Object params(String name) {
        for (String location : List.of("path", "querystring", "header")) {
            if (params().get(location) instanceof Map<?, ?> values && values.get(name) != null) {
                return values.get(name);
            }
        }
        return "";
    }

    private Object document() {
        if (document == null) {
            try {
                Object parsed = Json.read(body);
                document = parsed == null ? NOT_JSON : parsed; // the literal null has no paths either
            } catch (JsonProcessingException e) {
                document = NOT_JSON; // §5.2 [V]: a body that is not JSON gives null to $input.path
            }
        }
        return document;
    }

    private static Map<String, Object> lastValues(Map<String, List<String>> multi, Map<String, Object> into) {
        multi.forEach((name, values) -> {
            if (values != null && !values.isEmpty()) {
                into.put(name, values.get(values.size() - 1));
            }
        });
        return into;
    }
}
