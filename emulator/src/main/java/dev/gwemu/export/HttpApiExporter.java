package dev.gwemu.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.httpapi.CorsConfiguration;
import dev.gwemu.httpapi.RouteKey;
import dev.gwemu.model.Api;
import dev.gwemu.model.HttpAuthorizerSpec;
import dev.gwemu.model.HttpIntegrationSpec;
import dev.gwemu.model.HttpRoute;
import dev.gwemu.model.IntegrationType;
import dev.gwemu.model.Project;
import dev.gwemu.model.RouteAuthorization;
import dev.gwemu.model.Stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP API stage as {@code aws apigatewayv2 export-api --specification OAS30 --stage-name S} writes it, modelled on
 * exports published on GitHub: one operation per route with {@code responses: {default: {description: "Default
 * response for GET /pets"}}}, path parameters on the path item ({@code "Generated path parameter for id"}, a greedy one
 * named {@code proxy+}), the {@code $default} route as {@code /$default} with {@code isDefaultRoute}, integrations
 * keyed {@code payloadFormatVersion, type, httpMethod, uri, connectionType, timeoutInMillis} after their parameter
 * mappings, JWT authorizers as {@code oauth2} schemes and Lambda ones as {@code apiKey} schemes, then
 * {@code x-amazon-apigateway-cors} and {@code x-amazon-apigateway-importexport-version: "1.0"}. Without extensions
 * ({@code --no-include-extensions}) the integrations, authorizers, CORS and export version are left out.
 */
final class HttpApiExporter {
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^{}]+)}");
    private static final String SIGV4 = "sigv4";

    private final Project project;
    private final Api api;
    private final Stage stage;
    private final boolean extensions;
    private final DefinitionSource source;
    private final Map<String, ObjectNode> schemes = new LinkedHashMap<>();

    HttpApiExporter(Project project, Api api, Stage stage, boolean extensions, DefinitionSource source) {
        this.project = project;
        this.api = api;
        this.stage = stage;
        this.extensions = extensions;
        this.source = source;
    }

    ObjectNode export() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("openapi", "3.0.1");
        ObjectNode info = root.putObject("info");
        info.put("title", api.name());
        if (source.description() != null) {
            info.put("description", source.description());
        }
        info.put("version", source.version(DefinitionSource.HTTP_DATE));
        ObjectNode server = root.putArray("servers").addObject();
        server.put("url", "https://" + api.id() + ".execute-api." + project.region() + ".amazonaws.com/{basePath}");
        server.putObject("variables").putObject("basePath")
                .put("default", stage.name().equals(RouteKey.DEFAULT) ? "" : stage.name());
        ObjectNode paths = root.putObject("paths");
        for (Map.Entry<String, List<HttpRoute>> path : byPath().entrySet()) {
            ObjectNode item = paths.putObject(path.getKey());
            for (HttpRoute route : path.getValue()) {
                RouteKey key = RouteKey.parse(route.routeKey());
                item.set(key.isDefault() || key.method().equals(RouteKey.ANY) ? DefinitionSource.ANY_METHOD
                        : key.method().toLowerCase(Locale.ROOT), operation(route, key));
            }
            List<String> names = pathParameters(path.getKey());
            if (!names.isEmpty()) {
                ArrayNode parameters = item.putArray("parameters");
                for (String name : names) {
                    ObjectNode parameter = parameters.addObject();
                    parameter.put("name", name);
                    parameter.put("in", "path");
                    parameter.put("description", "Generated path parameter for " + name);
                    parameter.put("required", true);
                    parameter.putObject("schema").put("type", "string");
                }
            }
        }
        if (!schemes.isEmpty()) {
            ObjectNode securitySchemes = root.putObject("components").putObject("securitySchemes");
            schemes.forEach(securitySchemes::set);
        }
        if (extensions && api.http().cors() != null) {
            root.set(CorsConfiguration.EXTENSION, cors(api.http().cors()));
        }
        if (extensions) {
            root.put("x-amazon-apigateway-importexport-version", "1.0");
        }
        return root;
    }

    /** Routes grouped by the path they are written under, in the order the definition has them. */
    private Map<String, List<HttpRoute>> byPath() {
        Map<String, List<HttpRoute>> paths = new LinkedHashMap<>();
        for (HttpRoute route : api.http().routes()) {
            RouteKey key = RouteKey.parse(route.routeKey());
            paths.computeIfAbsent(key.isDefault() ? "/" + RouteKey.DEFAULT : key.path(), p -> new ArrayList<>()).add(route);
        }
        return paths;
    }

    private ObjectNode operation(HttpRoute route, RouteKey key) {
        ObjectNode operation = JsonNodeFactory.instance.objectNode();
        if (key.isDefault()) {
            operation.put("isDefaultRoute", true);
        }
        if (route.operationId() != null) {
            operation.put("operationId", route.operationId());
        }
        operation.putObject("responses").putObject("default")
                .put("description", "Default response for " + route.routeKey());
        ArrayNode security = security(route.authorization());
        if (security != null) {
            operation.set("security", security);
        }
        if (extensions) {
            operation.set(DefinitionSource.INTEGRATION, integration(route.integration()));
        }
        return operation;
    }

    private ObjectNode integration(HttpIntegrationSpec integration) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (!integration.responseParameters().isEmpty()) {
            ObjectNode responses = out.putObject("responseParameters");
            integration.responseParameters().forEach((status, mappings) -> {
                ObjectNode byStatus = responses.putObject(status);
                mappings.forEach(byStatus::put);
            });
        }
        if (!integration.requestParameters().isEmpty()) {
            ObjectNode requests = out.putObject("requestParameters");
            integration.requestParameters().forEach(requests::put);
        }
        out.put("payloadFormatVersion", integration.payloadFormatVersion());
        out.put("type", integration.type() == IntegrationType.AWS_PROXY ? "aws_proxy" : "http_proxy");
        if (integration.callsAwsService()) { // a first-class AWS service integration has no uri nor method
            out.put("integrationSubtype", integration.integrationSubtype());
            if (integration.credentials() != null) {
                out.put("credentials", integration.credentials());
            }
        } else {
            out.put("httpMethod", integration.httpMethod());
            out.put("uri", integration.uri());
        }
        out.put("connectionType", "INTERNET");
        if (integration.timeoutMillis() != HttpIntegrationSpec.DEFAULT_TIMEOUT_MILLIS) {
            out.put("timeoutInMillis", integration.timeoutMillis());
        }
        return out;
    }

    private ArrayNode security(RouteAuthorization authorization) {
        String scheme;
        switch (authorization.type()) {
            case NONE -> {
                return null;
            }
            case AWS_IAM -> {
                scheme = SIGV4;
                schemes.computeIfAbsent(SIGV4, name -> sigV4());
            }
            default -> {
                HttpAuthorizerSpec authorizer = authorization.authorizer();
                scheme = authorizer.name();
                schemes.computeIfAbsent(scheme, name -> authorizer(authorizer));
            }
        }
        ArrayNode security = JsonNodeFactory.instance.arrayNode();
        ArrayNode scopes = security.addObject().putArray(scheme);
        authorization.scopes().forEach(scopes::add);
        return security;
    }

    private ObjectNode sigV4() {
        ObjectNode scheme = JsonNodeFactory.instance.objectNode();
        scheme.put("type", "apiKey");
        scheme.put("name", "Authorization");
        scheme.put("in", "header");
        if (extensions) {
            scheme.put(RestSecuritySchemes.AUTH_TYPE, "awsSigv4");
        }
        return scheme;
    }

    private ObjectNode authorizer(HttpAuthorizerSpec authorizer) {
        ObjectNode scheme = JsonNodeFactory.instance.objectNode();
        ObjectNode extension = JsonNodeFactory.instance.objectNode();
        if (!authorizer.identitySources().isEmpty()) {
            extension.put("identitySource", String.join(", ", authorizer.identitySources()));
        }
        if (authorizer.type() == HttpAuthorizerSpec.Type.JWT) {
            scheme.put("type", "oauth2");
            scheme.putObject("flows");
            ObjectNode jwt = extension.putObject("jwtConfiguration");
            authorizer.audience().forEach(jwt.putArray("audience")::add);
            jwt.put("issuer", authorizer.issuer());
            extension.put("type", "jwt");
        } else {
            String first = authorizer.identitySources().isEmpty() ? "" : authorizer.identitySources().get(0);
            scheme.put("type", "apiKey");
            scheme.put("name", first.startsWith("$request.header.") ? first.substring("$request.header.".length()) : "Unused");
            scheme.put("in", "header");
            extension.put("authorizerUri", authorizer.authorizerUri());
            extension.put("authorizerPayloadFormatVersion", authorizer.payloadFormatVersion());
            extension.put("authorizerResultTtlInSeconds", authorizer.resultTtlSeconds());
            extension.put("type", "request");
            if (authorizer.simpleResponses()) {
                extension.put("enableSimpleResponses", true);
            }
        }
        if (extensions) {
            scheme.set(RestSecuritySchemes.AUTHORIZER, extension);
        }
        return scheme;
    }

    /** Keys in the order AWS's exports write them: allowMethods, allowHeaders, exposeHeaders, maxAge, allowCredentials, allowOrigins. */
    private static ObjectNode cors(CorsConfiguration cors) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (!cors.allowMethods().isEmpty()) {
            cors.allowMethods().forEach(out.putArray("allowMethods")::add);
        }
        if (!cors.allowHeaders().isEmpty()) {
            cors.allowHeaders().forEach(out.putArray("allowHeaders")::add);
        }
        if (!cors.exposeHeaders().isEmpty()) {
            cors.exposeHeaders().forEach(out.putArray("exposeHeaders")::add);
        }
        if (cors.maxAge() != null) {
            out.put("maxAge", cors.maxAge());
        }
        out.put("allowCredentials", cors.allowCredentials());
        if (!cors.allowOrigins().isEmpty()) {
            cors.allowOrigins().forEach(out.putArray("allowOrigins")::add);
        }
        return out;
    }

    private static List<String> pathParameters(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
