package dev.gwemu.integration;

import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.Invocation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which headers API Gateway sends to an HTTP backend and which of the backend's reach the client
 * (data-plane.md §8.2, §8.3, §6.4), for {@code HTTP} and {@code HTTP_PROXY}.
 */
final class HttpHeaderRules {
    /** What non-proxy HTTP sends as Accept unless a mapping says otherwise [V]; HTTP_PROXY when the client sent none [E]. */
    static final String DEFAULT_ACCEPT = "application/json";
    /**
     * Client headers HTTP_PROXY does not forward [V] (header-remapping snapshot, no-mapping case: sent by the client,
     * absent at the backend): the hop-by-hop and reserved ones API Gateway drops when it parses the request, plus
     * Host (the backend's is sent) and Content-Encoding. The two trace / API-id headers are replaced by the gateway's.
     * Keep-Alive and Proxy-Connection are not in AWS's table; they are hop-by-hop (RFC 9110 §7.6.1) and dropped [U].
     */
    static final Set<String> PROXY_CLIENT_DROPPED = HttpBackend.caseInsensitive("Connection", "Content-Length",
            "Content-MD5", "Expect", "Max-Forwards", "Proxy-Authenticate", "Server", "TE", "Transfer-Encoding", "Trailer",
            "Upgrade", "WWW-Authenticate", "Host", "Content-Encoding", "X-Amzn-Trace-Id", "X-Amzn-Apigateway-Api-Id",
            "Keep-Alive", "Proxy-Connection");
    /** Never sent to an HTTP backend, even when mapped [V] (§8.3: mapped Expect, Proxy-Authenticate, TE, Via do not arrive). */
    static final Set<String> DROPPED_AFTER_MAPPING = HttpBackend.caseInsensitive("Expect", "Proxy-Authenticate", "TE", "Via");
    /**
     * Mapping these makes every call fail with 500 {"message": "Internal server error"}: Content-Length and
     * Transfer-Encoding [V] (§8.3), the trace and API-id headers the gateway sets itself [E] (LocalStack).
     */
    static final Set<String> ILLEGAL_MAPPED = HttpBackend.caseInsensitive("Content-Length", "Transfer-Encoding",
            "X-Amzn-Trace-Id", "X-Amzn-Apigateway-Api-Id");
    /**
     * Backend response headers HTTP_PROXY renames to x-amzn-Remapped-NAME, sending its own value (or none) under the
     * name [V] (§6.4). Spelled as AWS spells the remapped name.
     */
    static final Map<String, String> PROXY_RESPONSE_REMAPPED = canonical("Connection", "Content-Length", "Date", "Server",
            "x-amzn-RequestId");
    /**
     * Backend response headers HTTP_PROXY drops: Transfer-Encoding [V] (the gateway sends the body with a length),
     * Via [D] (the header table, and LocalStack [E]), Keep-Alive (hop-by-hop) [U]. The table's other entries for
     * HTTP_PROXY responses (Authorization, Content-MD5 ... remapped; Trailer, Upgrade ... dropped) are [D] only, and
     * the same table proved wrong for those names on HTTP (the snapshots show them remapped where it says dropped),
     * so they pass through, as in LocalStack. Content-Encoding passes, following the docs over LocalStack [U] (§8.3).
     */
    static final Set<String> PROXY_RESPONSE_DROPPED = HttpBackend.caseInsensitive("Transfer-Encoding", "Via", "Keep-Alive");
    /** A proxied response without Content-Type gets this one, as every REST response has one (§6.4) [U]. */
    static final String DEFAULT_RESPONSE_CONTENT_TYPE = "application/json";

    private HttpHeaderRules() {
    }

    /**
     * Non-proxy HTTP (§8.2 [V]): only Accept (application/json), User-Agent (AmazonAPIGateway_apiId), Content-Type
     * copied from the client when the client's method has a body and so does the integration request, the mapped
     * headers over those, then the gateway's X-Amzn-Apigateway-Api-Id and X-Amzn-Trace-Id.
     */
    static HeaderList forHttp(Invocation inv, Map<String, String> mapped, boolean integrationSendsBody) {
        checkMapped(mapped);
        String apiId = inv.api().id();
        HeaderList headers = new HeaderList();
        headers.add("Accept", DEFAULT_ACCEPT);
        headers.add("User-Agent", userAgent(apiId));
        String contentType = inv.request().headers().last("Content-Type");
        // LocalStack copies it when the client's method is not GET/HEAD/OPTIONS [E]; the snapshot of a GET with a
        // Content-Type to a POST integration shows none at the backend [V].
        if (contentType != null && integrationSendsBody
                && !HttpBackend.NO_BODY_METHODS.contains(inv.request().method().toUpperCase(Locale.ROOT))) {
            headers.add("Content-Type", contentType);
        }
        mapped.forEach(headers::set);
        return finish(headers, inv, apiId);
    }

    /**
     * HTTP_PROXY (§8.2, §8.3): the client's headers less {@link #PROXY_CLIENT_DROPPED}, repeated ones joined with
     * ',' [E] (first spelling kept); mapped headers replace same-named client headers [V]; Accept and User-Agent
     * defaulted when absent [E]; then the gateway's X-Amzn-Apigateway-Api-Id and X-Amzn-Trace-Id. No X-Forwarded-* [V].
     */
    static HeaderList forHttpProxy(Invocation inv, Map<String, String> mapped) {
        checkMapped(mapped);
        String apiId = inv.api().id();
        HeaderList headers = new HeaderList();
        inv.request().headers().grouped().forEach((name, values) -> {
            if (!PROXY_CLIENT_DROPPED.contains(name)) {
                headers.add(name, String.join(",", values));
            }
        });
        mapped.forEach(headers::set);
        if (!headers.contains("Accept")) {
            headers.add("Accept", DEFAULT_ACCEPT);
        }
        if (!headers.contains("User-Agent")) {
            headers.add("User-Agent", userAgent(apiId));
        }
        return finish(headers, inv, apiId);
    }

    private static HeaderList finish(HeaderList headers, Invocation inv, String apiId) {
        for (String name : DROPPED_AFTER_MAPPING) {
            headers.remove(name);
        }
        headers.set("X-Amzn-Apigateway-Api-Id", apiId);
        headers.set("X-Amzn-Trace-Id", "Root=" + inv.ids().traceRoot());
        return headers;
    }

    /** A mapping to a header the gateway controls fails every call with 500 (§8.3). */
    static void checkMapped(Map<String, String> mapped) {
        for (String name : mapped.keySet()) {
            if (ILLEGAL_MAPPED.contains(name)) {
                throw GatewayException.configurationError("Execution failed due to configuration error: "
                        + "integration.request.header." + name + " cannot be mapped");
            }
        }
    }

    static String userAgent(String apiId) {
        return "AmazonAPIGateway_" + apiId;
    }

    /** HTTP_PROXY's response headers: the backend's, reserved ones remapped and hop-by-hop ones dropped (§6.4). */
    static HeaderList proxyResponse(Map<String, List<String>> backend) {
        HeaderList headers = new HeaderList();
        backend.forEach((name, values) -> {
            if (PROXY_RESPONSE_DROPPED.contains(name)) {
                return;
            }
            String remapped = PROXY_RESPONSE_REMAPPED.get(name);
            String emitted = remapped != null ? "x-amzn-Remapped-" + remapped : name;
            for (String value : values) {
                headers.add(emitted, value);
            }
        });
        if (!headers.contains("Content-Type")) {
            headers.add("Content-Type", DEFAULT_RESPONSE_CONTENT_TYPE);
        }
        return headers;
    }

    private static Map<String, String> canonical(String... names) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : names) {
            map.put(name, name);
        }
        return map;
    }
}
