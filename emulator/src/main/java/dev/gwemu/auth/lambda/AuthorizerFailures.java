package dev.gwemu.auth.lambda;

import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;

/**
 * The two answers a Lambda authorizer gives the client itself (security-and-operations.md §3.3, outcomes table):
 * 401 {@code {"message":"Unauthorized"}} and 500 {@code {"message":null}}. The 403s come from evaluating the policy.
 */
final class AuthorizerFailures {
    private AuthorizerFailures() {
    }

    /** 401 UnauthorizedException: no identity, a token the validation expression refuses, or the function said so. */
    static GatewayException unauthorized(String why) {
        return GatewayException.of(GatewayResponseType.UNAUTHORIZED, "Unauthorized").because(why);
    }

    /**
     * 500 AuthorizerConfigurationException with a null message (§3.3 [obs]): any other function error, a timeout,
     * a throttle, an answer that is not a valid authorizer output, or a function gwemu cannot call.
     */
    static GatewayException configurationError(String why) {
        return GatewayException.of(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR, null).because(why);
    }
}
