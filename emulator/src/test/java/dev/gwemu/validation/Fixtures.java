package dev.gwemu.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders shared by the validation tests. */
final class Fixtures {
    static final String API_ID = "abc123defg";
    static final String MODEL_URL = "https://apigateway.amazonaws.com/restapis/" + API_ID + "/models/";

    private Fixtures() {
    }

    static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Models from alternating name, schema-JSON arguments. */
    static Models models(String... namesAndSchemas) {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            schemas.put(namesAndSchemas[i], json(namesAndSchemas[i + 1]));
        }
        return Models.compile(API_ID, schemas);
    }

    /** A method validating only its body, with one application/json model. */
    static RequestValidator jsonBody(Models models, String model) {
        return RequestValidator.compile(true, false, Map.of(), Map.of("application/json", model), models);
    }

    static Optional<ValidationFailure> send(RequestValidator validator, String contentType, String body) {
        return validator.validate(Map.of(), Map.of(), Map.of(), contentType,
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** The validationErrorString of an application/json body that must fail. */
    static String errors(RequestValidator validator, String body) {
        ValidationFailure failure = send(validator, "application/json", body)
                .orElseThrow(() -> new AssertionError("expected " + body + " to fail"));
        if (failure.kind() != ValidationFailure.Kind.BODY || !failure.message().equals("Invalid request body")) {
            throw new AssertionError("not a body failure: " + failure);
        }
        return failure.validationErrorString();
    }

    static Map<String, List<String>> multi(String... namesAndValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.computeIfAbsent(namesAndValues[i], k -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return map;
    }
}
