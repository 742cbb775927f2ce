package dev.gwemu.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link MappingInput}s and renders templates over them, for the tests of this package. */
final class Requests {
    private String body;
    private final Map<String, String> path = new LinkedHashMap<>();
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, Object> context = new LinkedHashMap<>();
    private final Map<String, String> stageVariables = new LinkedHashMap<>();

    static Requests request() {
        return new Requests();
    }

    /** A request with only a body. */
    static MappingInput body(String body) {
        return request().withBody(body).input();
    }

    /** Renders a template over an input with fresh overrides. */
    static String render(String template, MappingInput input) {
        return VtlTemplate.compile("test", template).render(input, new Overrides());
    }

    Requests withBody(String value) {
        body = value;
        return this;
    }

    Requests path(String name, String value) {
        path.put(name, value);
        return this;
    }

    Requests query(String name, String... values) {
        query.put(name, List.of(values));
        return this;
    }

    Requests header(String name, String... values) {
        headers.put(name, List.of(values));
        return this;
    }

    Requests context(String name, Object value) {
        context.put(name, value);
        return this;
    }

    Requests stageVariable(String name, String value) {
        stageVariables.put(name, value);
        return this;
    }

    MappingInput input() {
        return new MappingInput(body, path, query, headers, context, stageVariables);
    }
}
