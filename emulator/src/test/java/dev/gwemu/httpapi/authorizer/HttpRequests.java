package dev.gwemu.httpapi.authorizer;

import dev.gwemu.httpapi.HttpApiRequestContext;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.RequestIds;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the request of the spec's fixture http-authorizer-v2-request-event.json: {@code POST /dev/orders/17?expand=items}
 * on route {@code POST /orders/{orderId}} of API r3pmxmplak, stage dev, with the fixture's ids and time; the
 * {@code authorization} header is the test's.
 */
final class HttpRequests {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    static final String API_ID = "r3pmxmplak";
    static final String ROUTE_ARN = "arn:aws:execute-api:us-east-1:123456789012:r3pmxmplak/dev/POST/orders/17";
    static final RequestIds FIXTURE_IDS = new RequestIds("c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "HxWq8hV0IAMEb0w=",
            "1-67d3f65d-3b2a1c0d9e8f7a6b5c4d3e2f", Instant.ofEpochMilli(1741944413123L));
    /** Resolves {@code $context.X} for the tests: the route key and stage, nothing else. */
    static final Function<String, String> NO_CONTEXT_VARIABLES = name -> null;

    private final HeaderList headers = new HeaderList();
    private String method = "POST";
    private String rawPath = "/dev/orders/17";
    private String query = "expand=items";
    private String routeKey = "POST /orders/{orderId}";
    private String stage = "dev";
    private final Map<String, String> pathParameters = new LinkedHashMap<>(Map.of("orderId", "17"));
    private final Map<String, String> stageVariables = new LinkedHashMap<>();

    private HttpRequests(String authorization) {
        if (authorization != null) {
            headers.add("Authorization", authorization);
        }
        headers.add("Content-Length", "9")
                .add("Content-Type", "application/json")
                .add("Host", "r3pmxmplak.execute-api.us-east-1.amazonaws.com")
                .add("User-Agent", "curl/8.5.0");
    }

    /** The fixture's request with this Authorization header (none when null). */
    static HttpRequests withAuthorization(String authorization) {
        return new HttpRequests(authorization);
    }

    HttpRequests header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    HttpRequests query(String raw) {
        query = raw;
        return this;
    }

    HttpRequests stageVariable(String name, String value) {
        stageVariables.put(name, value);
        return this;
    }

    /** Another route of the same stage: {@code GET /dev/orders} on {@code GET /orders}. */
    HttpRequests getOrders() {
        method = "GET";
        rawPath = "/dev/orders";
        routeKey = "GET /orders";
        pathParameters.clear();
        return this;
    }

    /** The same request on the {@code $default} stage and route: no stage prefix in the path. */
    HttpRequests onDefaultStageAndRoute() {
        rawPath = "/orders/17";
        routeKey = "$default";
        stage = "$default";
        pathParameters.clear();
        return this;
    }

    HttpRequest request() {
        return new HttpRequest(method, rawPath, query, headers, "{\"qty\":2}".getBytes(StandardCharsets.UTF_8),
                "198.51.100.7", "HTTP/1.1", "https", 443);
    }

    HttpApiRequestContext context() {
        return new HttpApiRequestContext(routeKey, stage, pathParameters, stageVariables, FIXTURE_IDS, ACCOUNT, API_ID,
                null);
    }
}
