package dev.gwemu.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gwemu.httpapi.CorsConfiguration;
import dev.gwemu.httpapi.RouteKey;
import dev.gwemu.httpapi.mapping.ActionParameters;
import dev.gwemu.integration.aws.IntegrationSubtype;
import dev.gwemu.model.HttpApiSpec;
import dev.gwemu.model.HttpIntegrationSpec;
import dev.gwemu.model.HttpRoute;
import dev.gwemu.model.IntegrationType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an HTTP API (v2) from an OpenAPI 3 or Swagger 2 definition as API Gateway's HTTP API import does
 * (data-plane.md §3; security-and-operations.md §8.1): each operation is a route {@code METHOD /path},
 * {@code x-amazon-apigateway-any-method} is {@code ANY}, and with {@code isDefaultRoute: true} it is the
 * {@code $default} route. The tree is read as written: HTTP APIs use none of the schema models swagger-parser builds.
 */
final class HttpApiReader {
    static final String DEFAULT_ROUTE_FLAG = "isDefaultRoute";
    static final String INTEGRATIONS = "x-amazon-apigateway-integrations";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final Set<String> PATH_ITEM_KEYS = Set.of("summary", "description", "parameters", "servers", "$ref");
    /** REST-only extensions an HTTP API import ignores; each is named in one warning. */
    private static final List<String> REST_ONLY = List.of("x-amazon-apigateway-gateway-responses",
            "x-amazon-apigateway-binary-media-types", "x-amazon-apigateway-request-validators",
            "x-amazon-apigateway-api-key-source", "x-amazon-apigateway-policy", "x-amazon-apigateway-minimum-compression-size",
            "x-amazon-apigateway-documentation");
    static final int MIN_TIMEOUT_MILLIS = 50;
    static final String SUBTYPE = "integrationSubtype";

    /** What an HTTP API definition yields. */
    record Definition(HttpApiSpec spec, SourceLines lines) {
    }

    private final Path file;
    private final String apiId;
    private final String region;
    private final List<Problem> problems;
    private final List<Problem> warnings;
    private SourceLines lines;
    private JsonNode root;

    HttpApiReader(Path file, String apiId, String region, List<Problem> problems, List<Problem> warnings) {
        this.file = file;
        this.apiId = apiId;
        this.region = region;
        this.problems = problems;
        this.warnings = warnings;
    }

    /** @return the definition, or null when it cannot be read at all (the problem is recorded) */
    Definition read() {
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new Problem(file, line, "", "not valid YAML or JSON: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "", "cannot read: " + e));
            return null;
        }
        lines = SourceLines.of(file);
        if (root == null || !root.isObject() || !(root.has("openapi") || root.has("swagger"))) {
            problems.add(new Problem(file, 1, "", "not an OpenAPI 3 or Swagger 2 definition (no 'openapi' or 'swagger' key)"));
            return null;
        }
        for (String extension : REST_ONLY) {
            if (root.has(extension)) {
                warnings.add(lines.problem("/" + extension, extension + " is a REST API extension; an HTTP API ignores it"));
            }
        }
        ExtensionNames.checkHttp(root, lines, warnings, REST_ONLY);
        HttpAuthorizationReader authorization = new HttpAuthorizationReader(root, apiId, region, lines, problems);
        List<HttpRoute> routes = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        JsonNode paths = root.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String at = "/paths/" + ProjectFileReader.escape(path.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String name = op.getKey();
                String opAt = at + "/" + ProjectFileReader.escape(name);
                if (PATH_ITEM_KEYS.contains(name) || (name.startsWith("x-") && !name.equals(OpenApiReader.ANY_METHOD))) {
                    continue;
                }
                if (!OPERATIONS.contains(name) && !name.equals(OpenApiReader.ANY_METHOD)) {
                    error(opAt, "'" + name + "' is not an HTTP API route method (get, put, post, delete, options, head, patch or "
                            + OpenApiReader.ANY_METHOD + ")");
                    continue;
                }
                HttpRoute route = route(path.getKey(), name, op.getValue(), opAt, authorization);
                if (route == null) {
                    continue;
                }
                if (!keys.add(route.routeKey())) {
                    error(opAt, "route " + route.routeKey() + " is defined twice; API Gateway refuses duplicate route keys");
                    continue;
                }
                routes.add(route);
            }
        }
        if (routes.isEmpty() && problems.isEmpty()) {
            warnings.add(lines.problem("/paths", "the HTTP API has no routes: every request gets 404 Not Found"));
        }
        return new Definition(new HttpApiSpec(routes, cors()), lines);
    }

    private HttpRoute route(String path, String method, JsonNode operation, String at, HttpAuthorizationReader authorization) {
        String verb = method.equals(OpenApiReader.ANY_METHOD) ? RouteKey.ANY : method.toUpperCase(Locale.ROOT);
        boolean isDefault = operation.path(DEFAULT_ROUTE_FLAG).asBoolean(false);
        String key = isDefault ? RouteKey.DEFAULT : verb + " " + path;
        if (isDefault && !method.equals(OpenApiReader.ANY_METHOD)) {
            error(at + "/" + DEFAULT_ROUTE_FLAG, DEFAULT_ROUTE_FLAG + " belongs on " + OpenApiReader.ANY_METHOD);
            return null;
        }
        try {
            RouteKey.parse(key);
        } catch (IllegalArgumentException e) {
            error(at, e.getMessage());
            return null;
        }
        JsonNode integration = integrationNode(operation.path(OpenApiReader.INTEGRATION), at + "/" + OpenApiReader.INTEGRATION);
        if (integration == null) {
            error(at, key + " has no " + OpenApiReader.INTEGRATION + "; an HTTP API route needs a target");
            return null;
        }
        HttpIntegrationSpec spec = integration(integration, at + "/" + OpenApiReader.INTEGRATION, key);
        if (spec == null) {
            return null;
        }
        String operationId = operation.hasNonNull("operationId") ? operation.get("operationId").asText() : null;
        return new HttpRoute(key, operationId, spec, authorization.route(operation, at, key));
    }

    /** The operation's integration, following a {@code $ref} into {@code components.x-amazon-apigateway-integrations}. */
    private JsonNode integrationNode(JsonNode node, String at) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            String prefix = "#/components/" + INTEGRATIONS + "/";
            JsonNode target = ref.startsWith(prefix)
                    ? root.path("components").path(INTEGRATIONS).path(ref.substring(prefix.length())) : null;
            if (target == null || target.isMissingNode()) {
                error(at + "/$ref", "'" + ref + "' does not name an integration under components." + INTEGRATIONS);
                return null;
            }
            return target;
        }
        return node;
    }

    private HttpIntegrationSpec integration(JsonNode node, String at, String key) {
        String typeName = node.path("type").asText("").toUpperCase(Locale.ROOT);
        if (node.has(SUBTYPE)) {
            return serviceIntegration(node, typeName, at, key);
        }
        IntegrationType type;
        if (typeName.equals("AWS_PROXY")) {
            type = IntegrationType.AWS_PROXY;
        } else if (typeName.equals("HTTP_PROXY")) {
            type = IntegrationType.HTTP_PROXY;
        } else {
            error(at + "/type", key + ": an HTTP API integration is aws_proxy (Lambda, or an AWS service with "
                    + SUBTYPE + ") or http_proxy, got '" + node.path("type").asText() + "'");
            return null;
        }
        if ("VPC_LINK".equalsIgnoreCase(node.path("connectionType").asText())) {
            error(at + "/connectionType", key + ": VPC_LINK integrations reach private resources in a VPC, which gwemu cannot; "
                    + "point the route at a URL instead");
            return null;
        }
        if (node.has("tlsConfig")) {
            warnings.add(lines.problem(at + "/tlsConfig", key + ": tlsConfig is ignored (gwemu's backend client trusts the JDK's CAs)"));
        }
        String uri = node.hasNonNull("uri") ? node.get("uri").asText() : null;
        if (uri == null || uri.isBlank()) {
            error(at + "/uri", key + ": the integration needs a uri (" + (type == IntegrationType.AWS_PROXY
                    ? "the Lambda function's ARN or invocation URI" : "the backend URL") + ")");
            return null;
        }
        String version = node.hasNonNull("payloadFormatVersion") ? node.get("payloadFormatVersion").asText() : null;
        String method;
        if (type == IntegrationType.AWS_PROXY) {
            if (version == null) {
                error(at, key + ": payloadFormatVersion is required for a Lambda integration of an HTTP API (\"2.0\" or \"1.0\")");
                return null;
            }
            if (!version.equals("1.0") && !version.equals("2.0")) {
                error(at + "/payloadFormatVersion", key + ": payloadFormatVersion is \"1.0\" or \"2.0\", got '" + version + "'");
                return null;
            }
            uri = dev.gwemu.integration.LambdaFunctionUri.invocationUri(uri, region);
            method = node.path("httpMethod").asText("POST").toUpperCase(Locale.ROOT);
            if (!method.equals("POST")) {
                error(at + "/httpMethod", key + ": a Lambda integration's httpMethod is POST, got '" + method + "'");
                return null;
            }
        } else {
            if (version != null && !version.equals("1.0")) {
                error(at + "/payloadFormatVersion", key + ": an HTTP proxy integration's payloadFormatVersion is \"1.0\"");
                return null;
            }
            version = "1.0";
            if (!uri.startsWith("http://") && !uri.startsWith("https://") && !uri.startsWith("${stageVariables.")) {
                error(at + "/uri", key + ": an HTTP proxy integration's uri is an http:// or https:// URL, got '" + uri + "'");
                return null;
            }
            method = node.path("httpMethod").asText("ANY").toUpperCase(Locale.ROOT);
        }
        int timeout = timeout(node, at, key);
        Map<String, String> requestParameters = strings(node.path("requestParameters"), at + "/requestParameters");
        return new HttpIntegrationSpec(type, uri, method, version, timeout, requestParameters, responseParameters(node, at));
    }

    private int timeout(JsonNode node, String at, String key) {
        JsonNode timeoutNode = node.path("timeoutInMillis");
        if (timeoutNode.isMissingNode()) {
            return HttpIntegrationSpec.DEFAULT_TIMEOUT_MILLIS;
        }
        if (!timeoutNode.canConvertToInt() || timeoutNode.asInt() < MIN_TIMEOUT_MILLIS
                || timeoutNode.asInt() > HttpIntegrationSpec.DEFAULT_TIMEOUT_MILLIS) {
            error(at + "/timeoutInMillis", key + ": timeoutInMillis is from " + MIN_TIMEOUT_MILLIS + " to "
                    + HttpIntegrationSpec.DEFAULT_TIMEOUT_MILLIS + " for HTTP APIs");
            return HttpIntegrationSpec.DEFAULT_TIMEOUT_MILLIS;
        }
        return timeoutNode.asInt();
    }

    private Map<String, Map<String, String>> responseParameters(JsonNode node, String at) {
        Map<String, Map<String, String>> responseParameters = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("responseParameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            responseParameters.put(entry.getKey(), strings(entry.getValue(),
                    at + "/responseParameters/" + ProjectFileReader.escape(entry.getKey())));
        }
        return responseParameters;
    }

    /**
     * A first-class AWS service integration ("Create AWS service integrations for HTTP APIs"): type aws_proxy, a
     * known subtype, payloadFormatVersion 1.0, and requestParameters naming only the subtype's parameters, with every
     * required one ("You must configure all required parameters to create an integration").
     */
    private HttpIntegrationSpec serviceIntegration(JsonNode node, String typeName, String at, String key) {
        String name = node.path(SUBTYPE).asText("");
        if (!typeName.equals("AWS_PROXY")) {
            error(at + "/type", key + ": an integration with " + SUBTYPE + " is of type aws_proxy, got '"
                    + node.path("type").asText() + "'");
            return null;
        }
        IntegrationSubtype subtype = IntegrationSubtype.named(name);
        if (subtype == null) {
            error(at + "/" + SUBTYPE, key + ": unknown " + SUBTYPE + " '" + name + "' (known: "
                    + IntegrationSubtype.names() + ")");
            return null;
        }
        String version = node.path("payloadFormatVersion").asText(null);
        if (!"1.0".equals(version)) {
            error(at + (version == null ? "" : "/payloadFormatVersion"), key + ": an AWS service integration's "
                    + "payloadFormatVersion is \"1.0\"" + (version == null ? " (it is missing)" : ", got '" + version + "'"));
            return null;
        }
        String parametersAt = at + "/requestParameters";
        Map<String, String> parameters = strings(node.path("requestParameters"), parametersAt);
        boolean valid = true;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String here = parametersAt + "/" + ProjectFileReader.escape(parameter.getKey());
            if (!subtype.parameters().contains(parameter.getKey())) {
                error(here, key + ": " + subtype.subtypeName() + " has no parameter '" + parameter.getKey()
                        + "' (its parameters: " + String.join(", ", subtype.parameters()) + ")");
                valid = false;
                continue;
            }
            try {
                ActionParameters.compile(Map.of(parameter.getKey(), parameter.getValue()));
            } catch (IllegalArgumentException e) {
                error(here, key + ": " + e.getMessage());
                valid = false;
            }
        }
        for (String required : subtype.required()) {
            if (!parameters.containsKey(required)) {
                error(node.has("requestParameters") ? parametersAt : at, key + ": " + subtype.subtypeName()
                        + " requires the parameter " + required + " in requestParameters (required: "
                        + String.join(", ", subtype.required()) + ")");
                valid = false;
            }
        }
        String credentials = node.hasNonNull("credentials") ? node.get("credentials").asText() : null;
        int timeout = timeout(node, at, key);
        if (!valid) {
            return null;
        }
        return new HttpIntegrationSpec(IntegrationType.AWS_PROXY, null, "POST", version, timeout, parameters,
                responseParameters(node, at), subtype.subtypeName(), credentials);
    }

    private Map<String, String> strings(JsonNode node, String at) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            error(at, "expected a mapping of strings");
            return map;
        }
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private CorsConfiguration cors() {
        JsonNode node = root.path(CorsConfiguration.EXTENSION);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return CorsConfiguration.fromExtension(node);
        } catch (IllegalArgumentException e) {
            error("/" + CorsConfiguration.EXTENSION, e.getMessage());
            return null;
        }
    }

    private void error(String pointer, String message) {
        problems.add(lines.problem(pointer, message));
    }
}
