package dev.gwemu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rewrites every {@code $ref} of a model to the one form API Gateway stores, the model's URL
 * {@code https://apigateway.amazonaws.com/restapis/{apiId}/models/{Name}} (§7 [V]), so the schema library resolves
 * references between models from our own documents and never from the network.
 *
 * <p>Accepted as written in a definition: {@code #/components/schemas/Name} (OpenAPI 3), {@code #/definitions/Name}
 * (Swagger 2) and the URL form, each optionally followed by a deeper JSON pointer; and pointers local to the model
 * ({@code #}, {@code #/definitions/x} when no model is called x, ...). Anything else is a load error.
 */
final class ModelRefs {
    static final String URL_PREFIX = "https://apigateway.amazonaws.com/restapis/";
    private static final String OPENAPI3_PREFIX = "#/components/schemas/";
    private static final String SWAGGER2_PREFIX = "#/definitions/";
    private static final Pattern URL_SAFE_NAME = Pattern.compile("[A-Za-z0-9._~-]+");
    /** Keywords whose values are data, not schemas: a "$ref" inside them is not a reference. */
    private static final Set<String> DATA_KEYWORDS = Set.of("enum", "default", "example", "examples", "const");
    /** Keywords whose values map names (which may be spelled like keywords) to schemas. */
    private static final Set<String> NAMED_SCHEMAS = Set.of("properties", "patternProperties", "definitions",
            "dependencies");

    private final String apiId;
    private final Set<String> modelNames;

    ModelRefs(String apiId, Set<String> modelNames) {
        this.apiId = apiId;
        this.modelNames = modelNames;
    }

    /** The URL a model is known by, as its id and as the target of references to it. */
    String url(String name) {
        String segment = URL_SAFE_NAME.matcher(name).matches()
                ? name : URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return URL_PREFIX + apiId + "/models/" + segment;
    }

    /** A deep copy of {@code schema} with every reference in URL form; throws for a reference we cannot follow. */
    JsonNode rewrite(String model, JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        rewriteIn(model, copy, copy);
        return copy;
    }

    private void rewriteIn(String model, JsonNode root, JsonNode node) {
        if (node.isArray()) {
            for (JsonNode item : node) { // allOf, anyOf, oneOf, items: arrays of schemas
                rewriteIn(model, root, item);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode schema = (ObjectNode) node;
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual()) {
            schema.put("$ref", canonical(model, root, ref.textValue()));
        }
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            String keyword = field.getKey();
            if (NAMED_SCHEMAS.contains(keyword) && field.getValue().isObject()) {
                for (JsonNode named : field.getValue()) { // keys are names here, never keywords
                    rewriteIn(model, root, named);
                }
            } else if (!DATA_KEYWORDS.contains(keyword) && !keyword.startsWith("x-") && !keyword.equals("$ref")) {
                rewriteIn(model, root, field.getValue());
            }
        }
    }

    private String canonical(String model, JsonNode root, String ref) {
        if (ref.startsWith(OPENAPI3_PREFIX)) {
            return modelRef(model, ref, ref.substring(OPENAPI3_PREFIX.length()));
        }
        if (ref.startsWith(SWAGGER2_PREFIX)) {
            String rest = ref.substring(SWAGGER2_PREFIX.length());
            // In a Swagger 2 document #/definitions/X names the model X; a model's own "definitions" only when no
            // model has that name.
            if (modelNames.contains(decode(firstSegment(rest))) || !localTargetExists(root, ref)) {
                return modelRef(model, ref, rest);
            }
            return ref;
        }
        if (ref.startsWith("#")) {
            return ref; // local to this model; an unresolvable one fails when the schema is compiled
        }
        if (ref.startsWith(URL_PREFIX)) {
            String rest = ref.substring(URL_PREFIX.length());
            String ownModels = apiId + "/models/";
            if (!rest.startsWith(ownModels)) {
                throw new ModelException(model, "$ref \"" + ref + "\" refers to a model of another API (this API is "
                        + apiId + ")");
            }
            String target = rest.substring(ownModels.length());
            int hash = target.indexOf('#');
            String name = decode(hash < 0 ? target : target.substring(0, hash));
            return known(model, ref, name) + (hash < 0 ? "" : target.substring(hash));
        }
        throw new ModelException(model, "$ref \"" + ref + "\" is not supported: use #/components/schemas/Name, "
                + "#/definitions/Name or " + URL_PREFIX + apiId + "/models/Name");
    }

    /** {@code rest} is "Name" or "Name/deeper/pointer", as found after a definitions prefix. */
    private String modelRef(String model, String ref, String rest) {
        String segment = firstSegment(rest);
        String name = decode(segment);
        String pointer = rest.substring(segment.length());
        return known(model, ref, name) + (pointer.isEmpty() ? "" : "#" + pointer);
    }

    private String known(String model, String ref, String name) {
        if (!modelNames.contains(name)) {
            throw new ModelException(model, "$ref \"" + ref + "\" refers to an unknown model \"" + name + "\"");
        }
        return url(name);
    }

    private static boolean localTargetExists(JsonNode root, String ref) {
        return !root.at(percentDecode(ref.substring(1))).isMissingNode();
    }

    private static String firstSegment(String pointer) {
        int slash = pointer.indexOf('/');
        return slash < 0 ? pointer : pointer.substring(0, slash);
    }

    /** A JSON-pointer segment as written in a URI fragment: percent-encoded, then ~1 and ~0 escaped. */
    private static String decode(String segment) {
        return percentDecode(segment).replace("~1", "/").replace("~0", "~");
    }

    private static String percentDecode(String s) {
        return s.indexOf('%') < 0 ? s : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
