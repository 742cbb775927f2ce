package dev.gwemu.httpapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gwemu.auth.CallerIdentity;
import dev.gwemu.integration.EventMaps;
import dev.gwemu.pipeline.AuthorizerJson;
import dev.gwemu.pipeline.ContextVariables;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.QueryString;
import dev.gwemu.pipeline.RequestTime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the HTTP API Lambda event, payload format 1.0 (data-plane.md §3.2 last paragraph): the REST event shape of
 * §2.2 plus {@code "version": "1.0"}, with the keys in the order of the "Payload format structure" 1.0 example of the
 * AWS page "Create AWS Lambda proxy integrations for HTTP APIs" (fixture {@code httpapi/http-v1-event.json}). Every key
 * is present; absent maps and an absent body are null, as in REST events.
 */
public final class PayloadV1EventWriter {
    private static final JsonFactory JSON = new JsonFactory();
    /** Hop-by-hop headers no function sees; the HTTP API's header set does not depend on the payload version (§3.2 [U]). */
    private static final Set<String> DROPPED = Set.of("connection", "expect", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade");
    /** Headers API Gateway sets itself, whatever the client sent (§3.2). */
    private static final Set<String> REPLACED = Set.of("x-amzn-trace-id", "x-forwarded-port", "x-forwarded-proto");
    /** §2.2: the identity keys that are null unless Cognito credentials signed the request (never, locally). */
    private static final List<String> COGNITO_AND_ORG_NULLS = List.of("cognitoAuthenticationProvider",
            "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId");

    /**
     * §3.2: the docs' 1.0 example was made without an authorizer and shows {@code {"claims": null, "scopes": null}};
     * this is written when {@link HttpApiRequestContext#authorizer()} is null.
     */
    public static final Map<String, Object> NO_AUTHORIZER;

    static {
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("claims", null);
        none.put("scopes", null);
        NO_AUTHORIZER = Collections.unmodifiableMap(none);
    }

    /** §3.2 [U]: for the $default route (no route path), {@code resource} and {@code resourcePath} are the request path, as in the docs' example. */
    public static final boolean DEFAULT_ROUTE_RESOURCE_IS_THE_PATH = true;
    /** §3.2 [D]: "All header names are lowercase" (docs, payload format structure), in headers and multiValueHeaders alike. */
    public static final boolean LOWERCASE_HEADER_NAMES = true;
    /** §3.2 [D, example only]: a repeated query key shows its first value in queryStringParameters (docs' 1.0 example: parameter1 = value1 of [value1, value2]). */
    public static final boolean SINGLE_QUERY_VALUE_IS_FIRST = true;
    /** §2.2 [D]: a repeated header shows its last value in headers (docs' 1.0 example: header2 = value2 of [value1, value2]). */
    public static final boolean SINGLE_HEADER_VALUE_IS_LAST = true;

    private PayloadV1EventWriter() {
    }

    /**
     * @param request   the request as it reached the gateway
     * @param context   what the route match knows; {@link HttpApiRequestContext#authorizer()} is the 1.0 view of
     *                  {@code requestContext.authorizer}, or null when no authorizer ran
     * @param routePath the matched route key's path, e.g. {@code /pets/{id}}, or null for the {@code $default} route
     * @param caller    the SigV4 caller of an AWS_IAM route, or null
     */
    public static byte[] write(HttpRequest request, HttpApiRequestContext context, String routePath,
                               CallerIdentity caller) {
        String resource = routePath != null ? routePath
                : DEFAULT_ROUTE_RESOURCE_IS_THE_PATH ? request.rawPath() : "$default";
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("version", "1.0");
            g.writeStringField("resource", resource);
            // The path as sent, a named stage's prefix included, like rawPath of 2.0 (§3.2 [U]).
            g.writeStringField("path", request.rawPath());
            g.writeStringField("httpMethod", request.method());
            writeHeaders(g, eventHeaders(request, context));
            writeQuery(g, QueryString.parse(request.rawQuery()).all());
            writeRequestContext(g, request, context, resource, caller);
            EventMaps.writeStringMap(g, "pathParameters", context.pathParameters());
            EventMaps.writeStringMap(g, "stageVariables", context.stageVariables());
            writeBody(g, request);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Every value of every header by lower-case name, sorted by name as the 2.0 fixtures are; the Cookie header stays
     * (1.0 has no {@code cookies}); trace id and X-Forwarded-* set by the gateway as in 2.0 (§3.2).
     */
    static Map<String, List<String>> eventHeaders(HttpRequest request, HttpApiRequestContext context) {
        TreeMap<String, List<String>> headers = new TreeMap<>();
        String forwardedFor = null;
        for (HeaderList.Header h : request.headers().lines()) {
            String lower = h.name().toLowerCase(Locale.ROOT);
            if (DROPPED.contains(lower) || REPLACED.contains(lower)) {
                continue;
            }
            if (lower.equals("x-forwarded-for")) {
                forwardedFor = forwardedFor == null ? h.value() : forwardedFor + ", " + h.value();
                continue;
            }
            headers.computeIfAbsent(LOWERCASE_HEADER_NAMES ? lower : h.name(), k -> new ArrayList<>(1)).add(h.value());
        }
        headers.put("x-amzn-trace-id", List.of("Root=" + context.ids().traceRoot()));
        headers.put("x-forwarded-for", List.of(forwardedFor == null ? request.sourceIp()
                : forwardedFor + ", " + request.sourceIp()));
        // AWS says 443/https; locally the truth is this server's own port and scheme, as in payload 2.0.
        headers.put("x-forwarded-port", List.of(Integer.toString(request.serverPort())));
        headers.put("x-forwarded-proto", List.of(request.scheme()));
        return headers;
    }

    private static void writeHeaders(JsonGenerator g, Map<String, List<String>> headers) throws IOException {
        g.writeObjectFieldStart("headers");
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            List<String> values = e.getValue();
            g.writeStringField(e.getKey(), SINGLE_HEADER_VALUE_IS_LAST ? values.get(values.size() - 1) : values.get(0));
        }
        g.writeEndObject();
        EventMaps.writeMultiMap(g, "multiValueHeaders", headers);
    }

    /** Decoded names and values in order of first appearance; both keys null without a query (§2.2). */
    private static void writeQuery(JsonGenerator g, Map<String, List<String>> all) throws IOException {
        if (all.isEmpty()) {
            g.writeNullField("queryStringParameters");
            g.writeNullField("multiValueQueryStringParameters");
            return;
        }
        g.writeObjectFieldStart("queryStringParameters");
        for (Map.Entry<String, List<String>> e : all.entrySet()) {
            List<String> values = e.getValue();
            g.writeStringField(e.getKey(), SINGLE_QUERY_VALUE_IS_FIRST ? values.get(0) : values.get(values.size() - 1));
        }
        g.writeEndObject();
        EventMaps.writeMultiMap(g, "multiValueQueryStringParameters", all);
    }

    /**
     * The REST context keys in alphabetical order, as the docs' example has them: no {@code deploymentId}, a null
     * {@code resourceId}, the short id as {@code requestId} and {@code extendedRequestId}.
     */
    private static void writeRequestContext(JsonGenerator g, HttpRequest request, HttpApiRequestContext context,
                                            String resource, CallerIdentity caller) throws IOException {
        String host = request.host();
        Instant time = context.ids().requestTime();
        g.writeObjectFieldStart("requestContext");
        g.writeStringField("accountId", context.accountId());
        g.writeStringField("apiId", context.apiId());
        g.writeFieldName("authorizer");
        AuthorizerJson.write(g, context.authorizer() == null ? NO_AUTHORIZER : context.authorizer());
        g.writeStringField("domainName", host);
        g.writeStringField("domainPrefix", ContextVariables.domainPrefix(host));
        // HTTP APIs document $context.extendedRequestId as "equivalent to $context.requestId" (§3.2 [D]).
        g.writeStringField("extendedRequestId", context.requestId());
        g.writeStringField("httpMethod", request.method());
        writeIdentity(g, request, caller);
        g.writeStringField("path", request.rawPath());
        g.writeStringField("protocol", request.protocol());
        g.writeStringField("requestId", context.requestId());
        g.writeStringField("requestTime", RequestTime.format(time));
        g.writeNumberField("requestTimeEpoch", time.toEpochMilli());
        g.writeNullField("resourceId");
        g.writeStringField("resourcePath", resource);
        g.writeStringField("stage", context.stage());
        g.writeEndObject();
    }

    /**
     * {@code requestContext.identity} as REST writes it (§2.2): a SigV4 caller fills accessKey, accountId, caller, user
     * and userArn. HTTP APIs have no API keys, so no apiKey/apiKeyId; {@code clientCert} only with mTLS, never locally.
     */
    private static void writeIdentity(JsonGenerator g, HttpRequest request, CallerIdentity caller) throws IOException {
        g.writeObjectFieldStart("identity");
        g.writeStringField("accessKey", caller == null ? null : caller.accessKey());
        g.writeStringField("accountId", caller == null ? null : caller.accountId());
        g.writeStringField("caller", caller == null ? null : caller.caller());
        for (String key : COGNITO_AND_ORG_NULLS) {
            g.writeNullField(key);
        }
        g.writeStringField("sourceIp", request.sourceIp());
        g.writeStringField("user", caller == null ? null : caller.user());
        g.writeStringField("userAgent", request.headers().first("User-Agent"));
        g.writeStringField("userArn", caller == null ? null : caller.userArn());
        g.writeEndObject();
    }

    /** {@code body} null when empty; text or base64 by {@link PayloadV2EventWriter.TextBodyRule} (no binaryMediaTypes). */
    private static void writeBody(JsonGenerator g, HttpRequest request) throws IOException {
        byte[] body = request.body();
        if (body.length == 0) {
            g.writeNullField("body");
            g.writeBooleanField("isBase64Encoded", false);
        } else if (PayloadV2EventWriter.TextBodyRule.sentAsText(request.headers().first("Content-Type"))) {
            g.writeStringField("body", new String(body, StandardCharsets.UTF_8));
            g.writeBooleanField("isBase64Encoded", false);
        } else {
            g.writeStringField("body", Base64.getEncoder().encodeToString(body));
            g.writeBooleanField("isBase64Encoded", true);
        }
    }
}
