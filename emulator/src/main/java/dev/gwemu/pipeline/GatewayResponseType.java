package dev.gwemu.pipeline;

/**
 * API Gateway's gateway response types with their default status and {@code x-amzn-ErrorType}
 * (data-plane.md §6.1; statuses verified, error types partly from other emulators [E]).
 */
public enum GatewayResponseType {
    DEFAULT_4XX(0, null),
    DEFAULT_5XX(0, null),
    ACCESS_DENIED(403, "AccessDeniedException"),
    API_CONFIGURATION_ERROR(500, "InternalServerErrorException"),
    AUTHORIZER_CONFIGURATION_ERROR(500, "AuthorizerConfigurationException"),
    AUTHORIZER_FAILURE(500, "AuthorizerFailureException"),
    BAD_REQUEST_PARAMETERS(400, "BadRequestException"),
    BAD_REQUEST_BODY(400, "BadRequestException"),
    EXPIRED_TOKEN(403, "ExpiredTokenException"),
    INTEGRATION_FAILURE(504, "InternalServerErrorException"),
    INTEGRATION_TIMEOUT(504, "InternalServerErrorException"),
    INVALID_API_KEY(403, "ForbiddenException"),
    INVALID_SIGNATURE(403, "InvalidSignatureException"),
    MISSING_AUTHENTICATION_TOKEN(403, "MissingAuthenticationTokenException"),
    QUOTA_EXCEEDED(429, "LimitExceededException"),
    REQUEST_TOO_LARGE(413, null),
    RESOURCE_NOT_FOUND(404, "ResourceNotFoundException"),
    THROTTLED(429, "TooManyRequestsException"),
    UNAUTHORIZED(401, "UnauthorizedException"),
    UNSUPPORTED_MEDIA_TYPE(415, "BadRequestException"),
    WAF_FILTERED(403, "WafFilteredException");

    private final int defaultStatus;
    private final String errorType;

    GatewayResponseType(int defaultStatus, String errorType) {
        this.defaultStatus = defaultStatus;
        this.errorType = errorType;
    }

    public int defaultStatus() {
        return defaultStatus;
    }

    /** The {@code x-amzn-ErrorType} header value, or null when AWS sends none. */
    public String errorType() {
        return errorType;
    }
}
