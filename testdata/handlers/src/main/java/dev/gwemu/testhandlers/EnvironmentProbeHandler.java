package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows which execution environment ran the call:
 * {@code {"logStream":"...","loader":n,"staticInits":1,"instances":1,"invocations":m,"overlapping":k}}.
 * {@code loader} is its class loader's identity; {@code staticInits} and {@code instances} count within
 * that loader (1 unless static state leaked between environments); {@code overlapping} is how many calls
 * were inside this very instance at once (more than 1 would mean an environment served two calls at a time).
 * An event with a top-level {@code "sleepMillis"} makes it sleep first. It prints a line on System.out.
 */
public class EnvironmentProbeHandler implements RequestStreamHandler {
    private static final AtomicInteger STATIC_INITS = new AtomicInteger();
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    static {
        STATIC_INITS.incrementAndGet();
    }

    private final AtomicInteger invocations = new AtomicInteger();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger mostInside = new AtomicInteger();

    public EnvironmentProbeHandler() {
        INSTANCES.incrementAndGet();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        int now = inside.incrementAndGet();
        mostInside.accumulateAndGet(now, Math::max);
        try {
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
            context.getLogger().log("probe handling " + context.getAwsRequestId());
            String body = "{\"logStream\":" + RawJson.quote(context.getLogStreamName())
                    + ",\"loader\":" + System.identityHashCode(getClass().getClassLoader())
                    + ",\"staticInits\":" + STATIC_INITS.get()
                    + ",\"instances\":" + INSTANCES.get()
                    + ",\"invocations\":" + invocations.incrementAndGet()
                    + ",\"overlapping\":" + mostInside.get() + "}";
            output.write(RawJson.proxyResponse(200, body));
        } finally {
            inside.decrementAndGet();
        }
    }
}
