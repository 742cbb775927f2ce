package dev.gwemu.pipeline;

/**
 * The headers on every REST response (data-plane.md §6.4): request ids always, the trace header
 * only on successful integration responses. Date and Connection come from the HTTP server.
 */
public final class StandardHeaders {
    private StandardHeaders() {
    }

    public static HttpResponse addTo(HttpResponse response, RequestIds ids, boolean traced) {
        HeaderList headers = response.headers();
        headers.add("x-amzn-RequestId", ids.requestId());
        headers.add("x-amz-apigw-id", ids.extendedRequestId());
        if (traced) {
            headers.add("X-Amzn-Trace-Id", ids.responseTraceHeader());
        }
        return response;
    }
}
