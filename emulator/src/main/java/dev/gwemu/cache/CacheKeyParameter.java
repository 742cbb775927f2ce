package dev.gwemu.cache;

import dev.gwemu.pipeline.HeaderList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of an integration's {@code cacheKeyParameters}, a method request parameter
 * (security-and-operations.md §6 [doc]), parsed once at load and resolved per request.
 */
record CacheKeyParameter(Source source, String name) {
    /** The method request parameter kinds a cache key can name (data-plane.md §4.1). */
    enum Source {
        PATH("path"), QUERYSTRING("querystring"), MULTIVALUE_QUERYSTRING("multivaluequerystring"),
        HEADER("header"), MULTIVALUE_HEADER("multivalueheader");

        final String word;

        Source(String word) {
            this.word = word;
        }
    }

    private static final String PREFIX = "method.request.";

    /**
     * [unc] Header names in the key ignore case, as HTTP does: data-plane.md §4.1 [E] looks mapping sources up
     * case-sensitively, but for a cache key that would let {@code accept-language: de} share the entry of a request
     * without the header. Values: the last one, as a single-valued source reads it (data-plane.md §4.1).
     */
    static final boolean HEADER_NAMES_IGNORE_CASE = true;

    static CacheKeyParameter parse(String expression) {
        if (expression != null && expression.startsWith(PREFIX)) {
            String rest = expression.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot > 0 && dot < rest.length() - 1) {
                for (Source s : Source.values()) {
                    if (s.word.equals(rest.substring(0, dot))) {
                        return new CacheKeyParameter(s, rest.substring(dot + 1));
                    }
                }
            }
        }
        throw new IllegalArgumentException("cache key parameter must be method.request.{path|querystring|"
                + "multivaluequerystring|header|multivalueheader}.NAME, got '" + expression + "'");
    }

    /** The parameter's values in the request; empty when it is absent (an empty value is {@code [""]}). */
    List<String> valuesIn(Map<String, String> pathParameters, Map<String, List<String>> query, HeaderList headers) {
        return switch (source) {
            case PATH -> single(pathParameters.get(name));
            case QUERYSTRING -> {
                List<String> all = query.get(name);
                yield all == null || all.isEmpty() ? List.of() : List.of(all.get(all.size() - 1));
            }
            case MULTIVALUE_QUERYSTRING -> query.getOrDefault(name, List.of());
            case HEADER -> single(HEADER_NAMES_IGNORE_CASE ? headers.last(name) : lastExact(headers));
            case MULTIVALUE_HEADER -> allHeaderValues(headers);
        };
    }

    private List<String> allHeaderValues(HeaderList headers) {
        List<String> values = new ArrayList<>(1);
        for (HeaderList.Header h : headers.lines()) {
            if (HEADER_NAMES_IGNORE_CASE ? h.name().equalsIgnoreCase(name) : h.name().equals(name)) {
                values.add(h.value());
            }
        }
        return values;
    }

    private String lastExact(HeaderList headers) {
        List<String> all = allHeaderValues(headers);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    private static List<String> single(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
