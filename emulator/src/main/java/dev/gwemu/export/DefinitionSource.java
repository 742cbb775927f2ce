package dev.gwemu.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The definition file an API was loaded from, read again for what API Gateway keeps and gwemu's serving model does
 * not: the API's description and version, its models, which model each method's request body and responses use, the
 * request validators and which one each method runs, the minimum compression size, a security scheme's
 * {@code x-amazon-apigateway-authtype} label and an integration's {@code credentials}, {@code connectionType},
 * {@code connectionId} and {@code tlsConfig}. OpenAPI 3 and Swagger 2 alike.
 */
final class DefinitionSource {
    static final String VALIDATORS = "x-amazon-apigateway-request-validators";
    static final String VALIDATOR = "x-amazon-apigateway-request-validator";
    static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    static final String INTEGRATION = "x-amazon-apigateway-integration";
    /** A REST API deployment's date as its export writes it, e.g. {@code 2026-11-26T01:02:03Z}. */
    static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    /** An HTTP API's date as its exports write it, e.g. {@code 2026-11-26 01:02:03UTC}. */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path file;
    private final JsonNode root;

    private DefinitionSource(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static DefinitionSource read(Path file) {
        try {
            JsonNode root = YAML.readTree(file.toFile());
            return new DefinitionSource(file, root == null ? MissingNode.getInstance() : root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " again to export it: " + e.getMessage(), e);
        }
    }

    /** {@code info.description}, or null. */
    String description() {
        JsonNode description = root.path("info").path("description");
        return description.isValueNode() && !description.asText().isBlank() ? description.asText() : null;
    }

    /**
     * {@code info.version} (API Gateway's import keeps it as the API's version), else the date the definition file was
     * last written, standing in for the deployment's (REST) or API's (HTTP) creation date AWS would use.
     */
    String version(DateTimeFormatter dates) {
        JsonNode version = root.path("info").path("version");
        if (version.isValueNode() && !version.asText().isBlank()) {
            return version.asText();
        }
        try {
            return dates.format(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The models, by name in definition order: {@code components.schemas} or Swagger's {@code definitions}. */
    Map<String, JsonNode> models() {
        Map<String, JsonNode> models = new LinkedHashMap<>();
        root.path("components").path("schemas").fields().forEachRemaining(e -> models.put(e.getKey(), e.getValue()));
        root.path("definitions").fields().forEachRemaining(e -> models.put(e.getKey(), e.getValue()));
        return models;
    }

    /** The operation object of a method ({@code ANY} is {@code x-amazon-apigateway-any-method}), or a missing node. */
    JsonNode operation(String path, String httpMethod) {
        String key = httpMethod.equals("ANY") ? ANY_METHOD : httpMethod.toLowerCase(Locale.ROOT);
        return root.path("paths").path(path).path(key);
    }

    /** Content type to request body schema: OpenAPI 3 {@code requestBody.content}, or Swagger's body parameter. */
    Map<String, JsonNode> requestBodySchemas(String path, String httpMethod) {
        JsonNode operation = operation(path, httpMethod);
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        resolve(operation.path("requestBody")).path("content").fields().forEachRemaining(e -> {
            if (e.getValue().has("schema")) {
                schemas.put(e.getKey(), e.getValue().get("schema"));
            }
        });
        for (JsonNode holder : List.of(root.path("paths").path(path).path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : holder) {
                JsonNode resolved = resolve(parameter);
                if ("body".equals(resolved.path("in").asText()) && resolved.has("schema")) {
                    for (String type : mediaTypes(operation, "consumes")) {
                        schemas.put(type, resolved.get("schema"));
                    }
                }
            }
        }
        return schemas;
    }

    /** Content type to the schema of one method response: OpenAPI 3 {@code content}, or Swagger's schema and produces. */
    Map<String, JsonNode> responseSchemas(String path, String httpMethod, String status) {
        JsonNode operation = operation(path, httpMethod);
        JsonNode response = resolve(operation.path("responses").path(status));
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        response.path("content").fields().forEachRemaining(e -> {
            if (e.getValue().has("schema")) {
                schemas.put(e.getKey(), e.getValue().get("schema"));
            }
        });
        if (response.has("schema")) {
            for (String type : mediaTypes(operation, "produces")) {
                schemas.put(type, response.get("schema"));
            }
        }
        return schemas;
    }

    /** The headers one method response declares, in the order written. */
    List<String> responseHeaders(String path, String httpMethod, String status) {
        List<String> names = new ArrayList<>();
        resolve(operation(path, httpMethod).path("responses").path(status)).path("headers").fieldNames()
                .forEachRemaining(names::add);
        return names;
    }

    /** {@code x-amazon-apigateway-request-validators} as written, or a missing node. */
    JsonNode validators() {
        return root.path(VALIDATORS);
    }

    /** The validator a method runs: its own {@code x-amazon-apigateway-request-validator}, else the definition's; or null. */
    String validatorOf(String path, String httpMethod) {
        JsonNode own = operation(path, httpMethod).path(VALIDATOR);
        JsonNode chosen = own.isTextual() ? own : root.path(VALIDATOR);
        return chosen.isTextual() && validators().has(chosen.asText()) ? chosen.asText() : null;
    }

    /** {@code x-amazon-apigateway-minimum-compression-size}, or a missing node. */
    JsonNode minimumCompressionSize() {
        return root.path("x-amazon-apigateway-minimum-compression-size");
    }

    /** A security scheme's {@code x-amazon-apigateway-authtype} as written, or null. */
    String authType(String scheme) {
        JsonNode schemes = root.path("components").path("securitySchemes");
        if (!schemes.has(scheme)) {
            schemes = root.path("securityDefinitions");
        }
        JsonNode label = schemes.path(scheme).path("x-amazon-apigateway-authtype");
        return label.isTextual() ? label.asText() : null;
    }

    /** The method's integration object as written (for the properties the serving model does not keep), or missing. */
    JsonNode integration(String path, String httpMethod) {
        return operation(path, httpMethod).path(INTEGRATION);
    }

    /** Swagger's {@code consumes} / {@code produces} of the operation, else of the definition, else JSON. */
    private List<String> mediaTypes(JsonNode operation, String field) {
        JsonNode types = operation.has(field) ? operation.get(field) : root.path(field);
        List<String> list = new ArrayList<>();
        types.forEach(t -> list.add(t.asText()));
        return list.isEmpty() ? List.of("application/json") : list;
    }

    /** A local {@code $ref} followed once; anything else as it is. */
    private JsonNode resolve(JsonNode node) {
        if (node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
            return root.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }
}
