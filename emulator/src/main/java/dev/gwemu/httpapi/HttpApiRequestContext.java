package dev.gwemu.httpapi;

import dev.gwemu.pipeline.RequestIds;

import java.util.Map;

/**
 * What an HTTP API knows about a request once its route matched, beyond the request itself: the input of
 * {@link PayloadV2EventWriter} (data-plane.md §3.2).
 *
 * @param routeKey        the matched route's key, e.g. {@code POST /orders/{orderId}} or {@code $default}
 * @param stage           the stage name, {@code $default} included
 * @param pathParameters  decoded path parameters, empty when none
 * @param stageVariables  the stage's variables, empty when none
 * @param ids             the request's ids; the 2.0 {@code requestId} is {@link RequestIds#extendedRequestId()},
 *                        the short id also sent as {@code apigw-requestid}
 * @param accountId       the account owning the API
 * @param apiId           the API id
 * @param authorizer      {@code requestContext.authorizer} as written (e.g. {@code {"jwt": {...}}}), or null when no
 *                        authorizer ran
 */
public record HttpApiRequestContext(String routeKey, String stage, Map<String, String> pathParameters,
                                    Map<String, String> stageVariables, RequestIds ids, String accountId, String apiId,
                                    Map<String, Object> authorizer) {
    public HttpApiRequestContext {
        pathParameters = pathParameters == null ? Map.of() : pathParameters;
        stageVariables = stageVariables == null ? Map.of() : stageVariables;
    }

    /** The short request id of payload 2.0 (§3.2 [U, typical]): also the {@code apigw-requestid} response header. */
    public String requestId() {
        return ids.extendedRequestId();
    }
}
