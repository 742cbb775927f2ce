package dev.gwemu.httpapi;

import dev.gwemu.pipeline.GatewayException;

/**
 * The answers an HTTP API gives instead of its integration (data-plane.md §3.1, §3.3, §3.4): a status and
 * {@code {"message":"..."}} with no space, no {@code x-amzn-ErrorType}, and no customisation (HTTP APIs have no
 * gateway responses).
 */
public final class HttpApiErrors {
    private HttpApiErrors() {
    }

    /** No stage or route serves the request (§3.1 [D]). */
    public static GatewayException notFound(String why) {
        return of(404, "Not Found", why);
    }

    /** No identity, or a JWT that does not verify (§3.4). */
    public static GatewayException unauthorized(String why) {
        return of(401, "Unauthorized", why);
    }

    /** The authorizer said no, or the IAM caller may not invoke (§3.4). */
    public static GatewayException forbidden(String why) {
        return of(403, "Forbidden", why);
    }

    /** A function or authorizer error, or output that cannot be used (§3.3 [U-high]). */
    public static GatewayException internalServerError(String why) {
        return of(500, "Internal Server Error", why);
    }

    /** The integration did not answer within its timeout (§3.3 [V]). */
    public static GatewayException serviceUnavailable(String why) {
        return of(503, "Service Unavailable", why);
    }

    /** A route, stage or account throttle is empty. */
    public static GatewayException tooManyRequests(String why) {
        return of(429, "Too Many Requests", why);
    }

    /**
     * The event is over Lambda's 6 MB invoke limit. AWS's HTTP API text is not recorded in the spec; this is the
     * HTTP reason phrase in the HTTP API's error shape.
     */
    public static GatewayException requestEntityTooLarge(String why) {
        return of(413, "Request Entity Too Large", why);
    }

    /** The backend of an HTTP_PROXY integration cannot be reached. */
    public static GatewayException badGateway(String why) {
        return of(502, "Bad Gateway", why);
    }

    private static GatewayException of(int status, String message, String why) {
        return GatewayException.fixed(null, status, null, "{\"message\":\"" + message + "\"}").because(why);
    }
}
