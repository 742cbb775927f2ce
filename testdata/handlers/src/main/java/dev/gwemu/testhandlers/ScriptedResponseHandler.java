package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Does what the request body tells it, so tests can make a function return anything:
 * {@code {"sleepMillis": n?, "throw": "message"?, "return": <any JSON>?, "returnRaw": "text"?}}.
 * It sleeps, then throws {@code RuntimeException(throw)}, or writes the exact text of {@code return},
 * or the characters of {@code returnRaw} as raw bytes. The body may be base64 (isBase64Encoded).
 */
public class ScriptedResponseHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, String> event = RawJson.members(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        String body = RawJson.stringValue(event.get("body"));
        if (body == null) {
            throw new IllegalArgumentException("ScriptedResponseHandler needs a script in the request body");
        }
        if ("true".equals(event.get("isBase64Encoded"))) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        Map<String, String> script = RawJson.members(body);

        String sleep = script.get("sleepMillis");
        if (sleep != null) {
            try {
                Thread.sleep(Long.parseLong(sleep.trim()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sleeping", e);
            }
        }
        if (script.containsKey("throw")) {
            throw new RuntimeException(RawJson.stringValue(script.get("throw")));
        }
        if (script.containsKey("return")) {
            output.write(script.get("return").getBytes(StandardCharsets.UTF_8));
        } else if (script.containsKey("returnRaw")) {
            output.write(RawJson.stringValue(script.get("returnRaw")).getBytes(StandardCharsets.UTF_8));
        }
    }
}
