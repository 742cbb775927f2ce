package dev.gwemu.config;

import dev.gwemu.model.Integration;
import dev.gwemu.model.IntegrationType;
import dev.gwemu.model.Method;
import dev.gwemu.model.Resource;
import dev.gwemu.routing.ResourcePath;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

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
    record Definition(List<Resource> resources, List<String> binaryMediaTypes, SourceLines lines) {
    }

    private final Path file;
    private final String apiId;
    private final List<Problem> problems;
    private final List<Problem> warnings;
    private SourceLines lines;

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
        List<Resource> resources = new ArrayList<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> {
                Resource resource = resource(path, item);
                if (resource != null) {
                    resources.add(resource);
                }
            });
        }
        return new Definition(resources, binaryMediaTypes(openApi.getExtensions()), lines);
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
        if (!(raw instanceof Map<?, ?> integration)) {
            // AWS's import refuses the same: "No integration defined for method".
            problems.add(lines.problem(at, verb + " " + path + " has no " + INTEGRATION + "; API Gateway refuses a method without an integration"));
            return null;
        }
        String integrationAt = at + "/" + INTEGRATION;
        Object typeValue = integration.get("type");
        IntegrationType type;
        try {
            type = IntegrationType.valueOf(String.valueOf(typeValue).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(lines.problem(integrationAt + "/type", "unknown integration type '" + typeValue
                    + "' (API Gateway knows aws_proxy, aws, http, http_proxy, mock)"));
            return null;
        }
        if (type != IntegrationType.AWS_PROXY) {
            problems.add(lines.problem(integrationAt + "/type", verb + " " + path + ": integration type '" + typeValue
                    + "' is not supported yet; this version serves aws_proxy (Lambda proxy) integrations"));
            return null;
        }
        Object uri = integration.get("uri");
        if (uri == null) {
            problems.add(lines.problem(integrationAt, verb + " " + path + ": the integration has no 'uri'"));
            return null;
        }
        String httpMethod = integration.get("httpMethod") == null ? null
                : integration.get("httpMethod").toString().toUpperCase(Locale.ROOT);
        if (!"POST".equals(httpMethod)) {
            warnings.add(lines.problem(integrationAt + "/httpMethod", verb + " " + path
                    + ": a Lambda integration's httpMethod must be POST; API Gateway answers every call with 500, and so does gwemu"));
        }
        int timeout = Integration.DEFAULT_TIMEOUT_MILLIS;
        Object timeoutValue = integration.get("timeoutInMillis");
        if (timeoutValue != null) {
            try {
                timeout = Integer.parseInt(timeoutValue.toString());
            } catch (NumberFormatException e) {
                timeout = -1;
            }
            if (timeout < 50) {
                problems.add(lines.problem(integrationAt + "/timeoutInMillis",
                        "timeoutInMillis must be a whole number of at least 50, got '" + timeoutValue + "'"));
                return null;
            }
        }
        return new Method(verb, operationId, new Integration(type, uri.toString(), httpMethod, timeout));
    }

    private static List<String> binaryMediaTypes(Map<String, Object> extensions) {
        if (extensions == null || !(extensions.get(BINARY_MEDIA_TYPES) instanceof List<?> list)) {
            return List.of();
        }
        // AWS stores '/' as '~1' in these names; exports may carry either form.
        return list.stream().map(t -> t.toString().replace("~1", "/")).toList();
    }
}
