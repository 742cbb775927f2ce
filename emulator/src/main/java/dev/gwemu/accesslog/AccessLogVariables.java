package dev.gwemu.accesslog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.httpapi.HttpContextVariables;
import dev.gwemu.model.ApiType;
import dev.gwemu.pipeline.ContextVariables;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.server.CompletedRequest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code $context} variables of one answered request, as an access log line reads them: the ones only access
 * logs have (status, latencies, the integration's status, the error), then the ones mapping templates see
 * ({@link ContextVariables} for REST APIs, {@link HttpContextVariables} for HTTP APIs). Null when a variable has
 * no value here (the line prints {@code -}). Values are looked up only for the variables a format names.
 */
public final class AccessLogVariables implements Function<String, String> {
    /**
     * Names API Gateway documents for access logs ("Variables for access logging for API Gateway", "Customize HTTP
     * API access logs"); a prefix ending in '.' stands for every name under it.
     */
    private static final Set<String> REST_NAMES = Set.of("accountId", "apiId", "authorize.error", "authorize.latency",
            "authorize.status", "authorizer.", "authenticate.error", "authenticate.latency", "authenticate.status",
            "awsEndpointRequestId", "customDomain.basePathMatched", "deploymentId", "domainName", "domainPrefix",
            "endpointType", "error.message", "error.messageString", "error.responseType", "error.validationErrorString",
            "extendedRequestId", "httpMethod", "identity.", "integration.error", "integration.integrationStatus",
            "integration.latency", "integration.requestId", "integration.status", "integrationLatency",
            "integrationStatus", "isCanaryRequest", "path", "protocol", "requestId", "requestOverride.",
            "responseOverride.", "requestTime", "requestTimeEpoch", "resourceId", "resourcePath", "responseLatency",
            "responseLength", "stage", "status", "waf.error", "waf.latency", "waf.status", "wafResponseCode",
            "webaclArn", "xrayTraceId");
    private static final Set<String> HTTP_NAMES = Set.of("accountId", "apiId", "authorizer.", "awsEndpointRequestId",
            "awsEndpointRequestId2", "customDomain.basePathMatched", "dataProcessed", "domainName", "domainPrefix",
            "error.message", "error.messageString", "error.responseType", "extendedRequestId", "httpMethod",
            "identity.", "integration.error", "integration.integrationStatus", "integration.latency",
            "integration.requestId", "integration.status", "integrationErrorMessage", "integrationLatency",
            "integrationStatus", "path", "protocol", "requestId", "requestTime", "requestTimeEpoch", "responseLatency",
            "responseLength", "routeKey", "stage", "status");
    /** Documented, but gwemu has nothing to put there: they always print {@code -}. */
    private static final List<String> NOT_TRACKED = List.of("authorize.", "authenticate.", "authorizer.error",
            "authorizer.latency", "authorizer.status", "authorizer.integrationStatus", "authorizer.requestId",
            "awsEndpointRequestId2", "customDomain.", "dataProcessed", "endpointType", "identity.clientCert.",
            "integration.requestId", "requestOverride.", "responseOverride.", "waf.", "wafResponseCode", "webaclArn",
            "xrayTraceId");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CompletedRequest done;
    private final Invocation inv;
    private final boolean httpApi;
    private final String accountId;
    private Map<String, Object> restContext;     // made once per line, at the first variable that needs it
    private HttpContextVariables httpContext;    // likewise

    AccessLogVariables(CompletedRequest done, String accountId) {
        this.done = done;
        this.inv = done.invocation();
        this.httpApi = inv.api().type() == ApiType.HTTP;
        this.accountId = accountId;
    }

    @Override
    public String apply(String name) {
        GatewayException error = inv.error();
        return switch (name) {
            case "status" -> Integer.toString(done.response().status());
            case "responseLength" -> Integer.toString(done.response().body() == null ? 0 : done.response().body().length);
            case "responseLatency" -> Long.toString(done.nanos() / 1_000_000);
            case "integrationLatency", "integration.latency" ->
                    inv.integrationNanos() < 0 ? null : Long.toString(inv.integrationNanos() / 1_000_000);
            case "integration.status" -> inv.integrationStatus() == 0 ? null : Integer.toString(inv.integrationStatus());
            // Lambda's own status for its integrations (200 when the function answered), else the backend's.
            case "integrationStatus", "integration.integrationStatus" -> inv.function() != null
                    ? (inv.functionAnswered() ? "200" : null)
                    : inv.integrationStatus() == 0 ? null : Integer.toString(inv.integrationStatus());
            case "integrationErrorMessage", "integration.error" ->
                    error != null && inv.integrationNanos() >= 0 ? message(error) : null;
            case "error.message" -> error == null ? null : message(error);
            case "error.messageString" -> error == null ? null : ContextVariables.messageString(message(error));
            case "error.responseType" -> error == null || error.type() == null ? null : error.type().name();
            case "error.validationErrorString" -> error == null ? null : error.validationErrorString();
            default -> httpApi ? http(name) : rest(name);
        };
    }

    /**
     * The error's message; for the fixed JSON bodies AWS does not render from a template (a function error's 502,
     * {@code {"message": "Internal server error"}}), the message inside, as {@code $context.error.message} has it.
     */
    private static String message(GatewayException error) {
        String message = error.getMessage();
        if (error.fixedBody() != null && message != null && message.startsWith("{")) {
            try {
                JsonNode inner = JSON.readTree(message).path("message");
                return inner.isTextual() ? inner.asText() : message;
            } catch (java.io.IOException e) {
                return message;
            }
        }
        return message;
    }

    private String http(String name) {
        if (httpContext == null) {
            httpContext = new HttpContextVariables(inv, accountId);
        }
        return httpContext.apply(name);
    }

    /** A REST variable from the {@code $context} map templates see, walking dotted names through its maps. */
    private String rest(String name) {
        if (restContext == null) {
            restContext = ContextVariables.of(inv, accountId);
        }
        Object value = restContext;
        String rest = name;
        while (value instanceof Map<?, ?> map) {
            Object whole = map.get(rest);
            if (whole != null || map.containsKey(rest)) {
                value = whole; // a key with dots in it (an authorizer's context key), or the last segment
                break;
            }
            int dot = rest.indexOf('.');
            if (dot < 0) {
                return null;
            }
            value = map.get(rest.substring(0, dot));
            rest = rest.substring(dot + 1);
        }
        return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? null : value.toString();
    }

    /**
     * Names in a format that API Gateway does not know for this API type (typos, or the other type's): they print {@code -}.
     */
    public static List<String> unknown(AccessLogFormat format, ApiType type) {
        Set<String> known = type == ApiType.HTTP ? HTTP_NAMES : REST_NAMES;
        return format.variables().stream().filter(name -> !matches(known, name)).distinct().toList();
    }

    /** Names API Gateway knows for this API type that gwemu has no value for (they print {@code -}). */
    public static List<String> notTracked(AccessLogFormat format, ApiType type) {
        Set<String> known = type == ApiType.HTTP ? HTTP_NAMES : REST_NAMES;
        return format.variables().stream()
                .filter(name -> matches(known, name))
                .filter(name -> NOT_TRACKED.stream().anyMatch(p -> p.endsWith(".") ? name.startsWith(p) : name.equals(p)))
                .distinct().toList();
    }

    private static boolean matches(Set<String> known, String name) {
        if (known.contains(name)) {
            return true;
        }
        for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
            if (known.contains(name.substring(0, dot + 1))) {
                return true;
            }
        }
        return false;
    }
}
