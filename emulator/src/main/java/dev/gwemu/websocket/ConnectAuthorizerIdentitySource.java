package dev.gwemu.websocket;

import dev.gwemu.model.WebSocketRoute;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.QueryString;
import dev.gwemu.pipeline.RequestTime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One {@code identitySource} entry of a WebSocket API's Lambda authorizer (security-and-operations.md §7.1 [doc]),
 * parsed once: {@code route.request.header.X}, {@code route.request.querystring.X}, {@code stageVariables.X} or
 * {@code context.X}, read from the upgrade request.
 */
public final class ConnectAuthorizerIdentitySource {
    private static final String HEADER = "route.request.header.";
    private static final String QUERYSTRING = "route.request.querystring.";
    private static final String STAGE_VARIABLE = "stageVariables.";
    private static final String CONTEXT = "context.";

    /** The {@code $context} variables known before the authorizer runs: those of the CONNECT requestContext. */
    private static final Map<String, BiFunction<HttpRequest, WebSocketEventWriter.EventContext, String>> CONTEXT_READERS =
            contextReaders();

    /** The names X that {@code context.X} may name. */
    public static final Set<String> CONTEXT_VARIABLES = Collections.unmodifiableSet(CONTEXT_READERS.keySet());

    private final String expression;
    private final BiFunction<HttpRequest, WebSocketEventWriter.EventContext, String> reader;

    private ConnectAuthorizerIdentitySource(String expression, BiFunction<HttpRequest, WebSocketEventWriter.EventContext, String> reader) {
        this.expression = expression;
        this.reader = reader;
    }

    /** @throws IllegalArgumentException when the expression is none of the four forms or names nothing gwemu reads */
    public static ConnectAuthorizerIdentitySource parse(String expression) {
        if (expression.startsWith(HEADER)) {
            String name = name(expression, HEADER);
            return new ConnectAuthorizerIdentitySource(expression, (request, context) -> request.headers().last(name));
        }
        if (expression.startsWith(QUERYSTRING)) {
            String name = name(expression, QUERYSTRING);
            return new ConnectAuthorizerIdentitySource(expression, (request, context) -> last(QueryString.parse(request.rawQuery()).all().get(name)));
        }
        if (expression.startsWith(STAGE_VARIABLE)) {
            String name = name(expression, STAGE_VARIABLE);
            return new ConnectAuthorizerIdentitySource(expression, (request, context) ->
                    context.stageVariables() == null ? null : context.stageVariables().get(name));
        }
        if (expression.startsWith(CONTEXT)) {
            String name = name(expression, CONTEXT);
            BiFunction<HttpRequest, WebSocketEventWriter.EventContext, String> variable = CONTEXT_READERS.get(name);
            if (variable == null) {
                throw new IllegalArgumentException("'" + expression + "': gwemu reads these context variables as identity "
                        + "sources of a WebSocket authorizer: " + String.join(", ", CONTEXT_VARIABLES));
            }
            return new ConnectAuthorizerIdentitySource(expression, variable);
        }
        throw new IllegalArgumentException("'" + expression + "' is not an identity source of a WebSocket API "
                + "(route.request.header.X, route.request.querystring.X, stageVariables.X or context.X)");
    }

    /** The source's value in this upgrade request, or null when it has none. */
    public String read(HttpRequest request, WebSocketEventWriter.EventContext context) {
        return reader.apply(request, context);
    }

    @Override
    public String toString() {
        return expression;
    }

    private static String name(String expression, String prefix) {
        String name = expression.substring(prefix.length());
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'" + expression + "' names nothing after '" + prefix + "'");
        }
        return name;
    }

    /** A repeated query parameter: the last value, as the event's {@code queryStringParameters} has it. */
    private static String last(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static Map<String, BiFunction<HttpRequest, WebSocketEventWriter.EventContext, String>> contextReaders() {
        Map<String, BiFunction<HttpRequest, WebSocketEventWriter.EventContext, String>> readers = new LinkedHashMap<>();
        readers.put("apiId", (request, context) -> context.connection().apiId());
        readers.put("connectedAt", (request, context) -> Long.toString(context.connection().connectedAt().toEpochMilli()));
        readers.put("connectionId", (request, context) -> context.connection().id());
        readers.put("domainName", (request, context) -> context.domainName());
        readers.put("eventType", (request, context) -> "CONNECT");
        readers.put("extendedRequestId", (request, context) -> context.requestId());
        readers.put("identity.sourceIp", (request, context) -> context.connection().sourceIp());
        readers.put("identity.userAgent", (request, context) -> context.connection().userAgent());
        readers.put("messageDirection", (request, context) -> "IN");
        readers.put("requestId", (request, context) -> context.requestId());
        readers.put("requestTime", (request, context) -> RequestTime.format(context.requestTime()));
        readers.put("requestTimeEpoch", (request, context) -> Long.toString(context.requestTime().toEpochMilli()));
        readers.put("routeKey", (request, context) -> WebSocketRoute.CONNECT);
        readers.put("stage", (request, context) -> context.connection().stage());
        return readers;
    }
}
