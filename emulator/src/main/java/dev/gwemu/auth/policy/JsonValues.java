package dev.gwemu.auth.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reading the value shapes a policy allows, and naming a wrong one in a message. */
final class JsonValues {
    private JsonValues() {
    }

    /** A string, or a non-empty array of strings (Action, Resource, Principal values). */
    static List<String> strings(JsonNode node, String where) {
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " must be a string or an array of strings, got " + type(node));
        }
        if (node.isEmpty()) {
            throw new IllegalArgumentException(where + " is an empty array");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new IllegalArgumentException(where + "[" + i + "] must be a string, got " + type(node.get(i)));
            }
            out.add(node.get(i).textValue());
        }
        return out;
    }

    /** Condition values: a string, number or boolean, or a non-empty array of them, read as their text. */
    static List<String> scalars(JsonNode node, String where) {
        if (isScalar(node)) {
            return List.of(scalarText(node));
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " must be a string, number or boolean, or an array of them, got "
                    + type(node));
        }
        if (node.isEmpty()) {
            throw new IllegalArgumentException(where + " is an empty array");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!isScalar(node.get(i))) {
                throw new IllegalArgumentException(where + "[" + i + "] must be a string, number or boolean, got "
                        + type(node.get(i)));
            }
            out.add(scalarText(node.get(i)));
        }
        return out;
    }

    /** A JSON number as written in decimal: 1795640777.5, not the 1.7956407775E9 a double prints. */
    private static String scalarText(JsonNode node) {
        if (!node.isNumber()) {
            return node.asText();
        }
        return node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.decimalValue().toPlainString();
    }

    private static boolean isScalar(JsonNode node) {
        return node.isTextual() || node.isNumber() || node.isBoolean();
    }

    /** A JSON value's type for messages: string, number, boolean, array, object or null. */
    static String type(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return node.isArray() ? "array" : node.isObject() ? "object" : "binary";
    }

    /** A string value quoted, any other value by its type. */
    static String shown(JsonNode node) {
        return node != null && node.isTextual() ? "\"" + node.textValue() + "\"" : type(node);
    }
}
