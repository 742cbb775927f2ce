package dev.gwemu.cache;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A response as the cache keeps it: status, header lines and body. Immutable: the body is copied in and out.
 *
 * @param status  the HTTP status
 * @param headers the header lines, in order
 * @param body    the body bytes
 */
public record CachedResponse(int status, List<HeaderList.Header> headers, byte[] body) {
    /**
     * Headers that belong to one request, not to the response being cached (security-and-operations.md §0: ids and
     * trace header are per invocation; Date and Connection come from the server). A hit gets its own.
     */
    static final Set<String> PER_REQUEST_HEADERS =
            Set.of("x-amzn-requestid", "x-amz-apigw-id", "x-amzn-trace-id", "date", "connection");

    public CachedResponse {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    /** The response to cache, without {@link #PER_REQUEST_HEADERS} if the pipeline already added them. */
    public static CachedResponse from(HttpResponse response) {
        List<HeaderList.Header> kept = new ArrayList<>(response.headers().lines().size());
        for (HeaderList.Header h : response.headers().lines()) {
            if (!PER_REQUEST_HEADERS.contains(h.name().toLowerCase(Locale.ROOT))) {
                kept.add(h);
            }
        }
        return new CachedResponse(response.status(), kept, response.body());
    }

    /** A fresh, mutable response for one client: the pipeline adds its per-request headers to it. */
    public HttpResponse toHttpResponse() {
        HeaderList copy = new HeaderList();
        headers.forEach(h -> copy.add(h.name(), h.value()));
        return new HttpResponse(status, copy, body.clone());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    int bodyLength() {
        return body.length;
    }

    /** What the entry costs the cluster: body plus header names and values, in bytes (UTF-8). */
    int weight() {
        long w = body.length;
        for (HeaderList.Header h : headers) {
            w += h.name().getBytes(StandardCharsets.UTF_8).length + h.value().getBytes(StandardCharsets.UTF_8).length;
        }
        return (int) Math.min(Integer.MAX_VALUE, w);
    }
}
