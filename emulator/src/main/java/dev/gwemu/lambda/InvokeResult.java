package dev.gwemu.lambda;

import java.nio.charset.StandardCharsets;

/**
 * What Lambda's Invoke (RequestResponse) answers: the payload bytes, and whether they are a
 * function error ({@code X-Amz-Function-Error: Unhandled} in AWS).
 *
 * @param payload       JSON bytes: the function's result, or {@code {"errorMessage":...}} when functionError
 * @param functionError true when the handler threw, failed to initialise, or timed out
 * @param awsRequestId  the request id the function saw in its Context
 * @param coldStart     the invocation paid for a new execution environment's init (Lambda's REPORT has an Init Duration)
 */
public record InvokeResult(byte[] payload, boolean functionError, String awsRequestId, boolean coldStart) {

    /** A result of a warm invocation. */
    public InvokeResult(byte[] payload, boolean functionError, String awsRequestId) {
        this(payload, functionError, awsRequestId, false);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final int PREVIEW_CHARS = 200;

    /** The {@code errorMessage} of a function error's payload; null when it has none. */
    public String errorMessage() {
        try {
            com.fasterxml.jackson.databind.JsonNode message = JSON.readTree(payload).get("errorMessage");
            return message == null || !message.isTextual() ? null : message.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The payload's first 200 characters (then "..."), for messages that quote it. */
    public String payloadPreview() {
        String text = payloadText();
        return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS) + "...";
    }

    /** The payload decoded as UTF-8, for logs and tests. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
