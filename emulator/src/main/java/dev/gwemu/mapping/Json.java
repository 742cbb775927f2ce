package dev.gwemu.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and writing JSON the way templates see it: objects as LinkedHashMap, arrays as {@link JsonList}. */
final class Json {
    /**
     * §4.1 [E]: API Gateway looks at a body starting with {@code '} as JSON, so its parser is a lenient one; we
     * accept single-quoted strings and unquoted names too. Trailing garbage after the value is not JSON.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new SimpleModule("vtl-json").addAbstractTypeMapping(List.class, JsonList.class))
            .build();

    private Json() {
    }

    /** Parses JSON text; Jackson builds {@link JsonList} for arrays through the abstract type mapping above. */
    static Object read(String text) throws JsonProcessingException {
        return MAPPER.readValue(text, Object.class);
    }

    /** Compact JSON text of a value (a string gets its quotes). */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deep copy of maps and lists, so a template changing what it got cannot change the parsed body. */
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            JsonList copy = new JsonList();
            for (Object item : list) {
                copy.add(copy(item));
            }
            return copy;
        }
        return value;
    }
}
