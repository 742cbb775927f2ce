package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts instances (cold starts) and this instance's invocations: {@code {"instances":n,"invocations":m}}.
 * An event with a top-level {@code "sleepMillis"} makes it sleep first (to time it out).
 */
public class InitCountingHandler implements RequestStreamHandler {
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private final AtomicInteger invocations = new AtomicInteger();

    public InitCountingHandler() {
        INSTANCES.incrementAndGet();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8).strip();
        String sleep = event.startsWith("{") ? RawJson.members(event).get("sleepMillis") : null;
        if (sleep != null) {
            try {
                Thread.sleep(Long.parseLong(sleep.trim()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        String body = "{\"instances\":" + INSTANCES.get() + ",\"invocations\":" + invocations.incrementAndGet() + "}";
        output.write(RawJson.proxyResponse(200, body));
    }
}
