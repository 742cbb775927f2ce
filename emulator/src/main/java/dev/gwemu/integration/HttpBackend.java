package dev.gwemu.integration;

import dev.gwemu.model.Integration;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;
import dev.gwemu.pipeline.HeaderList;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP client behind the {@code HTTP} and {@code HTTP_PROXY} integrations (data-plane.md §8): one pooled,
 * thread-safe {@link HttpClient} (HTTP/1.1, redirects not followed), the integration URI rendered per request,
 * the integration timeout, and network failures answered as API Gateway answers them.
 *
 * <p>What java.net.http cannot send: it refuses to let callers set {@code Connection}, {@code Content-Length},
 * {@code Expect}, {@code Host} and {@code Upgrade} (jdk.httpclient.allowRestrictedHeaders). {@code Host} is the
 * backend's and {@code Content-Length} is computed from the body, as in AWS; {@code Expect} is dropped by AWS anyway.
 * A mapped {@code Connection}, {@code Upgrade} or {@code Host} header, which AWS does forward to an HTTP backend
 * (§8.3: mapped {@code Upgrade} arrives; a mapped {@code Host} replaces the backend host name in the header), is not
 * sent by gwemu: those are left out, and the client manages the connection itself (keep-alive).
 */
public final class HttpBackend {
    /**
     * How long establishing a connection may take, whatever the integration's timeout: the default integration
     * timeout [U]. The per-request timeout ({@code timeoutInMillis}) also bounds the connect, so this only matters
     * for integrations whose timeout is longer.
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(Integration.DEFAULT_TIMEOUT_MILLIS);
    /**
     * The status of a refused connection, an unresolvable host or a TLS / network failure ("Execution failed due to
     * a network error communicating with endpoint"). AWS's exact status is [U] (§8.4): the INTEGRATION_FAILURE
     * gateway response defaults to 504, but LocalStack answers 500 {"message": "Internal server error"}, treating a
     * refused connection as API_CONFIGURATION_ERROR [E], and AWS's knowledge center shows 500 for a VPC-link target
     * that is not listening. One constant, with the type below, should that turn out otherwise.
     */
    static final int NETWORK_ERROR_STATUS = 500;
    /** The gateway response type (for customisation) of the network failures above [E]; see NETWORK_ERROR_STATUS. */
    static final GatewayResponseType NETWORK_ERROR_TYPE = GatewayResponseType.API_CONFIGURATION_ERROR;
    /**
     * The status of an integration URI that is not a usable http(s) URL or whose host does not resolve: 500
     * {"message": "Internal server error"}, API_CONFIGURATION_ERROR, logged as "Invalid endpoint address" [D][E] (§8.1).
     */
    static final int INVALID_ENDPOINT_STATUS = 500;
    /** Integration requests with these methods carry no body [E] (§8.1). */
    static final Set<String> NO_BODY_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Whether a request with this method carries its body (AWS sends none with GET, HEAD and OPTIONS). */
    public static boolean sendsBody(String method) {
        return !NO_BODY_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /** Names java.net.http refuses in {@link HttpRequest.Builder#header}; never passed to it. */
    static final Set<String> UNSENDABLE = caseInsensitive("Connection", "Content-Length", "Expect", "Host", "Upgrade");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static volatile HttpBackend shared;

    private volatile HttpClient client; // made at the first call: a project without HTTP integrations never pays for it

    /** A client of its own (its own connection pool). */
    public HttpBackend() {
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER) // 3xx are answers, not followed [U] (§8.4)
                            .connectTimeout(CONNECT_TIMEOUT)
                            .build();
                    client = current;
                }
            }
        }
        return current;
    }

    /** The process-wide client every HTTP integration shares unless given another: one connection pool. */
    public static HttpBackend shared() {
        HttpBackend backend = shared;
        if (backend == null) {
            synchronized (HttpBackend.class) {
                backend = shared;
                if (backend == null) {
                    backend = new HttpBackend();
                    shared = backend;
                }
            }
        }
        return backend;
    }

    /** What came back from the backend. Header names as the client reports them, grouped by name. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
        /** The last value of a header (any case), or null. */
        String last(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
        }
    }

    /**
     * Sends one request and waits for the whole response, at most {@code timeoutMillis}.
     *
     * @param body the payload; ignored (none sent) for GET, HEAD and OPTIONS
     * @throws GatewayException 504 on timeout, {@link #NETWORK_ERROR_STATUS} on a network failure
     */
    public Response send(String method, URI uri, HeaderList headers, byte[] body, int timeoutMillis) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMillis(timeoutMillis))
                    .method(method, NO_BODY_METHODS.contains(method) || body == null
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (HeaderList.Header h : headers.lines()) {
                if (!UNSENDABLE.contains(h.name())) {
                    builder.header(h.name(), h.value());
                }
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            throw GatewayException.configurationError("Execution failed due to configuration error: "
                    + "cannot build the integration request: " + e.getMessage());
        }
        CompletableFuture<HttpResponse<byte[]>> future = client().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers connecting and the response head; this also bounds reading the body.
            response = future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut(timeoutMillis);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw networkError(uri, "interrupted while waiting for the endpoint");
        } catch (ExecutionException e) {
            throw failure(e.getCause(), uri, timeoutMillis);
        }
        Map<String, List<String>> grouped = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) { // no HTTP/2 pseudo-headers (HTTP/1.1 only, but to be sure)
                grouped.put(name, values);
            }
        });
        return new Response(response.statusCode(), grouped, response.body() == null ? new byte[0] : response.body());
    }

    private static GatewayException failure(Throwable cause, URI uri, int timeoutMillis) {
        if (cause instanceof HttpTimeoutException) { // HttpConnectTimeoutException too: the endpoint did not answer in time
            return timedOut(timeoutMillis);
        }
        if (cause instanceof ConnectException && hasCause(cause, UnresolvedAddressException.class)) {
            return invalidEndpoint(uri, "unknown host " + uri.getHost());
        }
        if (cause instanceof IOException) { // refused or reset connections, TLS failures (SSLException), bad responses
            return networkError(uri, cause.toString());
        }
        if (cause instanceof IllegalArgumentException) {
            return invalidEndpoint(uri, cause.getMessage());
        }
        return networkError(uri, String.valueOf(cause));
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** The 504 of an integration that did not answer within timeoutInMillis (§8.4), built as for Lambda. */
    static GatewayException timedOut(int timeoutMillis) {
        return GatewayException.fixed(GatewayResponseType.INTEGRATION_TIMEOUT, 504, "InternalServerErrorException",
                "{\"message\": \"Endpoint request timed out\"}").because("Execution failed due to a timeout error after "
                + timeoutMillis + " ms");
    }

    static GatewayException networkError(URI uri, String why) {
        return GatewayException.fixed(NETWORK_ERROR_TYPE, NETWORK_ERROR_STATUS, "InternalServerErrorException",
                GatewayException.INTERNAL_SERVER_ERROR_BODY).because("Execution failed due to a network error "
                + "communicating with endpoint " + uri + ": " + why);
    }

    /** An integration URI that is not a usable http(s) URL, or whose host does not resolve (§8.1). */
    public static GatewayException invalidEndpoint(Object uri, String why) {
        return GatewayException.fixed(GatewayResponseType.API_CONFIGURATION_ERROR, INVALID_ENDPOINT_STATUS,
                "InternalServerErrorException", GatewayException.INTERNAL_SERVER_ERROR_BODY)
                .because("Execution failed due to configuration error: Invalid endpoint address '" + uri + "': " + why);
    }

    /** The integration's httpMethod; the client's when it is unset or ANY [E] (§8.1). */
    static String method(Integration integration, String clientMethod) {
        String method = integration.httpMethod();
        boolean client = method == null || method.isEmpty() || method.equalsIgnoreCase("ANY");
        return client ? clientMethod : method.toUpperCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------------------------------------------------
    // URI rendering (§4.1 step 6, §8.1)

    /**
     * Renders an integration URI: {@code ${stageVariables.x}} anywhere (unknown: ""), then {@code {name}}
     * placeholders in the path and query from {@code pathValues}, then {@code query} appended.
     *
     * @param pathValues {@code integration.request.path.*} values (and requestOverride.path); a value is inserted as
     *                   it is (a greedy {proxy} keeps its slashes and percent-escapes [E]); only characters a URI
     *                   cannot contain are percent-encoded
     * @param query      the query string to append, already encoded (see {@link #appendQuery}); "" for none
     * @throws GatewayException 500 when the result is not an absolute http(s) URL
     */
    public static URI render(String template, Map<String, String> stageVariables, Map<String, String> pathValues, String query) {
        String withStage = LambdaFunctionUri.substitute(template == null ? "" : template, stageVariables);
        String rendered = placeholders(withStage, pathValues);
        int fragment = rendered.indexOf('#');
        if (fragment >= 0) {
            rendered = rendered.substring(0, fragment); // never sent
        }
        if (!query.isEmpty()) {
            int mark = rendered.indexOf('?');
            if (mark < 0) {
                rendered = rendered + "?" + query;
            } else if (mark == rendered.length() - 1 || rendered.endsWith("&")) {
                rendered = rendered + query;
            } else {
                rendered = rendered + "&" + query;
            }
        }
        URI uri;
        try {
            uri = new URI(rendered);
        } catch (URISyntaxException e) {
            throw invalidEndpoint(rendered, e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalidEndpoint(rendered, "not an absolute http:// or https:// URL with a host");
        }
        return uri;
    }

    /**
     * Replaces {@code {name}} with its value. A placeholder without a value is sent as written, percent-encoded
     * ({@code %7Bname%7D}), as LocalStack's HTTP client ends up sending it [E]; AWS refuses such an integration
     * when it is created.
     */
    static String placeholders(String uri, Map<String, String> values) {
        if (uri.indexOf('{') < 0) {
            return uri;
        }
        StringBuilder out = new StringBuilder(uri.length() + 32);
        int i = 0;
        while (i < uri.length()) {
            char c = uri.charAt(i);
            int close = c == '{' ? uri.indexOf('}', i + 1) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String name = uri.substring(i + 1, close);
            String value = values.get(name);
            if (value != null) {
                out.append(encodeUriChars(value));
            } else {
                out.append("%7B").append(encodeUriChars(name)).append("%7D");
            }
            i = close + 1;
        }
        return out.toString();
    }

    /**
     * Percent-encodes what cannot stand in a URI path or query as it is: everything but unreserved characters,
     * sub-delimiters, ':', '@', '/' and existing %XX escapes. So a raw path parameter keeps its encoding and its
     * slashes, and a decoded value (from a query parameter or a literal) becomes a valid URI part.
     */
    static String encodeUriChars(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean keep = unreserved(c) || "!$&'()*+,;=:@/".indexOf(c) >= 0
                    || (c == '%' && i + 2 < value.length() && hex(value.charAt(i + 1)) && hex(value.charAt(i + 2)));
            if (keep) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
            percent(out, value.substring(i, end));
            i = end - 1;
        }
        return out == null ? value : out.toString();
    }

    /**
     * Appends {@code name=value} pairs to a query string, every name and value percent-encoded (UTF-8, space as
     * {@code %20}) except unreserved characters. How AWS re-encodes forwarded parameters is [U]; this is the form
     * every server decodes alike.
     */
    public static void appendQuery(StringBuilder query, Map<String, List<String>> values) {
        values.forEach((name, list) -> {
            for (String value : list) {
                if (query.length() > 0) {
                    query.append('&');
                }
                query.append(encodeQueryComponent(name)).append('=').append(encodeQueryComponent(value));
            }
        });
    }

    static String encodeQueryComponent(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unreserved(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
            percent(out, s.substring(i, end));
            i = end - 1;
        }
        return out == null ? s : out.toString();
    }

    private static void percent(StringBuilder out, String chars) {
        for (byte b : chars.getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
    }

    private static boolean unreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
