package dev.gwemu.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.integration.InvokeFailures;
import dev.gwemu.integration.LambdaTargets;
import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.mapping.MappingInput;
import dev.gwemu.mapping.VtlTemplate;
import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.Stage;
import dev.gwemu.model.WebSocketApiSpec;
import dev.gwemu.model.WebSocketRoute;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.server.endpoint.ExecuteApiHosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The WebSocket APIs of a gateway (security-and-operations.md §7): {@code $connect} decides each upgrade, messages are
 * routed by the API's route selection expression (else {@code $default}, else AWS's Forbidden frame), a route with a
 * route response sends its integration's answer back, {@code $disconnect} hears of every close, and connections idle
 * or old past the API's limits are closed by {@link #sweep()} on the injected clock.
 */
public final class WebSocketGateway {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Close code and reason when gwemu ends a connection for idling or age (§7.1 limits) [unc wording]. */
    static final int GOING_AWAY = 1001;

    private final Map<String, Api> apisById = new HashMap<>();
    private final Map<String, RouteSelectionExpression> selections = new HashMap<>();
    private final Function<HttpRequest, Api> addressed;
    private final LambdaTargets targets;
    private final Connections connections;
    private final Map<String, Integer> closeCodes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> closeReasons = new java.util.concurrent.ConcurrentHashMap<>();
    /** MOCK routes' response templates, compiled on first use (they were checked at load). */
    private final Map<WebSocketRoute, VtlTemplate> mockTemplates = new java.util.concurrent.ConcurrentHashMap<>();
    /** The Host each connection came with: {@code requestContext.domainName} of its events. */
    private final Map<String, String> domainNames = new java.util.concurrent.ConcurrentHashMap<>();
    private final Clock clock;
    private final ConnectAuthorizer authorizer;

    /**
     * @param apis       every API of the project (the WebSocket ones are served here)
     * @param hosts      which API a Host names ({@code {apiId}.execute-api.*}); else the first API, as for HTTP requests
     * @param authorizer decides {@code $connect}'s authorization before its integration runs
     */
    public WebSocketGateway(List<Api> apis, ExecuteApiHosts hosts, Connections connections, LambdaRuntime runtime,
                            Clock clock, ConnectAuthorizer authorizer) {
        this.connections = connections;
        this.authorizer = authorizer;
        this.addressed = request -> {
            ExecuteApiHosts.Address address = hosts.resolve(request);
            return address == null ? apis.get(0) : address.api();
        };
        for (Api api : apis) {
            if (api.type() == ApiType.WEBSOCKET) {
                apisById.put(api.id(), api);
                selections.put(api.id(), RouteSelectionExpression.compile(api.websocket().routeSelectionExpression()));
            }
        }
        this.targets = new LambdaTargets(runtime);
        this.clock = clock;
    }

    /** Null when the project has no WebSocket API. */
    public static WebSocketGateway of(List<Api> apis, ExecuteApiHosts hosts, Connections connections,
                                      LambdaRuntime runtime, Clock clock, ConnectAuthorizer authorizer) {
        return apis.stream().anyMatch(a -> a.type() == ApiType.WEBSOCKET)
                ? new WebSocketGateway(apis, hosts, connections, runtime, clock, authorizer) : null;
    }

    public Connections connections() {
        return connections;
    }

    /**
     * An upgrade request: null when it is not addressed to a WebSocket API; else the refusal (unknown stage 403,
     * {@code $connect}'s authorization refusing 401/403/500, {@code $connect} failing 500 or answering non-2xx with
     * its status) or the connection to open, carrying the authorizer's result.
     */
    public Handshake connect(HttpRequest request) {
        Api api = addressed.apply(request);
        if (api == null || api.type() != ApiType.WEBSOCKET) {
            return null;
        }
        Stage stage = api.stages().get(firstSegment(request.rawPath()));
        if (stage == null) {
            return Handshake.refuse(json(403, "{\"message\":\"Forbidden\"}"));
        }
        Instant now = clock.instant();
        PendingConnection pending = new PendingConnection(WebSocketEventWriter.newId(), api, stage, now,
                request.host(), request.sourceIp(), request.headers().first("User-Agent"), null);
        WebSocketRoute route = api.websocket().routes().get(WebSocketRoute.CONNECT);
        if (route == null) {
            return Handshake.accept(pending); // $connect is optional (§7.1), and so has no authorization
        }
        // The authorizer and the CONNECT event see one request: same time and request id.
        String requestId = WebSocketEventWriter.newId();
        ConnectAuthorizer.Outcome authorization = authorizer.authorize(api, stage, route, request,
                new WebSocketEventWriter.EventContext(pending.open(null), now, requestId, pending.domainName(),
                        stage.variables()));
        if (authorization.isRefused()) {
            return Handshake.refuse(authorization.refusal());
        }
        pending = new PendingConnection(pending.id(), api, stage, now, pending.domainName(), pending.sourceIp(),
                pending.userAgent(), authorization.authorizer());
        if (route.isMock()) {
            return Handshake.accept(pending); // a MOCK $connect lets every authorized client in
        }
        WebSocketConnection connection = pending.open(null);
        byte[] event = WebSocketEventWriter.connect(new WebSocketEventWriter.EventContext(connection, now, requestId,
                        pending.domainName(), stage.variables()),
                request.headers(), request.rawQuery(), request.scheme(), request.serverPort());
        InvokeResult result;
        try {
            result = invoke(route, stage, event);
        } catch (GatewayException e) {
            LOG.info("$connect of {} refused: {}", api.name(), e.detail());
            return Handshake.refuse(json(500, "{\"message\": \"Internal server error\"}"));
        }
        if (result.functionError()) {
            LOG.info("$connect of {} refused: the function failed: {}", api.name(), result.payloadPreview());
            return Handshake.refuse(json(500, "{\"message\": \"Internal server error\"}"));
        }
        JsonNode answer = parsed(result.payload());
        int status = answer != null && answer.path("statusCode").canConvertToInt() ? answer.get("statusCode").asInt() : 200;
        if (status < 200 || status > 299) {
            // A non-2xx statusCode is the handshake's status (§7.1 [unc]).
            return Handshake.refuse(new HttpResponse(status, new HeaderList(), new byte[0]));
        }
        return Handshake.accept(pending, handshakeHeaders(answer));
    }

    /** The upgrade completed: the connection is open and reachable through {@code @connections}. */
    public void opened(PendingConnection pending, ClientChannel channel) {
        domainNames.put(pending.id(), pending.domainName());
        connections.add(pending.open(channel));
    }

    /** A message from the client: routed, integrated, answered when the route has a route response. */
    public void message(String connectionId, byte[] data, boolean binary) {
        WebSocketConnection connection = connections.get(connectionId);
        if (connection == null) {
            return;
        }
        Instant now = clock.instant();
        connection.active(now);
        Api api = apisById.get(connection.apiId());
        Stage stage = api.stages().get(connection.stage());
        WebSocketApiSpec spec = api.websocket();
        String key = binary ? null : selections.get(api.id()).select(new String(data, StandardCharsets.UTF_8));
        WebSocketRoute route = key == null ? null : spec.routes().get(key);
        if (route == null) {
            route = spec.routes().get(WebSocketRoute.DEFAULT);
        }
        String requestId = WebSocketEventWriter.newId();
        if (route == null) {
            connection.channel().sendText(errorFrame("Forbidden", connectionId, requestId));
            return;
        }
        if (route.isMock()) {
            mock(connection, route, stage, data, binary, requestId);
            return;
        }
        WebSocketEventWriter.EventContext context = new WebSocketEventWriter.EventContext(connection, now, requestId,
                domainNames.get(connectionId), stage.variables());
        byte[] event = binary ? WebSocketEventWriter.message(context, route.routeKey(), WebSocketEventWriter.newId(), data)
                : WebSocketEventWriter.message(context, route.routeKey(), WebSocketEventWriter.newId(),
                new String(data, StandardCharsets.UTF_8));
        try {
            InvokeResult result = invoke(route, stage, event);
            if (result.functionError()) {
                connection.channel().sendText(errorFrame("Internal server error", connectionId, requestId));
            } else if (route.routeResponse()) {
                connection.channel().sendText(routeResponse(result.payload()));
            }
        } catch (GatewayException e) {
            connection.channel().sendText(errorFrame("Internal server error", connectionId, requestId));
        }
    }

    /**
     * A MOCK route: no function runs; with a route response, its template is rendered ({@code $input} the message,
     * {@code $context} the connection's) and sent back [unc: which body $input reads in AWS's MOCK is not recorded].
     */
    private void mock(WebSocketConnection connection, WebSocketRoute route, Stage stage, byte[] data, boolean binary,
                      String requestId) {
        if (!route.routeResponse()) {
            return;
        }
        Map<String, Object> context = new java.util.LinkedHashMap<>();
        context.put("connectionId", connection.id());
        context.put("routeKey", route.routeKey());
        context.put("eventType", "MESSAGE");
        context.put("requestId", requestId);
        context.put("stage", connection.stage());
        context.put("apiId", connection.apiId());
        context.put("domainName", domainNames.get(connection.id()));
        context.put("connectedAt", connection.connectedAt().toEpochMilli());
        context.put("identity", Map.of("sourceIp", connection.sourceIp()));
        if (connection.authorizer() != null) {
            context.put("authorizer", connection.authorizer());
        }
        String body = binary ? java.util.Base64.getEncoder().encodeToString(data) : new String(data, StandardCharsets.UTF_8);
        try {
            String rendered = mockTemplates.computeIfAbsent(route, r -> VtlTemplate.compile(r.routeKey(), r.mockResponse()))
                    .render(new MappingInput(body, Map.of(), Map.of(), Map.of(), context, stage.variables()), null);
            connection.channel().sendText(rendered);
        } catch (RuntimeException e) {
            LOG.info("MOCK route {} failed: {}", route.routeKey(), e.getMessage());
            connection.channel().sendText(errorFrame("Internal server error", connection.id(), requestId));
        }
    }

    /** The client sent a close frame: its code and reason go to {@code $disconnect}. */
    public void closing(String connectionId, int code, String reason) {
        closeCodes.put(connectionId, code);
        closeReasons.put(connectionId, reason == null ? "" : reason);
    }

    /** The connection is closed, whoever closed it: {@code $disconnect} runs, best-effort (§7.1). */
    public void closed(String connectionId) {
        WebSocketConnection connection = connections.remove(connectionId);
        if (connection != null) {
            disconnected(connection);
        }
    }

    /** A connection left the registry (closed, or deleted through {@code @connections}): {@code $disconnect} hears of it. */
    public void disconnected(WebSocketConnection connection) {
        Integer code = closeCodes.remove(connection.id());
        String reason = closeReasons.remove(connection.id());
        String domainName = domainNames.remove(connection.id());
        Api api = apisById.get(connection.apiId());
        WebSocketRoute route = api.websocket().routes().get(WebSocketRoute.DISCONNECT);
        if (route == null || route.isMock()) {
            return;
        }
        Stage stage = api.stages().get(connection.stage());
        byte[] event = WebSocketEventWriter.disconnect(new WebSocketEventWriter.EventContext(connection, clock.instant(),
                WebSocketEventWriter.newId(), domainName, stage.variables()), WebSocketEventWriter.Close.fromClient(code, reason));
        try {
            invoke(route, stage, event);
        } catch (GatewayException e) {
            LOG.info("$disconnect of {} failed: {}", connection.id(), e.detail());
        }
    }

    /** Closes connections silent past the idle timeout or older than the maximum duration, by the clock. */
    public void sweep() {
        Instant now = clock.instant();
        for (WebSocketConnection connection : connections.all()) {
            WebSocketApiSpec spec = apisById.get(connection.apiId()).websocket();
            boolean idle = !connection.lastActiveAt().plus(spec.idleTimeout()).isAfter(now);
            boolean old = !connection.connectedAt().plus(spec.maxDuration()).isAfter(now);
            if (idle || old) {
                closing(connection.id(), GOING_AWAY, "Going away");
                connection.channel().close(GOING_AWAY, "Going away");
            }
        }
    }

    private InvokeResult invoke(WebSocketRoute route, Stage stage, byte[] event) {
        return targets.invoke(route.integrationUri(), stage, event, route.timeoutMillis(), InvokeFailures.REST);
    }

    /** A proxy answer's {@code body} when it has one; otherwise the answer as the function returned it [unc]. */
    private static String routeResponse(byte[] payload) {
        try {
            JsonNode answer = JSON.readTree(payload);
            if (answer != null && answer.isObject() && answer.has("body")) {
                return answer.get("body").asText();
            }
        } catch (IOException e) {
            // not JSON: sent as it is
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The function's answer as a JSON object, or null when it is not one. */
    private static JsonNode parsed(byte[] payload) {
        try {
            JsonNode answer = JSON.readTree(payload);
            return answer != null && answer.isObject() ? answer : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The {@code headers} of a {@code $connect} proxy answer: they go on the handshake's 101 response (§7.1 [doc]). */
    private static HeaderList handshakeHeaders(JsonNode answer) {
        HeaderList headers = new HeaderList();
        if (answer != null && answer.path("headers").isObject()) {
            answer.get("headers").fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    headers.add(e.getKey(), e.getValue().asText());
                }
            });
        }
        return headers;
    }

    /** AWS's error frame: {@code {"message": "Forbidden", "connectionId":"...", "requestId":"..."}} (§7.1 [obs]). */
    static String errorFrame(String message, String connectionId, String requestId) {
        return "{\"message\": \"" + message + "\", \"connectionId\":\"" + connectionId + "\", \"requestId\":\"" + requestId + "\"}";
    }

    private static String firstSegment(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    private static HttpResponse json(int status, String body) {
        return new HttpResponse(status, new HeaderList().add("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
