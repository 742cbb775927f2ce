package dev.gwemu.integration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gwemu.auth.CallerIdentity;
import dev.gwemu.pipeline.ContextVariables;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.AuthorizerJson;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.routing.RouteMatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the REST Lambda proxy event, payload 1.0, key for key as API Gateway sends it
 * (data-plane.md §2.2, fixtures rest-v1-proxy-event-*.json): every key present, empty maps as null. The REQUEST
 * Lambda authorizer's event is the same request without the body (security-and-operations.md §3.3).
 */
public final class ProxyEventWriter {
    private static final JsonFactory JSON = new JsonFactory();
    /** Hop-by-hop and framing headers Lambda never sees (data-plane.md §2.2, verified). */
    private static final Set<String> DROPPED = caseInsensitive("connection", "content-length", "content-md5", "expect",
            "max-forwards", "proxy-authenticate", "server", "te", "transfer-encoding", "trailer", "upgrade",
            "www-authenticate");
    /** Headers API Gateway sets itself, whatever the client sent. */
    private static final Set<String> REPLACED = caseInsensitive("x-forwarded-port", "x-forwarded-proto", "x-amzn-trace-id");
    private static final List<String> COGNITO_AND_ORG_NULLS = List.of("cognitoAuthenticationProvider",
            "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId");

    private final String accountId;
    private final BinaryMediaTypes binaryMediaTypes;

    public ProxyEventWriter(String accountId, BinaryMediaTypes binaryMediaTypes) {
        this.accountId = accountId;
        this.binaryMediaTypes = binaryMediaTypes;
    }

    public byte[] write(Invocation inv) {
        return writeEvent(g -> {
            writeRequest(g, inv);
            writeRequestContext(g, inv, inv.authorizer());
            writeBody(g, inv.request());
        });
    }

    /**
     * The event of a REQUEST Lambda authorizer (security-and-operations.md §3.3, fixture
     * rest-authorizer-request-event.json): {@code type} and {@code methodArn}, then the proxy event's request keys
     * and {@code requestContext}, without {@code body} and {@code isBase64Encoded}. The authorizer has not run yet,
     * so the context has no {@code authorizer} key.
     */
    public byte[] writeRequestAuthorizerEvent(Invocation inv, String methodArn) {
        return writeEvent(g -> {
            g.writeStringField("type", "REQUEST");
            g.writeStringField("methodArn", methodArn);
            writeRequest(g, inv);
            writeRequestContext(g, inv, null);
        });
    }

    private interface EventFields {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] writeEvent(EventFields fields) {
        EventBuffer out = BUFFERS.get();
        out.reset();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code resource} to {@code stageVariables}: what the proxy event and the REQUEST authorizer event share. */
    private static void writeRequest(JsonGenerator g, Invocation inv) throws IOException {
        RouteMatch route = inv.route();
        g.writeStringField("resource", route.resource().path());
        g.writeStringField("path", inv.path());
        g.writeStringField("httpMethod", inv.request().method());
        writeHeaders(g, eventHeaders(inv));
        writeQuery(g, inv);
        EventMaps.writeStringMap(g, "pathParameters", route.pathParameters());
        EventMaps.writeStringMap(g, "stageVariables", inv.stage().variables());
    }

    /** The client's headers less the dropped ones, plus the X-Forwarded-* and trace headers AWS adds. */
    private static HeaderList eventHeaders(Invocation inv) {
        HttpRequest request = inv.request();
        HeaderList headers = new HeaderList();
        if (inv.api().endpointType() == dev.gwemu.model.EndpointType.EDGE) {
            // CloudFront already set X-Forwarded-* on the request (server.endpoint); API Gateway keeps them.
            for (HeaderList.Header h : request.headers().lines()) {
                if (!DROPPED.contains(h.name()) && !h.name().equalsIgnoreCase("X-Amzn-Trace-Id")) {
                    headers.add(h.name(), h.value());
                }
            }
            headers.add("X-Amzn-Trace-Id", "Root=" + inv.ids().traceRoot());
            return headers;
        }
        String forwardedFor = null;
        String forwardedForName = "X-Forwarded-For";
        for (HeaderList.Header h : request.headers().lines()) {
            if (DROPPED.contains(h.name()) || REPLACED.contains(h.name())) {
                continue;
            }
            if (h.name().equalsIgnoreCase("X-Forwarded-For")) {
                forwardedFor = forwardedFor == null ? h.value() : forwardedFor + ", " + h.value();
                forwardedForName = h.name();
                continue;
            }
            headers.add(h.name(), h.value());
        }
        headers.add("X-Amzn-Trace-Id", "Root=" + inv.ids().traceRoot());
        headers.add(forwardedForName, forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp());
        // AWS says 443/https; locally the truth is this server's own port and scheme (README: "Differences").
        headers.add("X-Forwarded-Port", Integer.toString(request.serverPort()));
        headers.add("X-Forwarded-Proto", request.scheme());
        return headers;
    }

    private static void writeHeaders(JsonGenerator g, HeaderList headers) throws IOException {
        Map<String, List<String>> grouped = headers.grouped();
        if (grouped.isEmpty()) {
            g.writeNullField("headers");
            g.writeNullField("multiValueHeaders");
            return;
        }
        g.writeObjectFieldStart("headers");
        for (Map.Entry<String, List<String>> e : grouped.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue().get(e.getValue().size() - 1));
        }
        g.writeEndObject();
        EventMaps.writeMultiMap(g, "multiValueHeaders", grouped);
    }

    private static void writeQuery(JsonGenerator g, Invocation inv) throws IOException {
        Map<String, List<String>> all = inv.query().all();
        if (all.isEmpty()) {
            g.writeNullField("queryStringParameters");
            g.writeNullField("multiValueQueryStringParameters");
            return;
        }
        EventMaps.writeStringMap(g, "queryStringParameters", inv.query().lastValues());
        EventMaps.writeMultiMap(g, "multiValueQueryStringParameters", all);
    }

    /** @param authorizer {@code requestContext.authorizer}, or null to leave the key out (no authorizer ran, §3.3 [snap]) */
    private void writeRequestContext(JsonGenerator g, Invocation inv, Map<String, Object> authorizer) throws IOException {
        HttpRequest request = inv.request();
        String host = request.host();
        g.writeObjectFieldStart("requestContext");
        g.writeStringField("accountId", accountId);
        g.writeStringField("apiId", inv.api().id());
        if (authorizer != null) {
            // The context's keys are in alphabetical order in every recorded event; authorizer follows apiId.
            g.writeFieldName("authorizer");
            AuthorizerJson.write(g, authorizer);
        }
        g.writeStringField("deploymentId", inv.stage().deploymentId());
        g.writeStringField("domainName", host);
        g.writeStringField("domainPrefix", ContextVariables.domainPrefix(host));
        g.writeStringField("extendedRequestId", inv.ids().extendedRequestId());
        g.writeStringField("httpMethod", request.method());
        writeIdentity(g, inv);
        if (inv.route().method().operationName() != null) {
            g.writeStringField("operationName", inv.route().method().operationName());
        }
        g.writeStringField("path", inv.contextPath());
        g.writeStringField("protocol", "HTTP/1.1");
        g.writeStringField("requestId", inv.ids().requestId());
        g.writeStringField("requestTime", dev.gwemu.pipeline.RequestTime.format(inv.ids().requestTime()));
        g.writeNumberField("requestTimeEpoch", inv.ids().requestTime().toEpochMilli());
        g.writeStringField("resourceId", inv.route().resource().id());
        g.writeStringField("resourcePath", inv.route().resource().path());
        g.writeStringField("stage", inv.stage().name());
        g.writeEndObject();
    }

    /**
     * {@code requestContext.identity}, keys in the recorded order. A SigV4 caller fills accessKey, accountId, caller,
     * user and userArn (security-and-operations.md §3.1); apiKey and apiKeyId are present only when a key was
     * validated (§2.2 [snap]).
     */
    private static void writeIdentity(JsonGenerator g, Invocation inv) throws IOException {
        CallerIdentity caller = inv.caller();
        g.writeObjectFieldStart("identity");
        g.writeStringField("accessKey", caller == null ? null : caller.accessKey());
        g.writeStringField("accountId", caller == null ? null : caller.accountId());
        if (inv.apiKey() != null) {
            g.writeStringField("apiKey", inv.apiKey());
            g.writeStringField("apiKeyId", inv.apiKeyId());
        }
        g.writeStringField("caller", caller == null ? null : caller.caller());
        for (String key : COGNITO_AND_ORG_NULLS) {
            g.writeNullField(key);
        }
        g.writeStringField("sourceIp", inv.request().sourceIp());
        g.writeStringField("user", caller == null ? null : caller.user());
        g.writeStringField("userAgent", inv.request().headers().first("User-Agent"));
        g.writeStringField("userArn", caller == null ? null : caller.userArn());
        if (inv.vpcEndpoint() != null) {
            // Private APIs only (security-and-operations.md §5.3 [obs]); recent events list them alphabetically.
            g.writeStringField("vpcId", inv.vpcEndpoint().vpcId());
            g.writeStringField("vpceId", inv.vpcEndpoint().id());
        }
        g.writeEndObject();
    }

    private void writeBody(JsonGenerator g, HttpRequest request) throws IOException {
        byte[] body = request.body();
        if (body.length == 0) {
            g.writeNullField("body");
            g.writeBooleanField("isBase64Encoded", false);
        } else if (binaryMediaTypes.matchesContentType(request.headers().first("Content-Type"))) {
            g.writeStringField("body", Base64.getEncoder().encodeToString(body));
            g.writeBooleanField("isBase64Encoded", true);
        } else {
            g.writeStringField("body", new String(body, StandardCharsets.UTF_8));
            g.writeBooleanField("isBase64Encoded", false);
        }
    }

    /** One growing buffer per thread, so an event costs one allocation: the array handed to the function. */
    private static final ThreadLocal<EventBuffer> BUFFERS = ThreadLocal.withInitial(EventBuffer::new);

    private static final class EventBuffer extends ByteArrayOutputStream {
        private static final int KEEP_BYTES = 1 << 16;

        EventBuffer() {
            super(4096);
        }

        @Override
        public synchronized void reset() {
            if (buf.length > KEEP_BYTES) {
                buf = new byte[4096]; // do not keep a large body's buffer alive per thread
            }
            super.reset();
        }
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return java.util.Collections.unmodifiableSet(set);
    }
}
