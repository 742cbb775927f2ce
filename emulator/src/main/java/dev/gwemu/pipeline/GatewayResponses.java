package dev.gwemu.pipeline;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;

/**
 * Renders a {@link GatewayException} as the response AWS sends: the type's status, the default
 * template {@code {"message":$context.error.messageString}} (compact, no space) and
 * {@code x-amzn-ErrorType} (data-plane.md §6.1). Customised gateway responses come later.
 */
public final class GatewayResponses {
    public HttpResponse render(GatewayException e) {
        HeaderList headers = new HeaderList();
        byte[] body = e.fixedBody();
        if (body == null) {
            body = ("{\"message\":" + messageString(e.getMessage()) + "}").getBytes(StandardCharsets.UTF_8);
        }
        headers.add("Content-Type", e.contentType() == null ? "application/json" : e.contentType());
        if (e.errorType() != null) {
            headers.add("x-amzn-ErrorType", e.errorType());
        }
        return new HttpResponse(e.status(), headers, body);
    }

    /** {@code $context.error.messageString}: the message as a quoted JSON string, or null. */
    static String messageString(String message) {
        if (message == null) {
            return "null";
        }
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"";
    }
}
