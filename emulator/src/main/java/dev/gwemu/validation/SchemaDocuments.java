package dev.gwemu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The compiled models' schemas by URL (after {@link ModelRefs}), read-only, to find the schema a validation error
 * came from: networknt reports where it was (an evaluation path), and the messages need the schema itself.
 */
final class SchemaDocuments {
    private final Map<String, JsonNode> byUrl;

    SchemaDocuments(Map<String, JsonNode> byUrl) {
        this.byUrl = Map.copyOf(byUrl);
    }

    /**
     * The schema node reached from model {@code rootUrl} along evaluation-path {@code tokens} (keywords, property
     * names, indexes), following each "$ref" met on the way; null when it cannot be found.
     */
    JsonNode walk(String rootUrl, List<String> tokens) {
        String document = rootUrl;
        JsonNode node = byUrl.get(rootUrl);
        for (String token : tokens) {
            if (node == null) {
                return null;
            }
            if (token.equals("$ref") && node.path("$ref").isTextual()) {
                String ref = node.get("$ref").textValue();
                int hash = ref.indexOf('#');
                if (hash != 0) {
                    document = hash < 0 ? ref : ref.substring(0, hash);
                }
                String pointer = hash < 0 ? "" : URLDecoder.decode(ref.substring(hash + 1).replace("+", "%2B"),
                        StandardCharsets.UTF_8);
                JsonNode root = byUrl.get(document);
                node = root == null || !(pointer.isEmpty() || pointer.startsWith("/")) ? null : root.at(pointer);
            } else if (node.isArray()) {
                node = isIndex(token) ? node.get(Integer.parseInt(token)) : null;
            } else {
                node = node.get(token);
            }
        }
        return node == null || node.isMissingNode() ? null : node;
    }

    static boolean isIndex(String token) {
        return !token.isEmpty() && token.length() < 10 && token.chars().allMatch(Character::isDigit);
    }
}
