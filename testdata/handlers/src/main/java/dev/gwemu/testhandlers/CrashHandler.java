package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/**
 * Crashes as the proxy event's body asks: {@code overflow} (StackOverflowError), {@code oom}
 * (OutOfMemoryError: an array beyond the VM's limit, so nothing else runs short), {@code poison}
 * (corrupts its static state, then overflows half-way); {@code status} reports that state.
 */
public class CrashHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static boolean poisoned;
    private static int served;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String command = String.valueOf(event.get("body"));
        served++;
        switch (command) {
            case "overflow" -> recurse(1);
            case "oom" -> {
                long[][] hog = new long[1][];
                hog[0] = new long[Integer.MAX_VALUE];
            }
            case "poison" -> {
                poisoned = true;
                recurse(1);
            }
            default -> {
                // status
            }
        }
        return Map.of("statusCode", 200, "body", "{\"poisoned\":" + poisoned + ",\"served\":" + served + "}");
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
