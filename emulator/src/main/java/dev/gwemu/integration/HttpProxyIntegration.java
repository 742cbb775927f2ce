package dev.gwemu.integration;

import dev.gwemu.mapping.MappingInput;
import dev.gwemu.mapping.ParameterSource;
import dev.gwemu.model.Integration;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.MappingInputs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code HTTP_PROXY} (data-plane.md §8): the client's request, nearly as it came, to the rendered URI; the backend's
 * status, headers and body back to the client (§6.4 remapping). No templates, but the parameter mappings do apply
 * [V]: {@code integration.request.path.*} fills the URI, mapped query parameters are appended after the client's,
 * mapped headers replace the client's of the same name. No X-Amzn-Trace-Id on the response [V].
 */
public final class HttpProxyIntegration implements IntegrationHandler {
    private final String accountId;
    private final BinaryMediaTypes binaryMediaTypes;
    private final HttpBackend backend;

    public HttpProxyIntegration(String accountId, BinaryMediaTypes binaryMediaTypes, HttpBackend backend) {
        this.accountId = accountId;
        this.binaryMediaTypes = binaryMediaTypes;
        this.backend = backend;
    }

    @Override
    public HttpResponse call(Invocation inv) {
        Integration integration = inv.route().method().integration();
        Mapped mapped = map(inv);
        String method = HttpBackend.method(integration, inv.request().method());
        HeaderList headers = HttpHeaderRules.forHttpProxy(inv, mapped.headers());

        URI uri = HttpBackend.render(integration.uri(), inv.stage().variables(), mapped.path(), query(inv, mapped.query()));
        HttpBackend.Response answer = backend.send(method, uri, headers, inv.request().body(), integration.timeoutMillis());
        return new HttpResponse(answer.status(), HttpHeaderRules.proxyResponse(answer.headers()), answer.body());
    }

    /**
     * All the client's query parameters (every value, re-encoded), then the mapped ones; a mapped name the client
     * also sent adds its values after the client's. The URI's own parameters come first, so repeated names
     * accumulate as in AWS [V] (§8.1: {@code testVar=[foobar, bar]}, {@code testQs=[bar, foo]}).
     */
    static String query(Invocation inv, Map<String, List<String>> mapped) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        inv.query().all().forEach((name, values) -> merged.put(name, new ArrayList<>(values)));
        mapped.forEach((name, values) -> merged.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
        StringBuilder query = new StringBuilder();
        HttpBackend.appendQuery(query, merged);
        return query.toString();
    }

    /** The parameter-mapping results of a proxy integration: nothing else of the integration request applies. */
    record Mapped(Map<String, String> path, Map<String, List<String>> query, Map<String, String> headers) {
        static final Mapped NONE = new Mapped(Map.of(), Map.of(), Map.of());
    }

    /** {@code integration.request.*} mappings, resolved as for non-proxy integrations (§4.1 step 1). */
    Mapped map(Invocation inv) {
        Map<String, ParameterSource> parameters = inv.route().method().integration().requestParameters();
        if (parameters.isEmpty()) {
            return Mapped.NONE;
        }
        byte[] raw = inv.request().body();
        String text = raw.length == 0 ? null
                : binaryMediaTypes.matchesContentType(inv.request().headers().first("Content-Type"))
                ? Base64.getEncoder().encodeToString(raw) : new String(raw, StandardCharsets.UTF_8);
        MappingInput input = MappingInputs.of(inv, accountId, text);
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, List<String>> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        parameters.forEach((target, source) -> {
            List<String> values = source.resolve(input);
            if (values.isEmpty()) {
                return; // a source that resolves to nothing adds nothing [V] (§8.1)
            }
            if (target.startsWith("integration.request.path.")) {
                path.put(target.substring("integration.request.path.".length()), values.get(values.size() - 1));
            } else if (target.startsWith("integration.request.querystring.")) {
                query.computeIfAbsent(target.substring("integration.request.querystring.".length()), k -> new ArrayList<>())
                        .addAll(values);
            } else if (target.startsWith("integration.request.header.")) {
                headers.put(target.substring("integration.request.header.".length()), String.join(",", values));
            }
        });
        return new Mapped(path, query, headers);
    }
}
