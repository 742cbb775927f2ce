package dev.gwemu.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.cache.Cache;
import com.jayway.jsonpath.spi.cache.CacheProvider;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import java.util.List;

/**
 * JSONPath over JSON text as API Gateway evaluates it (data-plane.md §5.2 [D]: Jayway syntax, {@code $.a.b},
 * {@code $.a[0]}, {@code $.a[*].b}, {@code $..b}). Used by {@code $input.path}, {@code $input.json},
 * {@code method.request.body.X} and {@code integration.response.body.X}.
 *
 * <p>Values come back as templates see them: objects as {@link java.util.LinkedHashMap} (printing {@code {k=v}}),
 * arrays as lists printing their JSON text, and strings, numbers and booleans as themselves. A missing path gives
 * null rather than an exception. Jayway runs on Jackson here and never on its default json-smart provider
 * (Jayway itself still uses json-smart to read JSON literals written inside filter expressions).
 */
public final class JsonPaths {
    private static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new VtlJsonProvider())
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private JsonPaths() {
    }

    /**
     * Parses JSON text into Map / List / String / Number / Boolean (null for the JSON literal null).
     *
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static Object parse(String json) {
        try {
            return Json.read(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Evaluates a JSONPath ({@code $.a.b}; a path without {@code $} is read as {@code $.path}, as Jayway does) over
     * a document from {@link #parse}: the value found, a list for paths with wildcards or deep scans, or null.
     *
     * @throws IllegalArgumentException when the path is not valid JSONPath
     */
    public static Object read(Object document, String path) {
        return read(document, compile(path));
    }

    /** Compact JSON text of a value as {@code $input.json} writes it: strings quoted, maps and lists as JSON. */
    public static String toJson(Object value) {
        return Json.write(value);
    }

    /** Compiles through Jayway's shared (thread-safe, bounded) cache: templates evaluate the same paths again and again. */
    static JsonPath compile(String path) {
        Cache cache = CacheProvider.getCache();
        JsonPath compiled = cache.get(path);
        if (compiled != null) {
            return compiled;
        }
        try {
            compiled = JsonPath.compile(path);
            cache.put(path, compiled);
            return compiled;
        } catch (RuntimeException e) { // mostly InvalidPathException; Jayway also fails with index errors on '$['
            String reason = e instanceof InvalidPathException ? ": " + e.getMessage() : "";
            throw new IllegalArgumentException("invalid JSONPath '" + path + "'" + reason, e);
        }
    }

    static Object read(Object document, JsonPath path) {
        if (document == null) {
            return null; // the JSON literal null: nothing below it, and Jayway refuses a null document
        }
        return path.read(document, CONFIGURATION);
    }

    /** Jayway's Jackson provider, building result lists (wildcards, deep scans) as {@link JsonList} too. */
    private static final class VtlJsonProvider extends JacksonJsonProvider {
        VtlJsonProvider() {
            super(Json.MAPPER);
        }

        @Override
        public List<Object> createArray() {
            return new JsonList();
        }
    }
}
