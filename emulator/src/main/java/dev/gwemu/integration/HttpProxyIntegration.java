package dev.gwemu.integration;

import dev.gwemu.model.Integration;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

import java.net.URI;
import java.util.ArrayList;
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
    private final IntegrationRequestMapper requests;
    private final HttpBackend backend;

    public HttpProxyIntegration(String accountId, BinaryMediaTypes binaryMediaTypes, HttpBackend backend) {
        this.requests = new IntegrationRequestMapper(accountId, binaryMediaTypes);
        this.backend = backend;
    }

    @Override
    public HttpResponse call(Invocation inv) {
        Integration integration = inv.route().method().integration();
        IntegrationRequestMapper.MappedParameters mapped = map(inv);
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

    /** {@code integration.request.*} mappings, resolved as for non-proxy integrations (§4.1 step 1). */
    private IntegrationRequestMapper.MappedParameters map(Invocation inv) {
        Integration integration = inv.route().method().integration();
        return integration.requestParameters().isEmpty() ? IntegrationRequestMapper.MappedParameters.NONE
                : IntegrationRequestMapper.parameters(integration, requests.input(inv));
    }
}
