package dev.gwemu.httpapi.authorizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.httpapi.HttpApiRequestContext;
import dev.gwemu.httpapi.RouteKey;
import dev.gwemu.pipeline.ContextVariables;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.QueryString;
import dev.gwemu.pipeline.RequestTime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The payload 1.0 event of an HTTP API Lambda authorizer (security-and-operations.md §3.4; AWS guide "Working with
 * AWS Lambda authorizers for HTTP APIs", 1.0 example): the REST REQUEST event (fixture
 * rest-authorizer-request-event.json) with these differences:
 * <ul>
 *   <li>{@code version: "1.0"} first, {@code methodArn} is the route ARN, and {@code identitySource} and
 *       {@code authorizationToken} both carry the identity values joined by ',' (AWS example; SAM CLI does the
 *       same);</li>
 *   <li>header names are lower-case (data-plane.md §3.2), the same headers as the 2.0 event plus {@code cookie};</li>
 *   <li>{@code requestContext} is the HTTP API 1.0 one: no deploymentId, identity with {@code cognitoAmr}, the short
 *       request id as both requestId and extendedRequestId, {@code resourceId} the route key and
 *       {@code resource}/{@code resourcePath} its path [unc: one published capture, powertools-lambda-python
 *       docs "API Gateway Authorizer" 1.0 example]; the {@code $default} route uses the request path.</li>
 * </ul>
 * {@code path} and {@code requestContext.path} are the path as sent, a named stage's prefix included, as the 2.0
 * event's rawPath [unc]. Empty collections are null, as in every 1.0 event.
 */
final class AuthorizerEventV1 {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** requestContext.identity's always-null keys for a caller without IAM credentials, alphabetical with the rest. */
    private static final List<String> NULL_IDENTITY_KEYS_BEFORE_SOURCE_IP = List.of("accessKey", "accountId", "caller",
            "cognitoAmr", "cognitoAuthenticationProvider", "cognitoAuthenticationType", "cognitoIdentityId",
            "cognitoIdentityPoolId", "principalOrgId");

    private AuthorizerEventV1() {
    }

    static byte[] write(HttpRequest request, HttpApiRequestContext context, String routeArn, List<String> identity) {
        ObjectNode v2 = RequestAsPayloadV2.of(request, context);
        String identityText = String.join(",", identity);
        String resource = resourcePath(request, context);
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "1.0");
        event.put("type", "REQUEST");
        event.put("methodArn", routeArn);
        event.put("identitySource", identityText);
        event.put("authorizationToken", identityText);
        event.put("resource", resource);
        event.put("path", request.rawPath());
        event.put("httpMethod", request.method());
        writeHeaders(event, headers(request, v2.get("headers")));
        writeQuery(event, QueryString.parse(request.rawQuery()));
        writeStringMap(event, "pathParameters", context.pathParameters());
        writeStringMap(event, "stageVariables", context.stageVariables());
        writeRequestContext(event.putObject("requestContext"), request, context, resource);
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The route's path, or the request path on the {@code $default} route, which has none. */
    private static String resourcePath(HttpRequest request, HttpApiRequestContext context) {
        if (RouteKey.DEFAULT.equals(context.routeKey())) {
            return request.rawPath();
        }
        int space = context.routeKey().indexOf(' ');
        return space < 0 ? context.routeKey() : context.routeKey().substring(space + 1);
    }

    /**
     * The 2.0 event's headers (its names and drop rules), each with its separate values: a header the gateway set
     * itself (trace id, X-Forwarded-*) keeps the 2.0 value as its only one. The cookie header stays a header in 1.0.
     */
    private static Map<String, List<String>> headers(HttpRequest request, JsonNode v2Headers) {
        Map<String, List<String>> sent = new TreeMap<>();
        for (HeaderList.Header h : request.headers().lines()) {
            sent.computeIfAbsent(h.name().toLowerCase(Locale.ROOT), name -> new ArrayList<>()).add(h.value());
        }
        Map<String, List<String>> headers = new TreeMap<>();
        if (v2Headers != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = v2Headers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                List<String> values = sent.get(header.getKey());
                String v2Value = header.getValue().asText();
                headers.put(header.getKey(), values != null && String.join(",", values).equals(v2Value)
                        ? values : List.of(v2Value));
            }
        }
        if (sent.containsKey("cookie")) {
            headers.put("cookie", sent.get("cookie"));
        }
        return headers;
    }

    /** {@code headers} keeps a repeated header's last value, {@code multiValueHeaders} all of them (REST's rule). */
    private static void writeHeaders(ObjectNode event, Map<String, List<String>> headers) {
        if (headers.isEmpty()) {
            event.putNull("headers");
            event.putNull("multiValueHeaders");
            return;
        }
        ObjectNode single = event.putObject("headers");
        headers.forEach((name, values) -> single.put(name, values.get(values.size() - 1)));
        writeMultiMap(event.putObject("multiValueHeaders"), headers);
    }

    private static void writeQuery(ObjectNode event, QueryString query) {
        if (query.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
            return;
        }
        writeStringMap(event, "queryStringParameters", query.lastValues());
        writeMultiMap(event.putObject("multiValueQueryStringParameters"), query.all());
    }

    private static void writeRequestContext(ObjectNode rc, HttpRequest request, HttpApiRequestContext context,
                                            String resource) {
        rc.put("accountId", context.accountId());
        rc.put("apiId", context.apiId());
        rc.put("domainName", request.host());
        rc.put("domainPrefix", ContextVariables.domainPrefix(request.host()));
        rc.put("extendedRequestId", context.requestId());
        rc.put("httpMethod", request.method());
        ObjectNode identity = rc.putObject("identity");
        NULL_IDENTITY_KEYS_BEFORE_SOURCE_IP.forEach(identity::putNull);
        identity.put("sourceIp", request.sourceIp());
        identity.putNull("user");
        identity.put("userAgent", request.headers().first("User-Agent"));
        identity.putNull("userArn");
        rc.put("path", request.rawPath());
        rc.put("protocol", request.protocol());
        rc.put("requestId", context.requestId());
        rc.put("requestTime", RequestTime.format(context.ids().requestTime()));
        rc.put("requestTimeEpoch", context.ids().requestTime().toEpochMilli());
        rc.put("resourceId", context.routeKey());
        rc.put("resourcePath", resource);
        rc.put("stage", context.stage());
    }

    private static void writeStringMap(ObjectNode event, String name, Map<String, String> map) {
        if (map.isEmpty()) {
            event.putNull(name);
            return;
        }
        ObjectNode object = event.putObject(name);
        map.forEach(object::put);
    }

    private static void writeMultiMap(ObjectNode object, Map<String, List<String>> map) {
        map.forEach((name, values) -> {
            ArrayNode array = object.putArray(name);
            values.forEach(array::add);
        });
    }
}
