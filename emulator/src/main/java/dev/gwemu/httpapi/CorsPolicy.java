package dev.gwemu.httpapi;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an HTTP API with a CORS configuration does (data-plane.md §3.5): it answers preflights
 * itself and stamps its own CORS headers on integration responses, replacing the backend's.
 * Built once per API; every set and joined header value is computed here, not per request.
 */
public final class CorsPolicy {
    /** Preflight status, matched or not. [U] §3.5: AWS's exact status is not confirmed. */
    public static final int PREFLIGHT_STATUS = 204;
    /**
     * Whether answers carrying an echoed origin add {@code vary: origin}. [U] §3.5: not documented
     * for HTTP APIs and not observed here, so off; flip it when a capture shows it.
     */
    public static final boolean SEND_VARY_ORIGIN = false;

    public static final String ALLOW_ORIGIN = "access-control-allow-origin";
    public static final String ALLOW_METHODS = "access-control-allow-methods";
    public static final String ALLOW_HEADERS = "access-control-allow-headers";
    public static final String EXPOSE_HEADERS = "access-control-expose-headers";
    public static final String MAX_AGE = "access-control-max-age";
    public static final String ALLOW_CREDENTIALS = "access-control-allow-credentials";
    public static final String VARY = "vary";
    private static final String ORIGIN = "Origin";
    private static final String REQUEST_METHOD = "Access-Control-Request-Method";
    private static final String REQUEST_HEADERS = "Access-Control-Request-Headers";
    /** Every CORS response header; those the backend sends are dropped (§3.5 "ignored and replaced"). */
    private static final List<String> RESPONSE_HEADERS =
            List.of(ALLOW_ORIGIN, ALLOW_METHODS, ALLOW_HEADERS, EXPOSE_HEADERS, MAX_AGE, ALLOW_CREDENTIALS);

    private final Set<String> exactOrigins = new HashSet<>();
    private final List<String> originPrefixes = new ArrayList<>();
    private final boolean anyOrigin;
    private final Set<String> methods = new HashSet<>();
    private final boolean anyMethod;
    private final boolean anyHeader;
    private final String allowMethodsValue;
    private final String allowHeadersValue;
    private final String exposeHeadersValue;
    private final String maxAgeValue;
    private final boolean credentials;

    public CorsPolicy(CorsConfiguration configuration) {
        boolean any = false;
        for (String origin : configuration.allowOrigins()) {
            // Origins compare case-insensitively: scheme and host are (RFC 6454). [U] §3.5 for AWS.
            String lower = origin.toLowerCase(Locale.ROOT);
            if (lower.equals(CorsConfiguration.ANY)) {
                any = true;
            } else if (lower.endsWith("*")) {
                originPrefixes.add(lower.substring(0, lower.length() - 1));
            } else {
                exactOrigins.add(lower);
            }
        }
        anyOrigin = any;
        any = false;
        for (String method : configuration.allowMethods()) {
            if (method.equals(CorsConfiguration.ANY)) {
                any = true;
            } else {
                methods.add(method.toUpperCase(Locale.ROOT));
            }
        }
        anyMethod = any;
        anyHeader = configuration.allowHeaders().contains(CorsConfiguration.ANY);
        allowMethodsValue = joined(configuration.allowMethods());
        allowHeadersValue = joined(configuration.allowHeaders());
        exposeHeadersValue = joined(configuration.exposeHeaders());
        maxAgeValue = configuration.maxAge() == null ? null : configuration.maxAge().toString();
        credentials = configuration.allowCredentials();
    }

    /** An OPTIONS request carrying Origin and Access-Control-Request-Method (§3.5). */
    public boolean isPreflight(HttpRequest request) {
        return "OPTIONS".equals(request.method())
                && request.headers().contains(ORIGIN)
                && request.headers().contains(REQUEST_METHOD);
    }

    /**
     * API Gateway's own answer to a preflight; the integration is never called. A disallowed origin
     * or method gets {@link #PREFLIGHT_STATUS} without CORS headers [U §3.5]. Requested headers are
     * not checked: the browser compares them with {@code access-control-allow-headers} [U].
     */
    public HttpResponse preflight(HttpRequest request) {
        HeaderList headers = new HeaderList();
        String origin = request.headers().first(ORIGIN);
        String method = request.headers().first(REQUEST_METHOD);
        String allowedOrigin = allowedOrigin(origin);
        if (allowedOrigin != null && method != null && methodAllowed(method.trim())) {
            addOrigin(headers, allowedOrigin);
            // With "*" the request's own method and headers are echoed: a literal "*" is not honoured
            // by browsers for credentialed requests. [U] §3.5: AWS's exact value is not confirmed.
            headers.add(ALLOW_METHODS, anyMethod ? method.trim() : allowMethodsValue);
            String requested = request.headers().first(REQUEST_HEADERS);
            String allowHeaders = anyHeader ? requested : allowHeadersValue;
            if (allowHeaders != null && !allowHeaders.isBlank()) {
                headers.add(ALLOW_HEADERS, allowHeaders.trim());
            }
            if (maxAgeValue != null) {
                headers.add(MAX_AGE, maxAgeValue);
            }
        }
        return new HttpResponse(PREFLIGHT_STATUS, headers, new byte[0]);
    }

    /**
     * The integration's response as the client receives it: the backend's CORS headers removed
     * always (§3.5 "ignored and replaced", also without or with a disallowed Origin), and the
     * configured ones added when the request's Origin is allowed. The given response is not changed.
     */
    public HttpResponse decorate(HttpRequest request, HttpResponse response) {
        HeaderList headers = new HeaderList();
        for (HeaderList.Header line : response.headers().lines()) {
            if (!isCorsHeader(line.name())) {
                headers.add(line.name(), line.value());
            }
        }
        String allowedOrigin = allowedOrigin(request.headers().first(ORIGIN));
        if (allowedOrigin != null) {
            addOrigin(headers, allowedOrigin);
            if (exposeHeadersValue != null) {
                headers.add(EXPOSE_HEADERS, exposeHeadersValue);
            }
        }
        return new HttpResponse(response.status(), headers, response.body());
    }

    /** The allow-origin value for this Origin, or null when it is not allowed. */
    private String allowedOrigin(String origin) {
        if (origin == null || origin.isBlank()) {
            return null;
        }
        String trimmed = origin.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (exactOrigins.contains(lower)) {
            return trimmed;
        }
        for (String prefix : originPrefixes) {
            if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
                return trimmed;
            }
        }
        // "*" never meets credentials: CorsConfiguration refuses that pair.
        return anyOrigin ? CorsConfiguration.ANY : null;
    }

    private void addOrigin(HeaderList headers, String allowedOrigin) {
        headers.add(ALLOW_ORIGIN, allowedOrigin);
        if (credentials) {
            headers.add(ALLOW_CREDENTIALS, "true");
        }
        if (SEND_VARY_ORIGIN && !allowedOrigin.equals(CorsConfiguration.ANY)) {
            headers.add(VARY, ORIGIN);
        }
    }

    private boolean methodAllowed(String method) {
        return anyMethod || methods.contains(method.toUpperCase(Locale.ROOT));
    }

    private static boolean isCorsHeader(String name) {
        for (String cors : RESPONSE_HEADERS) {
            if (cors.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Comma without space, as configured spelling. [U] §3.5: AWS's separator is not confirmed. */
    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }
}
