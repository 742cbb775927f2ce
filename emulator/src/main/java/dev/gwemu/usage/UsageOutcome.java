package dev.gwemu.usage;

/**
 * What the usage step answers for a request, with the gateway response of each refusal
 * (security-and-operations.md §0 table, §2.2, §2.3, §9): status, {@code x-amzn-ErrorType} and message.
 */
public enum UsageOutcome {
    /** The request goes on. */
    OK(0, null, null, null),
    /** Missing, unknown or disabled key, or no plan for this stage: INVALID_API_KEY, 403 (§2.2). */
    FORBIDDEN(403, "ForbiddenException", "Forbidden", "INVALID_API_KEY"),
    /** Some bucket was empty: THROTTLED, 429 (§2.3). */
    THROTTLED(429, "TooManyRequestsException", "Too Many Requests", "THROTTLED"),
    /** The key's plan quota is used up: QUOTA_EXCEEDED, 429 (§2.3 [obs]). */
    QUOTA_EXCEEDED(429, "LimitExceededException", "Limit Exceeded", "QUOTA_EXCEEDED");

    private final int status;
    private final String errorType;
    private final String message;
    private final String responseType;

    UsageOutcome(int status, String errorType, String message, String responseType) {
        this.status = status;
        this.errorType = errorType;
        this.message = message;
        this.responseType = responseType;
    }

    /** The default status of the gateway response; 0 for {@link #OK}. */
    public int status() {
        return status;
    }

    /** The {@code x-amzn-ErrorType} header; null for {@link #OK}. */
    public String errorType() {
        return errorType;
    }

    /** {@code $context.error.message}; null for {@link #OK}. */
    public String message() {
        return message;
    }

    /** The gateway response type's name, as in {@code x-amazon-apigateway-gateway-responses}; null for {@link #OK}. */
    public String responseType() {
        return responseType;
    }

    /** The default body, compact as AWS renders it (spec preamble [obs]); null for {@link #OK}. */
    public String defaultBody() {
        return message == null ? null : "{\"message\":\"" + message + "\"}";
    }
}
