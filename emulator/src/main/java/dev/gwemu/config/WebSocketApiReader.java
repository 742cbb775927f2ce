package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.integration.LambdaFunctionUri;
import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.EndpointType;
import dev.gwemu.model.FunctionSpec;
import dev.gwemu.model.Stage;
import dev.gwemu.model.WebSocketApiSpec;
import dev.gwemu.model.WebSocketRoute;
import dev.gwemu.websocket.RouteSelectionExpression;

import java.time.Duration;
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
 */
final class WebSocketApiReader {
    private static final Set<String> ROUTE_KEYS = Set.of("function", "integrationUri", "routeResponseSelectionExpression",
            "timeoutInMillis");
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
        Map<String, WebSocketRoute> routes = new LinkedHashMap<>();
        JsonNode routesNode = node.path("routes");
        if (!routesNode.isObject() || routesNode.isEmpty()) {
            problems.add(lines.problem(at + "/routes", "a WebSocket API needs routes: $connect, $disconnect, $default "
                    + "or custom keys, each with a function"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = routesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            WebSocketRoute route = route(e.getKey(), e.getValue(), at + "/routes/" + ProjectFileReader.escape(e.getKey()),
                    projectFile, problems);
            if (route != null) {
                routes.put(route.routeKey(), route);
            }
        }
        Map<String, Stage> stages = new LinkedHashMap<>();
        for (Map.Entry<String, ProjectFileReader.StageEntry> e : entry.stages().entrySet()) {
            ProjectFileReader.StageEntry stage = e.getValue();
            if (stage.throttle() != null || !stage.methodSettings().isEmpty() || stage.cache() != null || stage.canary() != null) {
                problems.add(lines.problem(stage.pointer(), "stage " + e.getKey()
                        + ": a WebSocket API stage takes variables only here (throttle, methodSettings, cache and canary "
                        + "are not served for WebSocket APIs)"));
            }
            stages.put(e.getKey(), new Stage(e.getKey(), StableIds.of(id + " " + e.getKey(), 6), stage.variables()));
        }
        WebSocketApiSpec spec = new WebSocketApiSpec(expression, routes,
                seconds(node, at + "/idleTimeoutSeconds", WebSocketApiSpec.IDLE_TIMEOUT, lines, problems),
                seconds(node, at + "/maxConnectionSeconds", WebSocketApiSpec.MAX_DURATION, lines, problems));
        return new Api(entry.name(), id, ApiType.WEBSOCKET, null, List.of(), stages, List.of(), Map.of(), "HEADER",
                EndpointType.REGIONAL, List.of(), null, null, spec);
    }

    private static WebSocketRoute route(String key, JsonNode node, String at, ProjectFileReader.ProjectFile projectFile,
                                        List<Problem> problems) {
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
        String function = node.path("function").asText(null);
        String uri = node.path("integrationUri").asText(null);
        if ((function == null) == (uri == null)) {
            problems.add(lines.problem(at, "route " + key + " names its Lambda function: function: Name (or integrationUri)"));
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
                problems.add(lines.problem(at, "route " + key + " calls function '" + name
                        + "', which api.yaml does not bind (add it under 'functions:')"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(lines.problem(at + "/integrationUri", "route " + key + ": " + e.getMessage()));
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
        return new WebSocketRoute(key, uri, selection != null, timeout);
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
