package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * JSON to and from a POJO handler's types, failing with the messages Lambda's runtime uses
 * (EventHandlerLoader.PojoHandlerAsStreamHandler).
 */
final class PayloadConversion {
    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final PojoSerializer<Object> input;  // null: the handler takes no event
    private final PojoSerializer<Object> output; // null: void / Void, Lambda answers null

    PayloadConversion(PojoSerializer<Object> input, PojoSerializer<Object> output) {
        this.input = input;
        this.output = output;
    }

    Object read(InputStream stream) {
        if (input == null) {
            return null;
        }
        try {
            return input.fromJson(stream);
        } catch (Throwable t) {
            throw new RuntimeException("An error occurred during JSON parsing", t);
        }
    }

    void write(Object result, OutputStream stream) throws IOException {
        if (output == null) {
            stream.write(JSON_NULL);
            return;
        }
        try {
            output.toJson(result, stream);
        } catch (Throwable t) {
            throw new RuntimeException("An error occurred during JSON serialization of response", t);
        }
    }
}
