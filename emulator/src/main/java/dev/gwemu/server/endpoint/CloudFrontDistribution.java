package dev.gwemu.server.endpoint;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The CloudFront distribution AWS puts in front of an EDGE API (security-and-operations.md §0, §5.1):
 * it adds its request headers before API Gateway sees the request, so every integration and
 * {@code $input.params()} sees them, and its response headers to whatever API Gateway answers.
 */
public final class CloudFrontDistribution {
    /** {@code X-Cache} of an answered request: nothing of an EDGE API's is cached at the edge (§0 [snap][obs]). */
    static final String MISS = "Miss from cloudfront";
    /** {@code X-Cache} of a 4xx or 5xx answer (§0 [obs]). */
    static final String ERROR = "Error from cloudfront";
    /**
     * The HTTP version the response's {@code Via} names: CloudFront to API Gateway is HTTP/1.1 whatever the viewer
     * spoke (only the request's Via carries the viewer's version, §5.1) [obs][unc].
     */
    static final String RESPONSE_VIA_VERSION = "1.1";
    /** Headers CloudFront sets itself; a viewer's own values of these do not get through (Via and X-Forwarded-For are extended). */
    private static final Set<String> SET_BY_CLOUDFRONT = caseInsensitive("Via", "X-Amz-Cf-Id", "X-Forwarded-For",
            "X-Forwarded-Port", "X-Forwarded-Proto", "CloudFront-Forwarded-Proto", "CloudFront-Is-Desktop-Viewer",
            "CloudFront-Is-Mobile-Viewer", "CloudFront-Is-SmartTV-Viewer", "CloudFront-Is-Tablet-Viewer",
            "CloudFront-Viewer-ASN", "CloudFront-Viewer-Country");
    /**
     * Names CloudFront forwards in canonical case however the viewer spelled them (other names keep the viewer's
     * spelling): Authorization, User-Agent, Accept (data-plane.md §1.5 [V]), Cookie (§5.1 [doc]), and the Accept-*
     * and Host seen canonical next to lower-case {@code cache-control} in an HTTP/2 viewer's real event [obs].
     */
    private static final Map<String, String> CANONICAL_NAMES = canonical("Accept", "Accept-Encoding", "Accept-Language",
            "Authorization", "Cookie", "Host", "User-Agent");
    private static final int REQUEST_ID_BYTES = 40; // 56 base64 characters ending in "==", as CloudFront's ids

    private final EdgeLocation edge;
    private final String requestVia11;
    private final String requestVia20;
    private final String responseVia;

    public CloudFrontDistribution(EdgeLocation edge) {
        this.edge = edge;
        this.requestVia11 = via("1.1");
        this.requestVia20 = via("2.0");
        this.responseVia = via(RESPONSE_VIA_VERSION);
    }

    /** A new {@code X-Amz-Cf-Id}: the same value goes to API Gateway and back to the viewer. */
    public String newRequestId() {
        byte[] bytes = new byte[REQUEST_ID_BYTES];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

    /**
     * The request as CloudFront forwards it: the viewer's headers (a few names in canonical case), then {@code Via}, {@code X-Amz-Cf-Id},
     * {@code X-Forwarded-For} (the viewer's chain, the viewer, then this edge, as API Gateway appends the
     * address it got the request from), {@code X-Forwarded-Port} / {@code -Proto} and the {@code CloudFront-*}
     * viewer headers, in the order of the recorded event (§5.1 [snap]). Port and scheme are this server's,
     * as for REGIONAL APIs (README, "Differences").
     */
    public HttpRequest forward(HttpRequest viewer, String requestId) {
        HeaderList headers = new HeaderList();
        String viewerVia = null;
        String forwardedFor = null;
        for (HeaderList.Header h : viewer.headers().lines()) {
            if (!SET_BY_CLOUDFRONT.contains(h.name())) {
                headers.add(CANONICAL_NAMES.getOrDefault(h.name(), h.name()), h.value());
            } else if (h.name().equalsIgnoreCase("Via")) {
                viewerVia = viewerVia == null ? h.value() : viewerVia + ", " + h.value();
            } else if (h.name().equalsIgnoreCase("X-Forwarded-For")) {
                forwardedFor = forwardedFor == null ? h.value() : forwardedFor + ", " + h.value();
            }
        }
        String via = viewer.protocol().startsWith("HTTP/2") ? requestVia20 : requestVia11;
        headers.add("Via", viewerVia == null ? via : viewerVia + ", " + via); // a proxy appends itself (RFC 9110 §7.6.3)
        headers.add("X-Amz-Cf-Id", requestId);
        String chain = viewer.sourceIp() + ", " + edge.address();
        headers.add("X-Forwarded-For", forwardedFor == null ? chain : forwardedFor + ", " + chain);
        headers.add("X-Forwarded-Port", Integer.toString(viewer.serverPort()));
        headers.add("X-Forwarded-Proto", viewer.scheme());
        headers.add("CloudFront-Forwarded-Proto", viewer.scheme());
        ViewerDevice device = ViewerDevice.of(viewer.headers().first("User-Agent"));
        headers.add("CloudFront-Is-Desktop-Viewer", flag(device == ViewerDevice.DESKTOP));
        headers.add("CloudFront-Is-Mobile-Viewer", flag(device == ViewerDevice.MOBILE));
        headers.add("CloudFront-Is-SmartTV-Viewer", flag(device == ViewerDevice.SMART_TV));
        headers.add("CloudFront-Is-Tablet-Viewer", flag(device == ViewerDevice.TABLET));
        headers.add("CloudFront-Viewer-ASN", edge.viewerAsn());
        headers.add("CloudFront-Viewer-Country", edge.viewerCountry());
        return new HttpRequest(viewer.method(), viewer.rawPath(), viewer.rawQuery(), headers, viewer.body(),
                viewer.sourceIp(), viewer.protocol(), viewer.scheme(), viewer.serverPort());
    }

    /** CloudFront's response headers, after API Gateway's, in the order AWS sends them. */
    public HttpResponse addResponseHeaders(HttpResponse response, String requestId) {
        HeaderList headers = response.headers();
        headers.add("X-Cache", response.status() >= 400 ? ERROR : MISS);
        headers.add("Via", responseVia);
        headers.add("X-Amz-Cf-Pop", edge.pop());
        headers.add("X-Amz-Cf-Id", requestId);
        return response;
    }

    private String via(String version) {
        return version + " " + edge.serverHost() + " (CloudFront)";
    }

    private static String flag(boolean value) {
        return value ? "true" : "false";
    }

    private static Map<String, String> canonical(String... names) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : names) {
            map.put(name, name);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return java.util.Collections.unmodifiableSet(set);
    }
}
