package dev.gwemu.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.List;

/**
 * Moves schema references to the format being written: a model is {@code #/components/schemas/NAME} in OpenAPI 3 and
 * {@code #/definitions/NAME} in Swagger 2, whichever the definition used. Schemas are copied, never changed in place.
 */
final class ModelReferences {
    private static final List<String> PREFIXES = List.of("#/components/schemas/", "#/definitions/");

    private ModelReferences() {
    }

    /** The reference to a model in the format. */
    static String to(String model, ExportFormat format) {
        return (format == ExportFormat.OAS30 ? PREFIXES.get(0) : PREFIXES.get(1)) + model;
    }

    /** The model a local reference names, or null when it names none. */
    static String model(String ref) {
        for (String prefix : PREFIXES) {
            if (ref.startsWith(prefix)) {
                return ref.substring(prefix.length());
            }
        }
        return null;
    }

    /** A copy of the schema with every model reference in it rewritten for the format. */
    static JsonNode rewrite(JsonNode schema, ExportFormat format) {
        JsonNode copy = schema.deepCopy();
        rewriteInPlace(copy, format);
        return copy;
    }

    private static void rewriteInPlace(JsonNode node, ExportFormat format) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && model(ref.asText()) != null) {
                object.set("$ref", TextNode.valueOf(to(model(ref.asText()), format)));
            }
            object.forEach(child -> rewriteInPlace(child, format));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteInPlace(child, format));
        }
    }
}
