package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gwemu.model.Integration;
import dev.gwemu.model.IntegrationResponse;
import dev.gwemu.model.Method;
import dev.gwemu.model.MethodResponse;
import dev.gwemu.model.Resource;
import dev.gwemu.routing.ResourcePath;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an OpenAPI 3 or Swagger 2 definition with its {@code x-amazon-apigateway-*} extensions
 * into resources and methods, as API Gateway's import does. swagger-parser converts Swagger 2 to
 * OpenAPI 3 and keeps vendor extensions, so one reading serves both.
 */
final class OpenApiReader {
    static final String INTEGRATION = "x-amazon-apigateway-integration";
    static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    static final String BINARY_MEDIA_TYPES = "x-amazon-apigateway-binary-media-types";

    /** What a definition yields, and where its nodes are for later problems. */
    record Definition(List<Resource> resources, List<String> binaryMediaTypes,
                      Map<String, dev.gwemu.model.GatewayResponseSpec> gatewayResponses, String apiKeySource,
                      SourceLines lines, EndpointConfiguration endpoint, String policy) {
    }

    /** {@code x-amazon-apigateway-endpoint-configuration}: a null type when the definition does not say. */
    record EndpointConfiguration(dev.gwemu.model.EndpointType type, List<String> vpcEndpointIds) {
    }

    /** Where an operation's integration uri is, for problems: {@code /paths/~1pets/get/x-amazon-apigateway-integration/uri}. */
    static String integrationUriPointer(String path, String httpMethod) {
        return "/paths/" + ProjectFileReader.escape(path) + "/"
                + (httpMethod.equals("ANY") ? ANY_METHOD : httpMethod.toLowerCase(Locale.ROOT)) + "/" + INTEGRATION + "/uri";
    }

    static final String ENDPOINT_CONFIGURATION = "x-amazon-apigateway-endpoint-configuration";
    static final String POLICY = "x-amazon-apigateway-policy";

    private final Path file;
    private final String apiId;
    private final List<Problem> problems;
    private final List<Problem> warnings;
    private SourceLines lines;
    private JsonNode raw;               // the file as written, for what swagger-parser's model does not keep
    private MethodRequestReader methodRequests;
    private IntegrationReader integrations;
    private AuthorizationReader authorization;

    OpenApiReader(Path file, String apiId, List<Problem> problems, List<Problem> warnings) {
        this.file = file;
        this.apiId = apiId;
        this.problems = problems;
        this.warnings = warnings;
    }

    /** @return the definition, or null when it cannot be read at all (the problem is recorded) */
    Definition read() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readLocation(file.toUri().toString(), null, options);
        lines = SourceLines.of(file);
        OpenAPI openApi = result.getOpenAPI();
        if (openApi == null) {
            List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
            problems.add(new Problem(file, 0, "", "not a readable OpenAPI 3 or Swagger 2 definition"
                    + (messages.isEmpty() ? "" : ": " + String.join("; ", messages))));
            return null;
        }
        if (result.getMessages() != null) {
            for (String message : result.getMessages()) {
                warnings.add(new Problem(file, 0, "", message));
            }
        }
        try {
            raw = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "", "cannot read: " + e.getMessage()));
            return null;
        }
        ExtensionNames.checkRest(raw, lines, warnings);
        methodRequests = new MethodRequestReader(raw, apiId, lines, problems);
        integrations = new IntegrationReader(lines, problems, warnings);
        authorization = new AuthorizationReader(raw, apiId, lines, problems);
        List<Resource> resources = new ArrayList<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> {
                Resource resource = resource(path, item);
                if (resource != null) {
                    resources.add(resource);
                }
            });
        }
        return new Definition(resources, binaryMediaTypes(openApi.getExtensions()),
                GatewayResponsesReader.read(raw, lines, problems), apiKeySource(), lines, endpointConfiguration(), policy());
    }

    private Resource resource(String path, PathItem item) {
        String at = "/paths/" + ProjectFileReader.escape(path);
        try {
            ResourcePath.parse(path);
        } catch (IllegalArgumentException e) {
            problems.add(lines.problem(at, e.getMessage()));
            return null;
        }
        Map<String, Method> methods = new LinkedHashMap<>();
        item.readOperationsMap().forEach((httpMethod, operation) -> {
            String verb = httpMethod.name();
            if (verb.equals("TRACE")) {
                warnings.add(lines.problem(at + "/trace", "API Gateway has no TRACE method; ignored"));
                return;
            }
            Method method = method(verb, operation.getOperationId(), operation.getExtensions(),
                    at + "/" + verb.toLowerCase(Locale.ROOT), path);
            if (method != null) {
                methods.put(verb, method);
            }
        });
        if (item.getExtensions() != null && item.getExtensions().get(ANY_METHOD) instanceof Map<?, ?> any) {
            Object operationId = any.get("operationId");
            @SuppressWarnings("unchecked")
            Map<String, Object> extensions = (Map<String, Object>) any;
            Method method = method("ANY", operationId == null ? null : operationId.toString(), extensions,
                    at + "/" + ANY_METHOD, path);
            if (method != null) {
                methods.put("ANY", method);
            }
        }
        return new Resource(StableIds.of(apiId + " " + path, 6), path, methods);
    }

    private Method method(String verb, String operationId, Map<String, Object> extensions, String at, String path) {
        Object raw = extensions == null ? null : extensions.get(INTEGRATION);
        if (!(raw instanceof Map<?, ?> integrationMap)) {
            // AWS's import refuses the same: "No integration defined for method".
            problems.add(lines.problem(at, verb + " " + path + " has no " + INTEGRATION + "; API Gateway refuses a method without an integration"));
            return null;
        }
        String where = verb + " " + path;
        Integration integration = integrations.read(integrationMap, at + "/" + INTEGRATION, where);
        if (integration == null) {
            return null;
        }
        integration = withGreedyPathMapping(integration, path);
        JsonNode pathItem = this.raw.path("paths").path(path);
        JsonNode operation = pathItem.path(at.substring(at.lastIndexOf('/') + 1));
        Map<String, Boolean> parameters = methodRequests.parameters(pathItem, operation);
        Map<String, MethodResponse> responses = MethodRequestReader.responses(operation);
        checkResponsesDeclared(integration, responses, at + "/" + INTEGRATION + "/responses", where);
        return new Method(verb, operationId, integration, parameters, methodRequests.validator(operation, at, parameters),
                responses, methodRequests.apiKeyRequired(operation), authorization.method(operation, at, where));
    }

    /**
     * A {@code {proxy}} in an HTTP integration URI of a {@code {proxy+}} resource is fed from the
     * greedy path parameter when the definition maps nothing to it, as API Gateway's import and
     * console set it up (data-plane.md §8.1 [D]).
     */
    private static Integration withGreedyPathMapping(Integration integration, String path) {
        java.util.regex.Matcher greedy = java.util.regex.Pattern.compile("\\{([^{}]+)\\+}").matcher(path);
        if (integration.uri() == null || !greedy.find()) {
            return integration;
        }
        String name = greedy.group(1);
        String target = "integration.request.path." + name;
        if (!integration.uri().contains("{" + name + "}") || integration.requestParameters().containsKey(target)) {
            return integration;
        }
        Map<String, dev.gwemu.mapping.ParameterSource> parameters = new LinkedHashMap<>(integration.requestParameters());
        parameters.put(target, dev.gwemu.mapping.ParameterSource.parse("method.request.path." + name));
        return new Integration(integration.type(), integration.uri(), integration.httpMethod(), integration.timeoutMillis(),
                parameters, integration.requestTemplates(), integration.passthroughBehavior(), integration.contentHandling(),
                integration.responses(), integration.cacheKeyParameters(), integration.cacheNamespace(),
                integration.credentials());
    }

    /** PutIntegrationResponse needs the method response to exist, so AWS's import fails without it. */
    private void checkResponsesDeclared(Integration integration, Map<String, MethodResponse> responses, String at, String where) {
        for (IntegrationResponse response : integration.responses()) {
            String here = at + "/" + ProjectFileReader.escape(response.isDefault() ? "default" : response.selectionPattern().pattern());
            MethodResponse declared = responses.get(response.statusCode());
            if (declared == null) {
                problems.add(lines.problem(here, where + ": the integration response selects status " + response.statusCode()
                        + ", which the method does not declare under 'responses' (API Gateway refuses it)"));
                continue;
            }
            for (String header : response.responseParameters().keySet()) {
                if (!declared.responseParameters().containsKey(header)) {
                    problems.add(lines.problem(here + "/responseParameters/" + ProjectFileReader.escape(header), where
                            + ": " + header + " is not a header of the method response " + response.statusCode()
                            + " (declare it under responses." + response.statusCode() + ".headers)"));
                }
            }
        }
    }

    /** {@code x-amazon-apigateway-api-key-source}: HEADER (the default) or AUTHORIZER, or null when absent. */
    private String apiKeySource() {
        JsonNode source = raw.path("x-amazon-apigateway-api-key-source");
        if (source.isMissingNode()) {
            return null;
        }
        String value = source.asText().toUpperCase(java.util.Locale.ROOT);
        if (!value.equals("HEADER") && !value.equals("AUTHORIZER")) {
            problems.add(lines.problem("/x-amazon-apigateway-api-key-source", "the API key source is HEADER or AUTHORIZER, got '"
                    + source.asText() + "'"));
            return null;
        }
        return value;
    }

    private EndpointConfiguration endpointConfiguration() {
        JsonNode node = raw.path(ENDPOINT_CONFIGURATION);
        String at = "/" + ENDPOINT_CONFIGURATION;
        JsonNode servers = raw.path("servers");
        for (int i = 0; node.isMissingNode() && i < servers.size(); i++) {
            // OpenAPI 3 carries it on a server object (AWS "x-amazon-apigateway-endpoint-configuration object").
            node = servers.get(i).path(ENDPOINT_CONFIGURATION);
            at = "/servers/" + i + "/" + ENDPOINT_CONFIGURATION;
        }
        if (node.isMissingNode()) {
            return new EndpointConfiguration(null, List.of());
        }
        dev.gwemu.model.EndpointType type = null;
        JsonNode types = node.path("types");
        if (types.size() > 1) {
            problems.add(lines.problem(at + "/types", "Cannot create an api with multiple Endpoint Types."));
        } else if (types.size() == 1) {
            try {
                type = dev.gwemu.model.EndpointType.valueOf(types.get(0).asText());
            } catch (IllegalArgumentException e) {
                problems.add(lines.problem(at + "/types/0",
                        "Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE"));
            }
        }
        List<String> vpce = new ArrayList<>();
        node.path("vpcEndpointIds").forEach(id -> vpce.add(id.asText()));
        return new EndpointConfiguration(type, vpce);
    }

    /** {@code x-amazon-apigateway-policy} as the JSON text API Gateway stores (§4.1), or null. */
    private String policy() {
        JsonNode node = raw.path(POLICY);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText(); // some exports carry the stringified form
        }
        if (!node.isObject()) {
            problems.add(lines.problem("/" + POLICY, "the resource policy is an IAM policy document (a mapping with Statement)"));
            return null;
        }
        return node.toString();
    }

    private static List<String> binaryMediaTypes(Map<String, Object> extensions) {
        if (extensions == null || !(extensions.get(BINARY_MEDIA_TYPES) instanceof List<?> list)) {
            return List.of();
        }
        // AWS stores '/' as '~1' in these names; exports may carry either form.
        return list.stream().map(t -> t.toString().replace("~1", "/")).toList();
    }
}
