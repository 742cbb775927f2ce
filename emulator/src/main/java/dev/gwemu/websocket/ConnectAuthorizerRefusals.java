package dev.gwemu.websocket;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.gwemu.auth.policy.AccessDeniedMessages;
import dev.gwemu.auth.policy.DenialWording;
import dev.gwemu.auth.policy.PolicyDecision;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;

import java.nio.charset.StandardCharsets;

/**
 * The HTTP answers that refuse a WebSocket upgrade when {@code $connect}'s authorization fails
 * (security-and-operations.md §7.1: "authorization failure → 401 or 403 on the upgrade" [doc]). AWS documents the
 * statuses, not the bodies: a Deny, or a policy not covering {@code .../$connect}, is reported as 403
 * (aws-powertools issue #5800), and a failing authorizer as 500 (serverless/examples issue #557). [unc] gwemu
 * answers with REST's bodies and {@code x-amzn-ErrorType}s (§3.3 outcomes table), which AWS's WebSocket front end is
 * taken to share.
 */
final class ConnectAuthorizerRefusals {
    /** [doc] Missing identity source, or the function's {@code Unauthorized}: 401 with REST's body [unc]. */
    static final int UNAUTHORIZED_STATUS = 401;
    static final String UNAUTHORIZED_BODY = "{\"message\":\"Unauthorized\"}";
    /** [obs] Deny / no Allow for the method ARN: 403; body {@code {"Message":...}} as REST's authorizer denial [unc]. */
    static final int DENIED_STATUS = 403;
    /** [obs] Function error, timeout or an invalid answer: 500; body REST's {@code {"message":null}} [unc]. */
    static final int AUTHORIZER_FAILED_STATUS = 500;
    static final String AUTHORIZER_FAILED_BODY = "{\"message\":null}";

    private ConnectAuthorizerRefusals() {
    }

    static HttpResponse unauthorized() {
        return json(UNAUTHORIZED_STATUS, "UnauthorizedException", UNAUTHORIZED_BODY);
    }

    static HttpResponse denied(PolicyDecision decision, DenialWording wording) {
        return json(DENIED_STATUS, "AccessDeniedException",
                "{\"Message\":\"" + escape(AccessDeniedMessages.authorizerDenied(decision, wording)) + "\"}");
    }

    static HttpResponse authorizerFailed() {
        return json(AUTHORIZER_FAILED_STATUS, "AuthorizerConfigurationException", AUTHORIZER_FAILED_BODY);
    }

    /**
     * AWS_IAM: the SigV4 failure as REST answers it (§3.1): its status (403 for a missing or wrong signature) and
     * {@code {"message":...}} [unc for WebSocket].
     */
    static HttpResponse signatureRefused(GatewayException failure) {
        String body = failure.fixedBody() != null ? new String(failure.fixedBody(), StandardCharsets.UTF_8)
                : "{\"message\":\"" + escape(failure.getMessage()) + "\"}";
        return json(failure.status(), failure.errorType(), body);
    }

    private static HttpResponse json(int status, String errorType, String body) {
        HeaderList headers = new HeaderList().add("Content-Type", "application/json");
        if (errorType != null) {
            headers.add("x-amzn-ErrorType", errorType);
        }
        return new HttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text == null ? "" : new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
