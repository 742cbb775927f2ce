package dev.gwemu.httpapi.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code requestParameters} of an HTTP API AWS service integration (one with an {@code integrationSubtype}):
 * action parameter name to value, each value read from the request with the same sources as HTTP API parameter
 * mapping ("Create AWS service integrations for HTTP APIs", "Mapping request parameters"). Compiled once at load;
 * evaluated per request from any number of threads.
 */
public final class ActionParameters {
    private final Map<String, ValueExpression> values;

    private ActionParameters(Map<String, ValueExpression> values) {
        this.values = values;
    }

    /**
     * @param parameters action parameter name to value expression, as written
     * @throws IllegalArgumentException naming the parameter whose value has an unknown source or a bad JSONPath
     */
    public static ActionParameters compile(Map<String, String> parameters) {
        Map<String, ValueExpression> compiled = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            try {
                compiled.put(name, ValueExpressionParser.parse(value, false));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter " + name + ": " + e.getMessage(), e);
            }
        });
        return new ActionParameters(java.util.Collections.unmodifiableMap(compiled));
    }

    /**
     * The parameters' values for one request, in no particular order; a parameter whose every source is missing
     * (and that has no static text) is left out, as parameter mapping skips it.
     */
    public Map<String, String> evaluate(MappingSources sources) {
        SourceValues read = new SourceValues(sources, null);
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((name, expression) -> {
            String value = expression.evaluate(read);
            if (value != null) {
                out.put(name, value);
            }
        });
        return out;
    }
}
