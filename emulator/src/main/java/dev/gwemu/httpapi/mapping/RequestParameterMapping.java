package dev.gwemu.httpapi.mapping;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.QueryString;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP API integration's {@code requestParameters} ("Transform API requests and responses for HTTP APIs in API
 * Gateway"), compiled once at load and applied to each request from any number of threads.
 *
 * <p>Keys: {@code append|overwrite|remove:header.NAME}, {@code append|overwrite|remove:querystring.NAME},
 * {@code overwrite:path}. Values read the client's request as it arrived: a mapping never sees another's result,
 * so {@code append:header.b = $request.header.a} with {@code remove:header.a} renames a header, as the docs' example
 * does. Applies to HTTP_PROXY and AWS_PROXY (Lambda) integrations alike, see the package documentation.
 */
public final class RequestParameterMapping {
    public static final RequestParameterMapping NONE = new RequestParameterMapping(List.of());
    private static final String WHERE = "requestParameters";

    private final List<MappingRule> rules;

    private RequestParameterMapping(List<MappingRule> rules) {
        this.rules = rules;
    }

    /**
     * @param requestParameters key to value, as in {@code x-amazon-apigateway-integration}; null or empty for none
     * @throws IllegalArgumentException naming the offending key and value: an unknown target or source, a reserved
     *                                  header, a value of the wrong length, a bad JSONPath
     */
    public static RequestParameterMapping compile(Map<String, String> requestParameters) {
        if (requestParameters == null || requestParameters.isEmpty()) {
            return NONE;
        }
        List<MappingRule> rules = new ArrayList<>(requestParameters.size());
        requestParameters.forEach((key, value) -> rules.add(MappingRule.compile(WHERE, key, value, false)));
        rules.sort(MappingRule.RUN_ORDER);
        return new RequestParameterMapping(List.copyOf(rules));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The integration request for one client request; the client's request is left as it was. */
    public MappedRequest apply(MappingSources sources) {
        String rawQuery = sources.request().rawQuery() == null ? "" : sources.request().rawQuery();
        HeaderList headers = new HeaderList();
        for (HeaderList.Header h : sources.request().headers().lines()) {
            headers.add(h.name(), h.value());
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        QueryString.parse(rawQuery).all().forEach((name, values) -> query.put(name, new ArrayList<>(values)));
        SourceValues values = new SourceValues(sources, null);
        boolean queryChanged = false;
        String path = null;
        for (MappingRule rule : rules) {
            MappingTarget target = rule.target();
            if (target.action() == MappingAction.REMOVE) {
                if (target.location() == MappingTarget.Location.HEADER) {
                    headers.remove(target.name());
                } else {
                    queryChanged |= query.remove(target.name()) != null;
                }
                continue;
            }
            String value = rule.evaluate(values);
            if (value == null) {
                continue;
            }
            switch (target.location()) {
                case HEADER -> {
                    if (target.action() == MappingAction.OVERWRITE) {
                        headers.set(target.name(), value);
                    } else {
                        headers.add(target.name(), value);
                    }
                }
                case QUERYSTRING -> {
                    if (target.action() == MappingAction.OVERWRITE) {
                        query.put(target.name(), new ArrayList<>(List.of(value)));
                    } else {
                        query.computeIfAbsent(target.name(), k -> new ArrayList<>()).add(value);
                    }
                    queryChanged = true;
                }
                case PATH -> path = value;
                case STATUSCODE -> throw new IllegalStateException("compile admits no statuscode in requests");
            }
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        query.forEach((name, list) -> parameters.put(name, List.copyOf(list)));
        return new MappedRequest(headers, java.util.Collections.unmodifiableMap(parameters),
                queryChanged ? QueryStringWriter.write(parameters) : rawQuery, path);
    }
}
