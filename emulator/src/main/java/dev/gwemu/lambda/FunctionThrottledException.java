package dev.gwemu.lambda;

/**
 * Lambda's answer to an Invoke over the function's reserved concurrency: HTTP 429
 * {@code TooManyRequestsException}, {@code {"Reason":"ReservedFunctionConcurrentInvocationLimitExceeded",
 * "Type":"User","message":"Rate Exceeded."}}. No handler code ran. {@link LambdaRuntime#invoke} returns
 * a future already completed exceptionally with this.
 *
 * <p>Made without a stack trace: a throttle is an answer, not a fault, and may come thousands of times a second.
 */
public final class FunctionThrottledException extends RuntimeException {
    /** The status Lambda's Invoke API answers a throttled call with. */
    public static final int STATUS_CODE = 429;
    public static final String ERROR_TYPE = "TooManyRequestsException";
    public static final String REASON = "ReservedFunctionConcurrentInvocationLimitExceeded";
    public static final String MESSAGE = "Rate Exceeded.";

    private final String functionName;
    private final int reservedConcurrency;

    FunctionThrottledException(String functionName, int reservedConcurrency) {
        super(MESSAGE, null, false, false);
        this.functionName = functionName;
        this.reservedConcurrency = reservedConcurrency;
    }

    public String functionName() {
        return functionName;
    }

    public int reservedConcurrency() {
        return reservedConcurrency;
    }

    public int statusCode() {
        return STATUS_CODE;
    }

    public String errorType() {
        return ERROR_TYPE;
    }

    public String reason() {
        return REASON;
    }

    /** The Invoke API's error body, as Lambda sends it. */
    public String payloadText() {
        return "{\"Reason\":\"" + REASON + "\",\"Type\":\"User\",\"message\":\"" + MESSAGE + "\"}";
    }

    /** For the gateway's log: {@code TooManyRequestsException: Rate Exceeded. (GetPet, reservedConcurrency 1)}. */
    @Override
    public String toString() {
        return ERROR_TYPE + ": " + MESSAGE + " (" + functionName + ", reservedConcurrency " + reservedConcurrency + ")";
    }
}
