package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Sleeps for {@code "millis"} (default 3000) and swallows interrupts: a handler that will not stop when asked. */
public class StubbornSleepHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String millis = RawJson.members(new String(input.readAllBytes(), StandardCharsets.UTF_8)).get("millis");
        long end = System.nanoTime() + Long.parseLong(millis == null ? "3000" : millis.trim()) * 1_000_000L;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000L));
            } catch (InterruptedException ignored) {
                // on purpose: this handler ignores the runtime's interrupt
            }
        }
        output.write("\"woke up\"".getBytes(StandardCharsets.UTF_8));
    }
}
