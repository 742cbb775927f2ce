package dev.gwemu.integration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gwemu.pipeline.ContextVariables;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.routing.RouteMatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the REST Lambda proxy event, payload 1.0, key for key as API Gateway sends it
 * (data-plane.md §2.2, fixtures rest-v1-proxy-event-*.json): every key present, empty maps as null.
 */
public final class ProxyEventWriter {
    private static final JsonFactory JSON = new JsonFactory();
    static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /** Hop-by-hop and framing headers Lambda never sees (data-plane.md §2.2, verified). */
    private static final Set<String> DROPPED = caseInsensitive("connection", "content-length", "content-md5", "expect",
            "max-forwards", "proxy-authenticate", "server", "te", "transfer-encoding", "trailer", "upgrade",
            "www-authenticate");
    /** Headers API Gateway sets itself, whatever the client sent. */
    private static final Set<String> REPLACED = caseInsensitive("x-forwarded-port", "x-forwarded-proto", "x-amzn-trace-id");
    private static final List<String> IDENTITY_NULLS_BEFORE_SOURCE_IP = List.of("accessKey", "accountId", "caller",
            "cognitoAuthenticationProvider", "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId",
            "principalOrgId");

    private final String accountId;
    private final BinaryMediaTypes binaryMediaTypes;

    public ProxyEventWriter(String accountId, BinaryMediaTypes binaryMediaTypes) {
        this.accountId = accountId;
        this.binaryMediaTypes = binaryMediaTypes;
    }

    public byte[] write(Invocation inv) {
        HttpRequest request = inv.request();
        RouteMatch route = inv.route();
        HeaderList headers = eventHeaders(inv);
        EventBuffer out = BUFFERS.get();
        out.reset();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("resource", route.resource().path());
            g.writeStringField("path", inv.path());
            g.writeStringField("httpMethod", request.method());
            writeHeaders(g, headers);
            writeQuery(g, inv);
            writeStringMap(g, "pathParameters", route.pathParameters());
            writeStringMap(g, "stageVariables", inv.stage().variables());
            writeRequestContext(g, inv, headers);
            writeBody(g, request);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The client's headers less the dropped ones, plus the X-Forwarded-* and trace headers AWS adds. */
    private static HeaderList eventHeaders(Invocation inv) {
        HttpRequest request = inv.request();
        HeaderList headers = new HeaderList();
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
        writeMultiMap(g, "multiValueHeaders", grouped);
    }

    private static void writeQuery(JsonGenerator g, Invocation inv) throws IOException {
        Map<String, List<String>> all = inv.query().all();
        if (all.isEmpty()) {
            g.writeNullField("queryStringParameters");
            g.writeNullField("multiValueQueryStringParameters");
            return;
        }
        writeStringMap(g, "queryStringParameters", inv.query().lastValues());
        writeMultiMap(g, "multiValueQueryStringParameters", all);
    }

    private void writeRequestContext(JsonGenerator g, Invocation inv, HeaderList headers) throws IOException {
        HttpRequest request = inv.request();
        String host = request.host();
        g.writeObjectFieldStart("requestContext");
        g.writeStringField("accountId", accountId);
        g.writeStringField("apiId", inv.api().id());
        g.writeStringField("deploymentId", inv.stage().deploymentId());
        g.writeStringField("domainName", host);
        g.writeStringField("domainPrefix", ContextVariables.domainPrefix(host));
        g.writeStringField("extendedRequestId", inv.ids().extendedRequestId());
        g.writeStringField("httpMethod", request.method());
        g.writeObjectFieldStart("identity");
        for (String key : IDENTITY_NULLS_BEFORE_SOURCE_IP) {
            g.writeNullField(key);
            if (key.equals("accountId") && inv.apiKey() != null) {
                // Present only when a key was validated (security-and-operations.md §2.2 [snap]), in the keys' order.
                g.writeStringField("apiKey", inv.apiKey());
                g.writeStringField("apiKeyId", inv.apiKeyId());
            }
        }
        g.writeStringField("sourceIp", request.sourceIp());
        g.writeNullField("user");
        g.writeStringField("userAgent", request.headers().first("User-Agent"));
        g.writeNullField("userArn");
        g.writeEndObject();
        if (inv.route().method().operationName() != null) {
            g.writeStringField("operationName", inv.route().method().operationName());
        }
        g.writeStringField("path", inv.contextPath());
        g.writeStringField("protocol", "HTTP/1.1");
        g.writeStringField("requestId", inv.ids().requestId());
        g.writeStringField("requestTime", requestTime(inv.ids().requestTime()));
        g.writeNumberField("requestTimeEpoch", inv.ids().requestTime().toEpochMilli());
        g.writeStringField("resourceId", inv.route().resource().id());
        g.writeStringField("resourcePath", inv.route().resource().path());
        g.writeStringField("stage", inv.stage().name());
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

    /** The event is built once per request but the time only changes once a second: format it once a second. */
    private static String requestTime(java.time.Instant time) {
        FormattedSecond last = lastSecond;
        if (last.epochSecond != time.getEpochSecond()) {
            last = new FormattedSecond(time.getEpochSecond(), REQUEST_TIME.format(time));
            lastSecond = last;
        }
        return last.text;
    }

    private record FormattedSecond(long epochSecond, String text) {
    }

    private static volatile FormattedSecond lastSecond = new FormattedSecond(Long.MIN_VALUE, "");

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


    private static void writeStringMap(JsonGenerator g, String name, Map<String, String> map) throws IOException {
        if (map.isEmpty()) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeMultiMap(JsonGenerator g, String name, Map<String, List<String>> map) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (String v : e.getValue()) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
