package dev.gwemu.server;

import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.RequestIds;

/**
 * A request the gateway has answered, as the request logs see it.
 *
 * @param request    what came in
 * @param ids        its request ids and arrival time
 * @param api        the API it was addressed to, or null when the gateway answered before knowing
 * @param invocation its walk down the API's road, or null when it never started (no such stage, a gwemu endpoint)
 * @param response   what went back
 * @param nanos      how long the gateway took
 * @param failure    why the gateway answered before an API took the request, or null
 */
public record CompletedRequest(HttpRequest request, RequestIds ids, Api api, Invocation invocation,
                               HttpResponse response, long nanos, String failure) {

    /** The id the client was given: {@code apigw-requestid} for HTTP APIs, {@code x-amzn-RequestId} otherwise. */
    public String requestId() {
        return api != null && api.type() == ApiType.HTTP ? ids.extendedRequestId() : ids.requestId();
    }

    /** Why the gateway answered itself, if it did: the road's error or the dispatcher's reason (never a JSON body). */
    public String error() {
        if (invocation != null && invocation.error() != null && invocation.error().detail() != null) {
            return invocation.error().detail();
        }
        return failure != null && !failure.startsWith("{") ? failure : null;
    }
}
