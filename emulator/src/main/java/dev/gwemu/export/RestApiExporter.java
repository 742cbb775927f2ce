package dev.gwemu.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.model.Api;
import dev.gwemu.model.Method;
import dev.gwemu.model.MethodResponse;
import dev.gwemu.model.Project;
import dev.gwemu.model.Resource;
import dev.gwemu.model.Stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of a REST API export both formats share (security-and-operations.md §8.3): one path per resource that has
 * methods, one operation per method, with what API Gateway keeps of it. Operation ids, request parameters (all typed
 * string, as API Gateway records only their names and whether they are required), JSON request and response models,
 * method response headers, security requirements, and with the extensions asked for the request validator and the
 * integration. Summaries, descriptions, tags and examples are documentation in API Gateway, published only with a
 * documentation version, so they are not exported. The two formats differ in how a parameter, a body and a response are
 * written, and in the document's head and tail; subclasses write those.
 */
abstract class RestApiExporter {
    /** Operations in the order of an OpenAPI path item; {@code ANY} ({@code x-amazon-apigateway-any-method}) last. */
    private static final List<String> METHOD_ORDER = List.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "ANY");

    protected final Project project;
    protected final Api api;
    protected final Stage stage;
    protected final ExportExtensions extensions;
    protected final DefinitionSource source;
    private final RestSecuritySchemes security;

    /** A request parameter: where it is ({@code path}, {@code query}, {@code header}), its name, whether required. */
    protected record Parameter(String in, String name, boolean required) {
    }

    /** A JSON body model: its content type as written and its schema (a model reference or inline), for the format. */
    protected record Body(String contentType, JsonNode schema) {
    }

    RestApiExporter(Project project, Api api, Stage stage, ExportExtensions extensions, DefinitionSource source) {
        this.project = project;
        this.api = api;
        this.stage = stage;
        this.extensions = extensions;
        this.source = source;
        this.security = new RestSecuritySchemes(extensions, source);
    }

    /** The format written; model references follow it. */
    protected abstract ExportFormat format();

    /** {@code openapi}/{@code swagger}, {@code info} and where the stage is served. */
    protected abstract void head(ObjectNode root);

    /** What comes between {@code operationId} and {@code responses}: parameters and the request body. */
    protected abstract void request(ObjectNode operation, Resource resource, Method method, List<Parameter> parameters,
                                    Body body, List<Body> responseBodies);

    /** One method response. */
    protected abstract ObjectNode response(String status, List<String> headers, Body body);

    /** What follows the paths: security schemes and models. */
    protected abstract void tail(ObjectNode root, ObjectNode securitySchemes, ObjectNode models);

    final ObjectNode export() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        head(root);
        ObjectNode paths = root.putObject("paths");
        for (Resource resource : api.resources()) {
            ObjectNode item = JsonNodeFactory.instance.objectNode();
            for (Method method : ordered(resource)) {
                item.set(method.httpMethod().equals("ANY") ? DefinitionSource.ANY_METHOD
                        : method.httpMethod().toLowerCase(Locale.ROOT), operation(resource, method));
            }
            if (!item.isEmpty()) {
                paths.set(resource.path(), item);
            }
        }
        ObjectNode models = JsonNodeFactory.instance.objectNode();
        source.models().forEach((name, schema) -> models.set(name, ModelReferences.rewrite(schema, format())));
        tail(root, security.schemes(), models);
        if (extensions.apiLevel()) {
            ApiLevelExtensions.write(api, source, root);
        }
        return root;
    }

    private ObjectNode operation(Resource resource, Method method) {
        ObjectNode operation = JsonNodeFactory.instance.objectNode();
        if (method.operationName() != null) {
            operation.put("operationId", method.operationName());
        }
        Map<String, Body> responseBodies = new LinkedHashMap<>();
        for (String status : method.responses().keySet()) {
            responseBodies.put(status, json(source.responseSchemas(resource.path(), method.httpMethod(), status)));
        }
        request(operation, resource, method, parameters(method), requestBody(resource, method),
                responseBodies.values().stream().filter(b -> b != null).toList());
        ObjectNode responses = operation.putObject("responses");
        for (MethodResponse response : method.responses().values()) {
            responses.set(response.statusCode(), response(response.statusCode(), headers(resource, method, response),
                    responseBodies.get(response.statusCode())));
        }
        ArrayNode requirements = security.requirements(method);
        if (requirements != null) {
            operation.set("security", requirements);
        }
        if (extensions.apiLevel()) {
            String validator = source.validatorOf(resource.path(), method.httpMethod());
            if (validator != null) {
                operation.put(DefinitionSource.VALIDATOR, validator);
            }
        }
        if (extensions.integrations()) {
            operation.set(DefinitionSource.INTEGRATION, IntegrationWriter.write(method.integration(),
                    source.integration(resource.path(), method.httpMethod())));
        }
        return operation;
    }

    /** The method request parameters, in definition order. */
    private static List<Parameter> parameters(Method method) {
        List<Parameter> parameters = new ArrayList<>();
        method.requestParameters().forEach((key, required) -> {
            String rest = key.substring("method.request.".length());
            int dot = rest.indexOf('.');
            String location = rest.substring(0, dot);
            String in = switch (location) {
                case "path" -> "path";
                case "querystring" -> "query";
                case "header" -> "header";
                default -> null;
            };
            if (in != null) {
                parameters.add(new Parameter(in, rest.substring(dot + 1), required));
            }
        });
        return parameters;
    }

    /**
     * The method's JSON request model, or null when it has none. API Gateway exports only application/json models and
     * refuses a method whose body models are all of other types ("Only found non-JSON body models for ...").
     */
    private Body requestBody(Resource resource, Method method) {
        Map<String, JsonNode> schemas = source.requestBodySchemas(resource.path(), method.httpMethod());
        Body body = json(schemas);
        if (body == null && !schemas.isEmpty()) {
            throw new ExportException(ExportException.Reason.NOT_EXPORTABLE, "Only found non-JSON body models for "
                    + method.httpMethod() + " " + resource.path() + " (" + String.join(", ", schemas.keySet())
                    + "); API Gateway exports application/json models only");
        }
        return body;
    }

    private Body json(Map<String, JsonNode> schemas) {
        for (Map.Entry<String, JsonNode> schema : schemas.entrySet()) {
            String type = schema.getKey().toLowerCase(Locale.ROOT);
            if (type.equals("application/json") || type.startsWith("application/json;")) {
                return new Body(schema.getKey(), ModelReferences.rewrite(schema.getValue(), format()));
            }
        }
        return null;
    }

    /** The method response's headers: in the order the definition wrote them, any others after in name order. */
    private List<String> headers(Resource resource, Method method, MethodResponse response) {
        List<String> declared = response.responseParameters().keySet().stream()
                .map(k -> k.substring("method.response.header.".length())).sorted(Comparator.naturalOrder()).toList();
        List<String> ordered = new ArrayList<>();
        for (String name : source.responseHeaders(resource.path(), method.httpMethod(), response.statusCode())) {
            if (declared.contains(name)) {
                ordered.add(name);
            }
        }
        declared.stream().filter(name -> !ordered.contains(name)).forEach(ordered::add);
        return ordered;
    }

    private static List<Method> ordered(Resource resource) {
        return resource.methods().values().stream()
                .sorted(Comparator.comparingInt(m -> METHOD_ORDER.indexOf(m.httpMethod()))).toList();
    }

    /** {@code https://{apiId}.execute-api.{region}.amazonaws.com}'s host. */
    protected String host() {
        return api.id() + ".execute-api." + project.region() + ".amazonaws.com";
    }
}
