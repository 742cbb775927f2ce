package dev.gwemu.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;

/** The models every REST API has without declaring them (§7 [V]). */
final class BuiltInModels {
    static final String EMPTY = "Empty";
    static final String ERROR = "Error";

    private static final String EMPTY_SCHEMA =
            "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"title\":\"Empty Schema\",\"type\":\"object\"}";
    private static final String ERROR_SCHEMA =
            "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"title\":\"Error Schema\",\"type\":\"object\","
                    + "\"properties\":{\"message\":{\"type\":\"string\"}}}";

    private BuiltInModels() {
    }

    /** Fresh copies, so nobody can alter the shared ones. */
    static Map<String, JsonNode> schemas() {
        return Map.of(EMPTY, parse(EMPTY_SCHEMA), ERROR, parse(ERROR_SCHEMA));
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
