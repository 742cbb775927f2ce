package dev.gwemu.lambda;

/**
 * A failed invocation whose error payload the function's runtime has already made (the Node.js
 * runtime formats its errors itself, as Lambda's does).
 */
final class FunctionErrorException extends Exception {
    private final byte[] payload;

    FunctionErrorException(byte[] payload) {
        super(null, null, false, false);
        this.payload = payload;
    }

    /** The invoke response, e.g. {@code {"errorType":"Error","errorMessage":"boom","trace":[...]}}. */
    byte[] payload() {
        return payload;
    }
}
