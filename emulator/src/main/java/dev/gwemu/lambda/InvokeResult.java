package dev.gwemu.lambda;

import java.nio.charset.StandardCharsets;

/**
 * What Lambda's Invoke (RequestResponse) answers: the payload bytes, and whether they are a
 * function error ({@code X-Amz-Function-Error: Unhandled} in AWS).
 *
 * @param payload       JSON bytes: the function's result, or {@code {"errorMessage":...}} when functionError
 * @param functionError true when the handler threw, failed to initialise, or timed out
 * @param awsRequestId  the request id the function saw in its Context
 */
public record InvokeResult(byte[] payload, boolean functionError, String awsRequestId) {

    /** The payload decoded as UTF-8, for logs and tests. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
