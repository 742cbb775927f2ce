package dev.gwemu.websocket;

import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;

/**
 * The errors of the {@code @connections} management API (security-and-operations.md §7.3), shaped so the AWS SDKs
 * map them to their exception types. The API is REST-JSON (botocore {@code apigatewaymanagementapi}): an SDK takes
 * the error code from the {@code x-amzn-ErrorType} header (falling back to the body's {@code __type}/{@code code}) and
 * the message from the body's {@code message}. The modelled errors and their statuses are the service model's:
 * GoneException 410, PayloadTooLargeException 413 (with a {@code message} member), LimitExceededException 429,
 * ForbiddenException 403. Render them with {@code new GatewayResponses().render(e)}: gateway response
 * customisations do not apply to the management API.
 */
public final class ManagementErrors {
    public static final String GONE = "GoneException";
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLargeException";
    public static final String FORBIDDEN = "ForbiddenException";
    public static final String LIMIT_EXCEEDED = "LimitExceededException";
    /** [obs: the error code of AWS's Coral front ends for "No method found matching route"] */
    public static final String NOT_FOUND = "NotFoundException";

    /**
     * [obs] The 410's body is empty: the PHP SDK reports "Unable to parse error information from response - Error
     * parsing JSON: Syntax error" for it, the Java SDK v1 a null message, the JS SDK v2 the status as the message
     * (aws/aws-sdk-java#2200, aws/aws-sdk-js-v3#2763, georgeboot/laravel-echo-api-gateway#9). The error code comes
     * from {@code x-amzn-ErrorType}.
     */
    public static final String GONE_BODY = "";
    /** [unc] AWS's wording for a message over {@link ConnectionsApi#MAX_PAYLOAD_BYTES} is not recorded; gwemu's own. */
    public static final String PAYLOAD_TOO_LARGE_MESSAGE = "Message payload exceeds the maximum size of 131072 bytes";
    /** [obs] AWS's wording, with the route as {@code {stage}/@connections/{id}} (the id as sent) and the method. */
    public static final String NO_METHOD_MESSAGE = "No method found matching route %s for http method %s.";

    private ManagementErrors() {
    }

    /** 410: unknown or closed connection, or one of another stage or API (also one still inside $connect). */
    public static GatewayException gone(String why) {
        return GatewayException.fixed(null, 410, GONE, GONE_BODY).because(why);
    }

    /** 413 {@code {"message":"..."}}. */
    public static GatewayException payloadTooLarge(int size) {
        return GatewayException.of(GatewayResponseType.REQUEST_TOO_LARGE, PAYLOAD_TOO_LARGE_MESSAGE, PAYLOAD_TOO_LARGE)
                .because("@connections: POST of " + size + " bytes exceeds " + ConnectionsApi.MAX_PAYLOAD_BYTES);
    }

    /**
     * A method the management API does not have on this path (anything but POST, GET, DELETE): 404
     * {@code {"message":"No method found matching route ..."}} [unc: the status; 404 is what other AWS front ends
     * answer with the same text].
     */
    public static GatewayException noMethod(String route, String method) {
        String message = NO_METHOD_MESSAGE.formatted(route, method);
        return GatewayException.of(GatewayResponseType.RESOURCE_NOT_FOUND, message, NOT_FOUND).because(message);
    }

    /** [obs] 403 {@code {"message":"Forbidden"}}: the management API addressed without a stage. */
    public static GatewayException forbidden() {
        return GatewayException.fixed(null, 403, FORBIDDEN, "{\"message\":\"Forbidden\"}")
                .because("@connections: no stage in the path");
    }
}
