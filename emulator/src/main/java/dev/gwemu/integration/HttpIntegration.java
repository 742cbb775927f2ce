package dev.gwemu.integration;

import dev.gwemu.model.Integration;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Non-proxy {@code HTTP} (data-plane.md §4, §8): the integration request (parameter mapping, template or
 * passthrough, overrides) goes to the rendered URI with only the gateway's own and the mapped headers and query
 * parameters; the backend's status, as a string ("404"), selects the integration response. The backend's headers
 * reach the client only through {@code integration.response.header.*} mappings [V], and its status only through
 * the selected response: a backend 400 with just a default 200 response is a 200 [V].
 */
public final class HttpIntegration implements IntegrationHandler {
    private final HttpBackend backend;
    private final BinaryMediaTypes binaryMediaTypes;
    private final IntegrationRequestMapper requests;
    private final IntegrationResponseMapper responses;

    public HttpIntegration(String accountId, BinaryMediaTypes binaryMediaTypes, HttpBackend backend) {
        this.backend = backend;
        this.binaryMediaTypes = binaryMediaTypes;
        this.requests = new IntegrationRequestMapper(accountId, binaryMediaTypes);
        this.responses = new IntegrationResponseMapper(binaryMediaTypes);
    }

    @Override
    public HttpResponse call(Invocation inv) {
        Integration integration = inv.route().method().integration();
        IntegrationRequestMapper.IntegrationRequest request = requests.map(inv);
        String method = HttpBackend.method(integration, inv.request().method());
        boolean sendsBody = !HttpBackend.NO_BODY_METHODS.contains(method);
        HeaderList headers = HttpHeaderRules.forHttp(inv, request.headers(), sendsBody);

        StringBuilder query = new StringBuilder();
        HttpBackend.appendQuery(query, request.query()); // only the mapped parameters [V]
        URI uri = HttpBackend.render(integration.uri(), inv.stage().variables(), request.path(), query.toString());

        HttpBackend.Response answer = backend.send(method, uri, headers, request.body(), integration.timeoutMillis());
        boolean binary = binaryMediaTypes.matchesContentType(answer.last("Content-Type"));
        Map<String, List<String>> backendHeaders = answer.headers(); // case-insensitive, for integration.response.header.*
        HttpResponse response = responses.map(inv, request, Integer.toString(answer.status()), backendHeaders,
                answer.body(), binary);
        inv.traced(true); // X-Amzn-Trace-Id on successful HTTP responses [V] (§6.4)
        return response;
    }
}
