package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.integration.LambdaFunctionUri;
import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.AuthorizationType;
import dev.gwemu.model.EndpointType;
import dev.gwemu.model.FunctionSpec;
import dev.gwemu.model.Stage;
import dev.gwemu.model.WebSocketApiSpec;
import dev.gwemu.model.WebSocketAuthorizerSpec;
import dev.gwemu.model.WebSocketRoute;
import dev.gwemu.websocket.ConnectAuthorizerIdentitySource;
import dev.gwemu.websocket.RouteSelectionExpression;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a WebSocket API from its api.yaml entry (security-and-operations.md §7.1). API Gateway imports no OpenAPI for
 * WebSocket APIs, so the routes are written in api.yaml, close to CloudFormation's {@code AWS::ApiGatewayV2::Route}:
 * <pre>
 * routeSelectionExpression: $request.body.action
 * routes:
 *   $connect: {function: OnConnect}
 *   sendmessage: {function: SendMessage, routeResponseSelectionExpression: $default}
 * </pre>
 * and Lambda REQUEST authorizers, as {@code AWS::ApiGatewayV2::Authorizer}, for {@code $connect} only:
 * <pre>
 * authorizers:
 *   Tokens: {function: Auth, identitySource: [route.request.querystring.token], authorizerResultTtlInSeconds: 300}
 * routes:
 *   $connect: {function: OnConnect, authorizer: Tokens}     # or authorizationType: AWS_IAM
 * </pre>
 */
final class WebSocketApiReader {
    /** The keys of a WebSocket API's api.yaml entry. */
    static final Set<String> API_KEYS = Set.of("name", "id", "type", "stages", "routeSelectionExpression", "routes",
            "idleTimeoutSeconds", "maxConnectionSeconds", "authorizers");
    private static final Set<String> ROUTE_KEYS = Set.of("function", "integrationUri", "mock", "routeResponseSelectionExpression",
            "timeoutInMillis", "authorizer", "authorizationType");
    private static final Set<String> AUTHORIZER_KEYS = Set.of("function", "authorizerUri", "identitySource",
            "authorizerResultTtlInSeconds");
    static final int MIN_TIMEOUT_MILLIS = 50;

    private WebSocketApiReader() {
    }

    /** @return the API; problems are recorded (the caller throws when there are any) */
    static Api load(ProjectFileReader.ApiEntry entry, String id, ProjectFileReader.ProjectFile projectFile,
                    List<Problem> problems) {
        SourceLines lines = projectFile.lines();
        JsonNode node = entry.node();
        String at = entry.pointer();
        String expression = node.path("routeSelectionExpression").asText(null);
        if (expression == null || expression.isBlank()) {
            problems.add(lines.problem(at, "a WebSocket API needs routeSelectionExpression (e.g. $request.body.action)"));
        } else {
            try {
                RouteSelectionExpression.compile(expression);
            } catch (IllegalArgumentException e) {
                problems.add(lines.problem(at + "/routeSelectionExpression", e.getMessage()));
            }
        }
        Map<String, WebSocketAuthorizerSpec> authorizers = authorizers(node.path("authorizers"), at + "/authorizers", id,
                projectFile, problems);
        Map<String, WebSocketRoute> routes = new LinkedHashMap<>();
        JsonNode routesNode = node.path("routes");
        if (!routesNode.isObject() || routesNode.isEmpty()) {
            problems.add(lines.problem(at + "/routes", "a WebSocket API needs routes: $connect, $disconnect, $default "
                    + "or custom keys, each with a function"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = routesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            WebSocketRoute route = route(e.getKey(), e.getValue(), at + "/routes/" + ProjectFileReader.escape(e.getKey()),
                    projectFile, authorizers, problems);
            if (route != null) {
                routes.put(route.routeKey(), route);
            }
        }
        Map<String, Stage> stages = new LinkedHashMap<>();
        for (Map.Entry<String, ProjectFileReader.StageEntry> e : entry.stages().entrySet()) {
            ProjectFileReader.StageEntry stage = e.getValue();
            if (stage.throttle() != null || !stage.methodSettings().isEmpty() || stage.cache() != null || stage.canary() != null
                    || stage.accessLog() != null) {
                problems.add(lines.problem(stage.pointer(), "stage " + e.getKey()
                        + ": a WebSocket API stage takes variables only here (throttle, methodSettings, cache, canary and "
                        + "accessLogSettings are not served for WebSocket APIs)"));
            }
            stages.put(e.getKey(), new Stage(e.getKey(), StableIds.of(id + " " + e.getKey(), 6), stage.variables()));
        }
        WebSocketApiSpec spec = new WebSocketApiSpec(expression, routes,
                seconds(node, at + "/idleTimeoutSeconds", WebSocketApiSpec.IDLE_TIMEOUT, lines, problems),
                seconds(node, at + "/maxConnectionSeconds", WebSocketApiSpec.MAX_DURATION, lines, problems), authorizers);
        return new Api(entry.name(), id, ApiType.WEBSOCKET, null, List.of(), stages, List.of(), Map.of(), "HEADER",
                EndpointType.REGIONAL, List.of(), null, null, spec);
    }

    private static WebSocketRoute route(String key, JsonNode node, String at, ProjectFileReader.ProjectFile projectFile,
                                        Map<String, WebSocketAuthorizerSpec> authorizers, List<Problem> problems) {
        SourceLines lines = projectFile.lines();
        if (key.startsWith("$") && !Set.of(WebSocketRoute.CONNECT, WebSocketRoute.DISCONNECT, WebSocketRoute.DEFAULT).contains(key)) {
            problems.add(lines.problem(at, "route key '" + key + "': only $connect, $disconnect and $default may start with $"));
            return null;
        }
        if (!node.isObject()) {
            problems.add(lines.problem(at, "route " + key + " is a mapping: {function: Name}"));
            return null;
        }
        KnownKeys.check(node, at, ROUTE_KEYS, (pointer, message) -> problems.add(lines.problem(pointer, message)));
        String mock = mockResponse(key, node, at, lines, problems);
        String uri = node.has("mock") ? null : lambdaUri(node, "integrationUri", "route " + key, at, projectFile, problems);
        if (uri == null && !node.has("mock")) {
            return null;
        }
        String selection = node.path("routeResponseSelectionExpression").asText(null);
        if (selection != null && !selection.equals("$default")) {
            problems.add(lines.problem(at + "/routeResponseSelectionExpression",
                    "route " + key + ": the only route response API Gateway supports is $default"));
        }
        int timeout = node.path("timeoutInMillis").asInt(WebSocketRoute.DEFAULT_TIMEOUT_MILLIS);
        if (timeout < MIN_TIMEOUT_MILLIS || timeout > WebSocketRoute.DEFAULT_TIMEOUT_MILLIS) {
            problems.add(lines.problem(at + "/timeoutInMillis", "route " + key + ": timeoutInMillis is from "
                    + MIN_TIMEOUT_MILLIS + " to " + WebSocketRoute.DEFAULT_TIMEOUT_MILLIS));
        }
        AuthorizationType authorization = authorization(key, node, at, authorizers, lines, problems);
        return new WebSocketRoute(key, uri, selection != null, timeout, authorization,
                authorization == AuthorizationType.CUSTOM ? node.path("authorizer").asText() : null, mock);
    }

    /**
     * {@code mock: {responseTemplate: "..."}}: a MOCK integration whose Velocity template (with {@code $input} the
     * client's message and {@code $context} the connection's) is what a route response sends. Compiled here so a
     * template that does not parse is a load error.
     */
    private static String mockResponse(String key, JsonNode node, String at, SourceLines lines, List<Problem> problems) {
        JsonNode mock = node.path("mock");
        if (mock.isMissingNode()) {
            return null;
        }
        if (node.has("function") || node.has("integrationUri")) {
            problems.add(lines.problem(at + "/mock", "route " + key + " has one integration: a function or mock"));
        }
        KnownKeys.check(mock, at + "/mock", Set.of("responseTemplate"), (pointer, message) -> problems.add(lines.problem(pointer, message)));
        String template = mock.path("responseTemplate").asText("");
        try {
            dev.gwemu.mapping.VtlTemplate.compile(key, template);
        } catch (RuntimeException e) {
            problems.add(lines.problem(at + "/mock/responseTemplate", "route " + key + ": " + e.getMessage()));
        }
        return template;
    }

    /**
     * NONE, AWS_IAM, or CUSTOM when the route names an authorizer; only {@code $connect} takes other than NONE
     * (§7.1 [doc]).
     */
    private static AuthorizationType authorization(String key, JsonNode node, String at,
                                                   Map<String, WebSocketAuthorizerSpec> authorizers, SourceLines lines,
                                                   List<Problem> problems) {
        String name = node.path("authorizer").asText(null);
        String typeText = node.path("authorizationType").asText(name == null ? "NONE" : "CUSTOM");
        AuthorizationType type = switch (typeText) {
            case "NONE" -> AuthorizationType.NONE;
            case "AWS_IAM" -> AuthorizationType.AWS_IAM;
            case "CUSTOM" -> AuthorizationType.CUSTOM;
            default -> null;
        };
        if (type == null) {
            problems.add(lines.problem(at + "/authorizationType", "route " + key + ": a WebSocket route's "
                    + "authorizationType is NONE, AWS_IAM or CUSTOM (a Lambda REQUEST authorizer), not '" + typeText + "'"));
            return AuthorizationType.NONE;
        }
        if (type != AuthorizationType.NONE && !key.equals(WebSocketRoute.CONNECT)) {
            problems.add(lines.problem(at, "route " + key + ": only the $connect route of a WebSocket API takes "
                    + "authorization (authorizer or authorizationType)"));
            return AuthorizationType.NONE;
        }
        if ((type == AuthorizationType.CUSTOM) != (name != null)) {
            problems.add(lines.problem(at, "route " + key + ": authorizationType CUSTOM goes with authorizer: Name, "
                    + "and authorizer: Name with CUSTOM only"));
            return AuthorizationType.NONE;
        }
        if (name != null && !authorizers.containsKey(name)) {
            problems.add(lines.problem(at + "/authorizer", "route " + key + " names authorizer '" + name
                    + "', which the API's authorizers: do not define"));
            return AuthorizationType.NONE;
        }
        return type;
    }

    private static Map<String, WebSocketAuthorizerSpec> authorizers(JsonNode node, String at, String apiId,
                                                                   ProjectFileReader.ProjectFile projectFile,
                                                                   List<Problem> problems) {
        Map<String, WebSocketAuthorizerSpec> authorizers = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return authorizers;
        }
        SourceLines lines = projectFile.lines();
        if (!node.isObject()) {
            problems.add(lines.problem(at, "authorizers is a mapping: {Name: {function: Fn, identitySource: [...]}}"));
            return authorizers;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            WebSocketAuthorizerSpec spec = authorizer(e.getKey(), e.getValue(),
                    at + "/" + ProjectFileReader.escape(e.getKey()), apiId, projectFile, problems);
            if (spec != null) {
                authorizers.put(spec.name(), spec);
            }
        }
        return authorizers;
    }

    private static WebSocketAuthorizerSpec authorizer(String name, JsonNode node, String at, String apiId,
                                                      ProjectFileReader.ProjectFile projectFile, List<Problem> problems) {
        SourceLines lines = projectFile.lines();
        if (!node.isObject()) {
            problems.add(lines.problem(at, "authorizer " + name + " is a mapping: {function: Fn, identitySource: [...]}"));
            return null;
        }
        KnownKeys.check(node, at, AUTHORIZER_KEYS, (pointer, message) -> problems.add(lines.problem(pointer, message)));
        String uri = lambdaUri(node, "authorizerUri", "authorizer " + name, at, projectFile, problems);
        List<String> sources = new ArrayList<>();
        JsonNode sourceNode = node.path("identitySource");
        if (sourceNode.isArray()) {
            sourceNode.forEach(source -> sources.add(source.asText()));
        } else if (sourceNode.isTextual()) {
            for (String source : sourceNode.asText().split(",")) { // CloudFormation's comma-separated form
                sources.add(source.trim());
            }
        } else if (!sourceNode.isMissingNode()) {
            problems.add(lines.problem(at + "/identitySource", "authorizer " + name
                    + ": identitySource is a list (or a comma-separated string) of route.request.header.X, "
                    + "route.request.querystring.X, stageVariables.X, context.X"));
        }
        for (String source : sources) {
            try {
                ConnectAuthorizerIdentitySource.parse(source);
            } catch (IllegalArgumentException e) {
                problems.add(lines.problem(at + "/identitySource", "authorizer " + name + ": " + e.getMessage()));
            }
        }
        int ttl = node.path("authorizerResultTtlInSeconds").asInt(WebSocketAuthorizerSpec.DEFAULT_TTL_SECONDS);
        JsonNode ttlNode = node.path("authorizerResultTtlInSeconds");
        if (!ttlNode.isMissingNode() && (!ttlNode.canConvertToInt() || ttl < 0 || ttl > WebSocketAuthorizerSpec.MAX_TTL_SECONDS)) {
            problems.add(lines.problem(at + "/authorizerResultTtlInSeconds", "authorizer " + name
                    + ": authorizerResultTtlInSeconds is from 0 (no caching) to " + WebSocketAuthorizerSpec.MAX_TTL_SECONDS));
        }
        return uri == null ? null : new WebSocketAuthorizerSpec(name, StableIds.of(apiId + " authorizer " + name, 6), uri,
                sources, ttl);
    }

    /**
     * The Lambda invocation URI of {@code function: Name} or of the URI field given, checked to name a function
     * api.yaml binds; null (a problem recorded) when there is none.
     */
    private static String lambdaUri(JsonNode node, String uriField, String what, String at,
                                    ProjectFileReader.ProjectFile projectFile, List<Problem> problems) {
        SourceLines lines = projectFile.lines();
        String function = node.path("function").asText(null);
        String uri = node.path(uriField).asText(null);
        if ((function == null) == (uri == null)) {
            problems.add(lines.problem(at, what + " names its Lambda function: function: Name (or " + uriField
                    + (uriField.equals("integrationUri") ? "; or mock: {responseTemplate: ...}" : "") + ")"));
            return null;
        }
        if (uri == null) {
            uri = "arn:aws:lambda:" + projectFile.region() + ":" + projectFile.accountId() + ":function:" + function;
        }
        uri = LambdaFunctionUri.invocationUri(uri, projectFile.region());
        try {
            String name = LambdaFunctionUri.parse(uri).functionName();
            Map<String, FunctionSpec> functions = projectFile.functions();
            if (!functions.containsKey(name)) {
                problems.add(lines.problem(at, what + " calls function '" + name
                        + "', which api.yaml does not bind (add it under 'functions:')"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(lines.problem(at + "/" + uriField, what + ": " + e.getMessage()));
            return null;
        }
        return uri;
    }

    private static Duration seconds(JsonNode api, String pointer, Duration fallback, SourceLines lines, List<Problem> problems) {
        JsonNode node = api.path(pointer.substring(pointer.lastIndexOf('/') + 1));
        if (node.isMissingNode()) {
            return fallback;
        }
        if (!node.canConvertToInt() || node.asInt() < 1) {
            problems.add(lines.problem(pointer, "a whole number of seconds, 1 or more"));
            return fallback;
        }
        return Duration.ofSeconds(node.asInt());
    }
}
