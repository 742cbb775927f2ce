package dev.gwemu.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The error payloads Lambda answers with, in the shapes its Java runtime reports them
 * (aws-lambda-java-runtime-interface-client: LambdaErrorConverter, UserFault, DtoSerializers):
 * <ul>
 *   <li>a handler failure: {@code {"errorMessage","errorType","stackTrace":[...]}}, no {@code cause},
 *       without the runtime's own frames ({@link RuntimeFrameFilter});</li>
 *   <li>an init failure: {@code {"errorMessage","errorType"}} (no stack trace, as for a UserFault);</li>
 *   <li>a timeout: {@code {"errorMessage":"<time> <requestId> Task timed out after 3.00 seconds"}}.</li>
 * </ul>
 * Fields with null values are left out (Lambda serialises these with Gson, which skips nulls).
 */
final class FunctionErrorPayload {
    private static final JsonFactory JSON = new JsonFactory();
    // Lambda writes the timestamp with milliseconds, e.g. 2020-11-10T05:46:57.874Z.
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    // Last resort when even building the payload fails (say, the heap is still exhausted).
    private static final byte[] UNREPORTABLE =
            "{\"errorMessage\":\"Unreportable function error\",\"errorType\":\"java.lang.Error\"}"
                    .getBytes(StandardCharsets.US_ASCII);

    private FunctionErrorPayload() {
    }

    /** A handler that threw: message, type and the handler's part of the stack trace. */
    static byte[] ofThrowable(Throwable error) {
        try {
            StackTraceElement[] trace = RuntimeFrameFilter.strip(error).getStackTrace();
            String[] frames = new String[trace.length];
            for (int i = 0; i < trace.length; i++) {
                frames[i] = trace[i].toString();
            }
            return write(messageOf(error), error.getClass().getName(), frames);
        } catch (Throwable unreportable) {
            return UNREPORTABLE.clone();
        }
    }

    /** A class whose static initialiser failed (Lambda: "Error loading class X[: message]"). */
    static byte[] ofClassInitFailure(String className, Throwable error) {
        String message = "Error loading class " + className + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return write(message, error.getClass().getName(), null);
    }

    /** Any other init failure (a constructor that threw, say): Lambda reports it without a stack trace. */
    static byte[] ofInitFailure(Throwable error) {
        return write(messageOf(error), error.getClass().getName(), null);
    }

    /**
     * Lambda's answer to a timeout. The seconds are the configured timeout with two decimals; AWS
     * prints the measured duration, which is that value or a few hundredths more.
     * Newer Lambda runtimes may answer {@code {"errorType":"Sandbox.Timedout","errorMessage":"RequestId: ...
     * Error: Task timed out after 3.00 seconds"}} instead; this shape is the long-documented one. Change it here.
     */
    static byte[] ofTimeout(String requestId, long timeoutMillis, Instant when) {
        return write(timeoutMessage(requestId, timeoutMillis, when), null, null);
    }

    /** {@code 2020-11-10T05:46:57.874Z 160788cd-... Task timed out after 3.00 seconds}, also Lambda's log line. */
    static String timeoutMessage(String requestId, long timeoutMillis, Instant when) {
        String seconds = String.format(Locale.ROOT, "%.2f", timeoutMillis / 1000.0);
        return TIMESTAMP.format(when) + " " + requestId + " Task timed out after " + seconds + " seconds";
    }

    private static String messageOf(Throwable error) {
        String message = error.getLocalizedMessage();
        return message == null ? error.getClass().getName() : message;
    }

    private static byte[] write(String message, String type, String[] stackTrace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("errorMessage", message);
            if (type != null) {
                json.writeStringField("errorType", type);
            }
            if (stackTrace != null) {
                json.writeArrayFieldStart("stackTrace");
                for (String frame : stackTrace) {
                    json.writeString(frame);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** gwemu's own refusal when too many timed-out handlers of a function still hold their threads. */
    static byte[] ofStuckThreads(String functionName, int stuck) {
        String message = "gwemu: " + stuck + " invocations of " + functionName + " are still running after their timeout "
                + "in code that ignores Thread.interrupt(); new invocations are refused until they end";
        return ("{\"errorMessage\":\"" + message + "\",\"errorType\":\"gwemu.TooManyStuckInvocations\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
