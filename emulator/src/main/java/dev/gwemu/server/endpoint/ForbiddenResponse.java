package dev.gwemu.server.endpoint;

import dev.gwemu.pipeline.GatewayException;

/**
 * API Gateway's bare 403 {@code {"message":"Forbidden"}} for a request that reaches no API stage the way it
 * was sent: an unknown stage, an unmapped custom domain path, a private API from outside its VPC endpoints
 * (security-and-operations.md §5.3, §5.4, §9; the error type is [unc]). Not customisable: no API took the request.
 */
public final class ForbiddenResponse {
    public static final String BODY = "{\"message\":\"Forbidden\"}";
    public static final String ERROR_TYPE = "ForbiddenException";

    private ForbiddenResponse() {
    }

    /** @param why what the console line says (the client only sees the body) */
    public static GatewayException because(String why) {
        return GatewayException.fixed(null, 403, ERROR_TYPE, BODY).because(why);
    }
}
