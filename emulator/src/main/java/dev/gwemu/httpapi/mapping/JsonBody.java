package dev.gwemu.httpapi.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A request or response body as {@code $request.body} / {@code $response.body} sources read it: the whole text, or
 * a JSONPath selection over the body parsed once, on first use. The same idea as {@code mapping.JsonPaths} (Jayway
 * on Jackson, a missing path is nothing), kept here because paths are compiled at load and values are rendered
 * as header text rather than for templates. One instance per request; not shared between threads.
 */
final class JsonBody {
    /**
     * [D] "When you specify a JSON path, API Gateway truncates the request body at 100 KB and then applies the
     * selection expression" (HTTP API parameter mapping docs); a larger JSON body so fails to parse.
     */
    static final int JSONPATH_BODY_LIMIT = 100 * 1024;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // "1.50" stays 1.50, not 1.5
            .build();
    private static final Configuration JAYWAY = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();
    private static final Object NOT_JSON = new Object();

    private final byte[] bytes;
    private Object document;

    JsonBody(byte[] bytes) {
        this.bytes = bytes == null ? new byte[0] : bytes;
    }

    /**
     * The whole body as text when {@code path} is null, else the value the path selects: strings as themselves,
     * numbers and booleans as written, objects and arrays as compact JSON ([U]). Null when the body is empty, is
     * not JSON ([U]: AWS does not say; the mapping is then skipped) or has nothing at the path (or JSON null).
     */
    String select(JsonPath path) {
        if (path == null) {
            return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
        }
        Object doc = document();
        if (doc == NOT_JSON || doc == null) {
            return null;
        }
        return render(path.read(doc, JAYWAY));
    }

    private Object document() {
        if (document == null) {
            try {
                int length = Math.min(bytes.length, JSONPATH_BODY_LIMIT);
                document = length == 0 ? NOT_JSON : MAPPER.readValue(bytes, 0, length, Object.class);
            } catch (IOException e) {
                document = NOT_JSON;
            }
            if (document == null) {
                document = NOT_JSON; // the JSON literal null: nothing below it
            }
        }
        return document;
    }

    private static String render(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON value could not be written back", e);
        }
    }
}
