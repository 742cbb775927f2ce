package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Fails the way the event's {@code "fail"} member says: {@code exception} (with a cause),
 * {@code stackOverflow}, {@code outOfMemory}, or {@code error} (an AssertionError).
 */
public class ThrowingHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String kind = RawJson.stringValue(RawJson.members(new String(input.readAllBytes(), StandardCharsets.UTF_8)).get("fail"));
        switch (kind == null ? "exception" : kind) {
            case "stackOverflow" -> recurse(1);
            case "outOfMemory" -> {
                long[][] hog = new long[1][];
                hog[0] = new long[Integer.MAX_VALUE]; // beyond the VM's array limit: fails at once, frees nothing
            }
            case "error" -> throw new AssertionError("asserted wrongly");
            default -> throw new IllegalStateException("outer failure", new IOException("inner cause"));
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
