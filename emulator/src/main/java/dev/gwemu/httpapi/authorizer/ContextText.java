package dev.gwemu.httpapi.authorizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/** The text a context value becomes in a payload 1.0 event, where every authorizer value is a string. */
final class ContextText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContextText() {
    }

    static String of(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a context value read from JSON cannot be written back", e);
            }
        }
        return String.valueOf(value);
    }
}
