package dev.gwemu.lambda.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * Thrown in place of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} called by
 * function code, so the emulator survives. An {@link Error}, so that the usual
 * {@code catch (Exception e)} in a handler does not swallow it.
 *
 * <p>In Lambda the runtime process ends, the invocation fails with {@code Runtime.ExitError} and the
 * execution environment is discarded; {@link #payload(String)} is that answer.
 */
public final class FunctionExitError extends Error {
    private final int status;

    FunctionExitError(int status) {
        super(reason(status));
        this.status = status;
    }

    /** The error for an exit the sandbox recorded (the code may have caught the original). */
    public static FunctionExitError forStatus(int status) {
        return new FunctionExitError(status);
    }

    /** The status the function passed (not truncated to the 0-255 a process reports). */
    public int status() {
        return status;
    }

    /**
     * Lambda's invoke response when the runtime exits during an invocation, e.g.
     * {@code {"errorMessage":"RequestId: 0e6f... Error: Runtime exited with error: exit status 3","errorType":"Runtime.ExitError"}}.
     * Lambda writes the same two lines to the function's log: the errorMessage, then {@code Runtime.ExitError}.
     */
    public byte[] payload(String requestId) {
        return ("{\"errorMessage\":\"" + logMessage(requestId).replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"errorType\":\"Runtime.ExitError\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code RequestId: <id> Error: Runtime exited with error: exit status N}. */
    public String logMessage(String requestId) {
        return "RequestId: " + requestId + " Error: " + reason(status);
    }

    /**
     * Lambda's init reports the process's exit as Go prints it: {@code exit status N} with N the low
     * eight bits, as the OS sees them (System.exit(-1) is 255). A clean exit (0) is reported as
     * "Runtime exited without providing a reason" (seen in reports, not documented: easy to change here).
     */
    static String reason(int status) {
        int processStatus = status & 0xFF;
        return processStatus == 0 ? "Runtime exited without providing a reason"
                : "Runtime exited with error: exit status " + processStatus;
    }
}
