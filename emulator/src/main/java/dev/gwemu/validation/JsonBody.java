package dev.gwemu.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads a request body as the JSON instance a model validates. */
final class JsonBody {
    /**
     * [U] AWS's limit is unknown. The schema library validates recursively, so a deeper document could overflow
     * the stack of the thread validating it; deeper bodies are invalid JSON here.
     */
    static final int MAX_NESTING_DEPTH = 256;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // "{} x" is not JSON
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS); // keep 0.1 exact for multipleOf, limits

    /** A body that is not JSON; its message says why, as the parser words it. */
    static final class InvalidJson extends Exception {
        InvalidJson(String message) {
            super(message, null, false, false);
        }
    }

    private JsonBody() {
    }

    /** §7 [V]: an empty body is validated as {}. Anything else must be one JSON value [E]. */
    static JsonNode parse(byte[] body) throws InvalidJson {
        if (body == null || body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidJson("no JSON value"); // e.g. only whitespace
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidJson(String.valueOf(e.getMessage()));
        }
    }
}
