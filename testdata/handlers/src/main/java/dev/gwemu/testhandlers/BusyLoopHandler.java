package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/**
 * Spins on the CPU for {@code "millis"} of the proxy event's body (default 3000) without ever looking
 * at its interrupt flag: the handler a function timeout cannot stop. It ends on its own, so tests
 * can see its thread come back.
 */
public class BusyLoopHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static volatile long sink;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object body = event.get("body");
        long millis = body == null || body.toString().isBlank() ? 3000 : Long.parseLong(body.toString().trim());
        long end = System.nanoTime() + millis * 1_000_000L;
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        sink = spins;
        return Map.of("statusCode", 200, "body", "spun " + millis + " ms");
    }
}
