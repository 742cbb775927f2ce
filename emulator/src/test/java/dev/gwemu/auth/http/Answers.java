package dev.gwemu.auth.http;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's own answers (security-and-operations.md §0, §9), asserted to the byte. */
final class Answers {
    static final String MISSING_TOKEN = "{\"message\":\"Missing Authentication Token\"}";
    static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
    static final String FORBIDDEN = "{\"message\":\"Forbidden\"}";
    static final String NULL_MESSAGE = "{\"message\":null}";
    static final String TOKEN_EXPIRED = "{\"message\":\"The incoming token has expired\"}";
    static final String SECURITY_TOKEN_INVALID = "{\"message\":\"The security token included in the request is invalid.\"}";
    static final String SECURITY_TOKEN_EXPIRED = "{\"message\":\"The security token included in the request is expired\"}";
    /** A Lambda authorizer's policy that does not cover the method ARN (§3.3 Outcomes). */
    static final String AUTHORIZER_IMPLICIT_DENY = "{\"Message\":\"User is not authorized to access this resource\"}";
    /** A Lambda authorizer's explicit Deny, in the CURRENT wording (§3.3 Outcomes, §10.1). */
    static final String AUTHORIZER_EXPLICIT_DENY =
            "{\"Message\":\"User is not authorized to access this resource with an explicit deny in an identity-based policy\"}";

    private Answers() {
    }

    /**
     * Status, body, x-amzn-ErrorType and JSON content type exactly, and the headers §0 puts on a gateway-generated
     * error of a REGIONAL or PRIVATE API (every API of the project): request ids, no trace id, nothing of CloudFront.
     * And no integration answered.
     */
    static void assertRefused(HttpResponse<String> response, int status, String errorType, String body) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(body, response.body());
        assertEquals(errorType, response.headers().firstValue("x-amzn-ErrorType").orElse(null), "x-amzn-ErrorType");
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
        assertTrue(response.headers().firstValue("x-amzn-RequestId").orElse("").matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                response.headers().map().toString());
        assertTrue(response.headers().firstValue("x-amz-apigw-id").orElse("").endsWith("="), response.headers().map().toString());
        assertFalse(response.headers().firstValue("X-Amzn-Trace-Id").isPresent(), "no trace id on a gateway-generated error");
        assertFalse(response.headers().firstValue("X-Cache").isPresent(), "no CloudFront in front of REGIONAL and PRIVATE APIs");
        assertFalse(response.headers().firstValue("X-Echo-Calls").isPresent(), "the Echo function answered");
    }

    static void assertMissingToken(HttpResponse<String> response) {
        assertRefused(response, 403, "MissingAuthenticationTokenException", MISSING_TOKEN);
    }

    static void assertUnauthorized(HttpResponse<String> response) {
        assertRefused(response, 401, "UnauthorizedException", UNAUTHORIZED);
    }

    static void assertForbidden(HttpResponse<String> response) {
        assertRefused(response, 403, "ForbiddenException", FORBIDDEN);
    }

    static void assertAuthorizerConfigurationError(HttpResponse<String> response) {
        assertRefused(response, 500, "AuthorizerConfigurationException", NULL_MESSAGE);
    }

    /** 403 AccessDeniedException {@code {"Message":"<message>"}} (capital M, §4.4). */
    static void assertAccessDenied(HttpResponse<String> response, String message) {
        assertRefused(response, 403, "AccessDeniedException", "{\"Message\":\"" + message + "\"}");
    }

    /** 403 InvalidSignatureException with {@code message} JSON-quoted as API Gateway renders it. */
    static void assertInvalidSignature(HttpResponse<String> response, String message) {
        assertRefused(response, 403, "InvalidSignatureException", "{\"message\":\"" + jsonEscaped(message) + "\"}");
    }

    /** The default template's {@code $context.error.messageString} escaping of the texts these tests meet. */
    static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** {@code User: <who> is not authorized to perform: execute-api:Invoke on resource: <masked ARN>} (§4.4). */
    static String invokeDenied(String who, String apiId, String stageVerbPath) {
        return "User: " + who + " is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:"
                + apiId + "/" + stageVerbPath;
    }
}
