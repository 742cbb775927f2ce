package dev.gwemu.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * Stops the road: API Gateway answers the client itself instead of the integration.
 * Most failures name a gateway response type and a message rendered through that type's
 * template; a few integration failures have fixed bodies AWS does not render from a template
 * (data-plane.md §6.1, "Several runtime 5xx errors are not rendered by the default template").
 */
public final class GatewayException extends RuntimeException {
    /** The 36-byte body of malformed-proxy-response and configuration failures, space included. */
    public static final String INTERNAL_SERVER_ERROR_BODY = "{\"message\": \"Internal server error\"}";

    private final GatewayResponseType type;
    private final int status;
    private final String errorType;
    private final byte[] fixedBody;
    private final String contentType;
    private String detail;
    private String validationErrorString;
    private java.util.List<HeaderList.Header> headers = java.util.List.of();

    private GatewayException(GatewayResponseType type, String message, int status, String errorType,
                             byte[] fixedBody, String contentType) {
        super(message, null, false, false);
        this.detail = message;
        this.type = type;
        this.status = status;
        this.errorType = errorType;
        this.fixedBody = fixedBody;
        this.contentType = contentType;
    }

    /** A gateway response rendered from its type's template with {@code message}. */
    public static GatewayException of(GatewayResponseType type, String message) {
        return new GatewayException(type, message, type.defaultStatus(), type.errorType(), null, null);
    }

    /** A gateway response of {@code type} whose {@code x-amzn-ErrorType} is not the type's usual one (SigV4's errors). */
    public static GatewayException of(GatewayResponseType type, String message, String errorType) {
        return new GatewayException(type, message, type.defaultStatus(), errorType, null, null);
    }

    /** A response with fixed JSON bytes that no template produces. */
    public static GatewayException fixed(GatewayResponseType type, int status, String errorType, String jsonBody) {
        return new GatewayException(type, jsonBody, status, errorType, jsonBody.getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    /**
     * A gateway response of {@code type} whose body, when the API does not customise the type, is not the type's
     * default template: access denials say {@code {"Message":...}} with a capital M (security-and-operations.md §4.4).
     * {@code $context.error.message} stays the plain message.
     */
    public static GatewayException withDefaultBody(GatewayResponseType type, String message, String jsonBody) {
        return new GatewayException(type, message, type.defaultStatus(), type.errorType(),
                jsonBody.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** A non-JSON response (the 413 for an oversized body is plain text). */
    public static GatewayException fixedText(int status, String contentType, String text) {
        return new GatewayException(null, text, status, null, text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** The 502 for a function error or a malformed Lambda proxy response. */
    public static GatewayException badLambdaResponse(String why) {
        return fixed(null, 502, "InternalServerErrorException", INTERNAL_SERVER_ERROR_BODY).because(why);
    }

    /** A 500 for an integration set up in a way AWS refuses at run time. */
    public static GatewayException configurationError(String why) {
        return fixed(null, 500, "InternalServerErrorException", INTERNAL_SERVER_ERROR_BODY).because(why);
    }

    /** The gateway response type, or null for responses AWS does not let you customise. */
    public GatewayResponseType type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }

    /** The exact body, or null when the type's template renders it. */
    public byte[] fixedBody() {
        return fixedBody;
    }

    public String contentType() {
        return contentType;
    }

    /** Adds what the console shows about why, like API Gateway's execution log. */
    public GatewayException because(String why) {
        this.detail = why;
        return this;
    }

    /** {@code $context.error.validationErrorString}: what the request validator found, for BAD_REQUEST_BODY. */
    public GatewayException validationErrors(String errors) {
        this.validationErrorString = errors;
        return this;
    }

    public String validationErrorString() {
        return validationErrorString;
    }

    /** Adds a header to the response this exception becomes (an HTTP API JWT failure's {@code www-authenticate}). */
    public GatewayException header(String name, String value) {
        java.util.List<HeaderList.Header> more = new java.util.ArrayList<>(headers);
        more.add(new HeaderList.Header(name, value));
        this.headers = java.util.List.copyOf(more);
        return this;
    }

    /** Headers the response carries besides Content-Type, in order. */
    public java.util.List<HeaderList.Header> headers() {
        return headers;
    }

    /** Why, for the console (the client only sees the body). */
    public String detail() {
        return detail;
    }
}
