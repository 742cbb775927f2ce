package dev.gwemu.mapping;

/**
 * A {@code method.request.body.X} or {@code integration.response.body.X} mapping met a body that looks like JSON
 * (it starts with {@code { [ " '}) but does not parse. For the request, API Gateway answers 400
 * {@code {"message":"Invalid JSON in request body"}} (data-plane.md §4.1 [E/U]); for the integration response,
 * 500 Internal server error [E].
 */
public final class InvalidJsonBodyException extends RuntimeException {
    private final boolean integrationResponse;

    InvalidJsonBodyException(boolean integrationResponse, Throwable cause) {
        super(integrationResponse ? "Invalid JSON in integration response body" : "Invalid JSON in request body", cause);
        this.integrationResponse = integrationResponse;
    }

    /** True when the body was the integration's response, false when it was the client's request. */
    public boolean integrationResponse() {
        return integrationResponse;
    }
}
