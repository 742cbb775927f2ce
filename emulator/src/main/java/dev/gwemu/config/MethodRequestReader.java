package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.model.MethodResponse;
import dev.gwemu.validation.ModelException;
import dev.gwemu.validation.Models;
import dev.gwemu.validation.RequestValidator;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a method declares about its request and responses, read from the definition's own tree
 * (OpenAPI 3 or Swagger 2 alike): parameters and whether they are required, the request models
 * per content type, the request validator in force, and the method responses. Models are compiled
 * once per API here, inline request schemas included.
 */
final class MethodRequestReader {
    static final String VALIDATORS = "x-amazon-apigateway-request-validators";
    static final String VALIDATOR = "x-amazon-apigateway-request-validator";

    private record Validator(boolean body, boolean parameters) {
    }

    private final JsonNode root;
    private final SourceLines lines;
    private final List<Problem> problems;
    private final Map<String, Validator> validators = new LinkedHashMap<>();
    private final String defaultValidator;
    private final String apiId;
    private Models models; // compiled when a validator first needs them: JSON Schema start-up costs ~0.4 s

    MethodRequestReader(JsonNode root, String apiId, SourceLines lines, List<Problem> problems) {
        this.root = root;
        this.lines = lines;
        this.problems = problems;
        JsonNode declared = root.path(VALIDATORS);
        for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            validators.put(entry.getKey(), new Validator(entry.getValue().path("validateRequestBody").asBoolean(false),
                    entry.getValue().path("validateRequestParameters").asBoolean(false)));
        }
        String fallback = root.path(VALIDATOR).isTextual() ? root.path(VALIDATOR).asText() : null;
        if (fallback != null && !validators.containsKey(fallback)) {
            problems.add(lines.problem("/" + VALIDATOR, "request validator '" + fallback + "' is not declared under " + VALIDATORS));
            fallback = null;
        }
        this.defaultValidator = fallback;
        this.apiId = apiId;
    }

    /** Component schemas plus every inline request body schema, under the name {@link #inlineModelName} gives it. */
    private Models compileModels(String apiId) {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        JsonNode components = root.path("components").path("schemas");
        JsonNode definitions = root.path("definitions");
        for (JsonNode holder : List.of(components, definitions)) {
            holder.fields().forEachRemaining(e -> schemas.put(e.getKey(), e.getValue()));
        }
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String at = "/paths/" + ProjectFileReader.escape(path.getKey()) + "/" + op.getKey();
            requestSchemas(op.getValue()).forEach((type, schema) -> {
                if (!schema.has("$ref")) {
                    schemas.put(inlineModelName(at, type), schema);
                }
            });
        }));
        try {
            return Models.compile(apiId, schemas);
        } catch (ModelException e) {
            String pointer = components.has(e.model()) ? "/components/schemas/" + ProjectFileReader.escape(e.model())
                    : definitions.has(e.model()) ? "/definitions/" + ProjectFileReader.escape(e.model()) : "";
            problems.add(lines.problem(pointer, "model " + e.model() + ": " + e.getMessage()));
            return Models.compile(apiId, Map.of());
        }
    }

    private static String inlineModelName(String operationPointer, String contentType) {
        return "inline " + operationPointer + " " + contentType;
    }

    /** Content type to request body schema: OpenAPI 3 requestBody.content, or Swagger 2's body parameter with consumes. */
    private Map<String, JsonNode> requestSchemas(JsonNode operation) {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        operation.path("requestBody").path("content").fields().forEachRemaining(e -> {
            if (e.getValue().has("schema")) {
                schemas.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().get("schema"));
            }
        });
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            if ("body".equals(resolved.path("in").asText()) && resolved.has("schema")) {
                JsonNode consumes = operation.has("consumes") ? operation.get("consumes") : root.path("consumes");
                if (consumes.isEmpty()) {
                    schemas.put("application/json", resolved.get("schema"));
                }
                consumes.forEach(type -> schemas.put(type.asText().toLowerCase(Locale.ROOT), resolved.get("schema")));
            }
        }
        return schemas;
    }

    /** {@code method.request.{path|querystring|header}.NAME} to required, from path-level and operation parameters. */
    Map<String, Boolean> parameters(JsonNode pathItem, JsonNode operation) {
        Map<String, Boolean> parameters = new LinkedHashMap<>();
        for (JsonNode holder : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : holder) {
                JsonNode resolved = resolve(parameter);
                String location = switch (resolved.path("in").asText()) {
                    case "path" -> "path";
                    case "query" -> "querystring";
                    case "header" -> "header";
                    default -> null; // body, formData, cookie: not method request parameters
                };
                if (location != null && resolved.hasNonNull("name")) {
                    parameters.put("method.request." + location + "." + resolved.get("name").asText(),
                            resolved.path("required").asBoolean(false));
                }
            }
        }
        return parameters;
    }

    /** The validation a method runs, or null when no validator applies. */
    RequestValidator validator(JsonNode operation, String at, Map<String, Boolean> parameters) {
        String name = defaultValidator;
        if (operation.path(VALIDATOR).isTextual()) {
            name = operation.path(VALIDATOR).asText();
            if (!validators.containsKey(name)) {
                problems.add(lines.problem(at + "/" + VALIDATOR, "request validator '" + name + "' is not declared under " + VALIDATORS));
                return null;
            }
        }
        Validator validator = name == null ? null : validators.get(name);
        if (validator == null || (!validator.body() && !validator.parameters())) {
            return null;
        }
        Map<String, String> requestModels = new LinkedHashMap<>();
        requestSchemas(operation).forEach((type, schema) -> requestModels.put(type,
                schema.has("$ref") ? refName(schema.get("$ref").asText()) : inlineModelName(at, type)));
        try {
            if (models == null) {
                models = compileModels(apiId);
            }
            return RequestValidator.compile(validator.body(), validator.parameters(), parameters, requestModels, models);
        } catch (ModelException e) {
            problems.add(lines.problem(at, "request model " + e.model() + ": " + e.getMessage()));
            return null;
        }
    }

    /** Method responses by status, with their declared headers as {@code method.response.header.NAME}. */
    static Map<String, MethodResponse> responses(JsonNode operation) {
        Map<String, MethodResponse> responses = new LinkedHashMap<>();
        operation.path("responses").fields().forEachRemaining(e -> {
            Map<String, Boolean> headers = new LinkedHashMap<>();
            e.getValue().path("headers").fields().forEachRemaining(h ->
                    headers.put("method.response.header." + h.getKey(), h.getValue().path("required").asBoolean(false)));
            responses.put(e.getKey(), new MethodResponse(e.getKey(), headers));
        });
        return responses;
    }

    /**
     * Whether the method needs an API key: its security (or the definition's default) names a scheme
     * of type apiKey on header x-api-key, which API Gateway's import turns into apiKeyRequired
     * (security-and-operations.md §2.2, §8.2). Other apiKey schemes are authorizers.
     */
    boolean apiKeyRequired(JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.get("security") : root.path("security");
        JsonNode schemes = root.path("components").path("securitySchemes");
        if (schemes.isMissingNode()) {
            schemes = root.path("securityDefinitions");
        }
        for (JsonNode requirement : security) {
            for (Iterator<String> names = requirement.fieldNames(); names.hasNext(); ) {
                JsonNode scheme = schemes.path(names.next());
                if ("apiKey".equals(scheme.path("type").asText()) && "header".equals(scheme.path("in").asText())
                        && "x-api-key".equalsIgnoreCase(scheme.path("name").asText())
                        && !scheme.has("x-amazon-apigateway-authtype")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A local {@code $ref} ({@code #/components/parameters/X}) followed once; anything else as it is. */
    private JsonNode resolve(JsonNode node) {
        if (node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
            return root.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
