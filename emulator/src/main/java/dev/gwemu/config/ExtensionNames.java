package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names every {@code x-amazon-apigateway-*} key of a definition that gwemu will not act on, so none is skipped
 * silently: names API Gateway does not have (a typo), and for REST APIs the extensions it has that gwemu does not
 * serve. Other {@code x-} extensions are the author's own and stay unremarked, as API Gateway ignores them too.
 */
final class ExtensionNames {
    static final String PREFIX = "x-amazon-apigateway-";

    /** Every extension API Gateway documents ("OpenAPI extensions for API Gateway"). */
    private static final Set<String> AWS = Set.of("any-method", "cors", "api-key-source", "auth", "authorizer",
            "authtype", "binary-media-types", "documentation", "endpoint-access-mode", "endpoint-configuration",
            "gateway-responses", "importexport-version", "integration", "integrations", "minimum-compression-size",
            "policy", "request-validator", "request-validators", "security-policy", "tag-value");

    /** REST API extensions gwemu reads but does not act on, with what a user should know. */
    private static final Map<String, String> NOT_SERVED_ON_REST = Map.of(
            "documentation", "documentation parts are not served; ignored",
            "minimum-compression-size", "gwemu does not compress responses; ignored",
            "security-policy", "TLS security policies are not modelled (gwemu serves TLS 1.2 and 1.3); ignored",
            "endpoint-access-mode", "endpoint access modes are not modelled; ignored",
            "cors", "an HTTP API extension: a REST API ignores it (answer OPTIONS with a MOCK method instead)",
            "integrations", "an HTTP API extension: a REST API ignores it (put each integration on its method)",
            "importexport-version", "an HTTP API extension: a REST API ignores it");

    private ExtensionNames() {
    }

    /** Warns of each {@code x-amazon-apigateway-*} key of a REST API definition that does nothing. */
    static void checkRest(JsonNode root, SourceLines lines, List<Problem> warnings) {
        walk(root, "", lines, warnings, Set.of(), true);
    }

    /**
     * Warns of each unknown {@code x-amazon-apigateway-*} name in an HTTP API definition.
     *
     * @param warnedAtRoot root-level extensions the HTTP API reader already warns of
     */
    static void checkHttp(JsonNode root, SourceLines lines, List<Problem> warnings, List<String> warnedAtRoot) {
        walk(root, "", lines, warnings, Set.copyOf(warnedAtRoot), false);
    }

    private static void walk(JsonNode node, String pointer, SourceLines lines, List<Problem> warnings,
                             Set<String> skipAtRoot, boolean rest) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, lines, warnings, skipAtRoot, rest);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            String at = pointer + "/" + ProjectFileReader.escape(key);
            if (key.startsWith(PREFIX) && !(pointer.isEmpty() && skipAtRoot.contains(key))) {
                String name = key.substring(PREFIX.length());
                if (!AWS.contains(name)) {
                    warnings.add(lines.problem(at, "API Gateway has no extension '" + key + "' (a typo?); ignored"));
                    continue;
                }
                if (rest && NOT_SERVED_ON_REST.containsKey(name)) {
                    warnings.add(lines.problem(at, key + ": " + NOT_SERVED_ON_REST.get(name)));
                    continue;
                }
            }
            walk(field.getValue(), at, lines, warnings, skipAtRoot, rest);
        }
    }
}
