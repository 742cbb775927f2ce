package dev.gwemu.httpapi;

import dev.gwemu.integration.HttpBackend;
import dev.gwemu.model.HttpIntegrationSpec;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP API route's {@code HTTP_PROXY} integration (data-plane.md §3.2, §8): the client's request to the rendered
 * URL ({@code {name}} path variables and stage variables filled, the client's query appended), its X-Forwarded-*
 * turned into one standard {@code Forwarded} header [D]; the backend's status, headers and body back.
 */
final class HttpApiProxyIntegration implements HttpApiIntegration {
    /** Hop-by-hop and framing headers neither side passes on. */
    static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "keep-alive",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-port", "forwarded", "x-amzn-trace-id");
    static final Set<String> NOT_RETURNED = Set.of("connection", "content-length", "keep-alive", "transfer-encoding",
            "date");

    private final HttpBackend backend;

    HttpApiProxyIntegration(HttpBackend backend) {
        this.backend = backend;
    }

    @Override
    public HttpResponse call(Invocation inv, HttpRequest request) {
        HttpRouteState state = inv.httpRoute();
        HttpIntegrationSpec integration = state.route().integration();
        String method = integration.httpMethod().equals("ANY") ? request.method() : integration.httpMethod();
        HttpBackend.Response answer;
        try {
            URI uri = HttpBackend.render(integration.uri(), inv.stage().variables(), state.pathParameters(),
                    request.rawQuery() == null ? "" : request.rawQuery());
            if (!request.rawPath().equals(inv.request().rawPath())) { // overwrite:path replaces the URL's path
                uri = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + request.rawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            }
            answer = backend.send(method, uri, headers(inv, request), request.body(), integration.timeoutMillis());
        } catch (GatewayException e) {
            // The backend's failures in the HTTP API's words: no answer in time is 503, anything else 500 (§3.3).
            throw e.status() == 504 ? HttpApiErrors.serviceUnavailable(e.detail()) : HttpApiErrors.internalServerError(e.detail());
        }
        HeaderList headers = new HeaderList();
        answer.headers().forEach((name, values) -> {
            if (!NOT_RETURNED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> headers.add(name, v));
            }
        });
        return new HttpResponse(answer.status(), headers, answer.body());
    }

    private static HeaderList headers(Invocation inv, HttpRequest request) {
        HeaderList headers = new HeaderList();
        String forwardedFor = null;
        for (HeaderList.Header h : request.headers().lines()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (name.equals("x-forwarded-for")) {
                forwardedFor = forwardedFor == null ? h.value() : forwardedFor + ", " + h.value();
            }
            if (!NOT_FORWARDED.contains(name)) {
                headers.add(h.name(), h.value());
            }
        }
        StringBuilder forwarded = new StringBuilder();
        if (forwardedFor != null) {
            for (String hop : forwardedFor.split(",")) {
                forwarded.append("for=").append(hop.trim()).append(", ");
            }
        }
        forwarded.append("for=").append(request.sourceIp()).append(";host=").append(request.host())
                .append(";proto=").append(request.scheme());
        headers.add("Forwarded", forwarded.toString());
        headers.add("X-Amzn-Trace-Id", "Root=" + inv.ids().traceRoot());
        return headers;
    }
}
