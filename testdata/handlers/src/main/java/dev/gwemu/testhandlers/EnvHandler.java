package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reports the environment variables it sees. The request body is a comma-separated list of names;
 * the response body is {@code {"variables":{name: value or null ...},"count":<size of System.getenv()>}}.
 * The static methods read them the other ways code does, for tests that call them directly.
 */
public class EnvHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, String> event = RawJson.members(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        String body = RawJson.stringValue(event.get("body"));
        Map<String, String> variables = new LinkedHashMap<>();
        if (body != null && !body.isBlank()) {
            for (String name : body.split(",")) {
                variables.put(name.trim(), System.getenv(name.trim()));
            }
        }
        output.write(RawJson.proxyResponse(200,
                "{\"variables\":" + RawJson.object(variables) + ",\"count\":" + System.getenv().size() + "}"));
    }

    public static String variable(String name) {
        return System.getenv(name);
    }

    public static Map<String, String> variables() {
        return System.getenv();
    }

    /** Through a method reference: a method handle to System.getenv, not a call. */
    public static String variableByMethodReference(String name) {
        return Optional.of(name).map(System::getenv).orElse(null);
    }

    public static Map<String, String> variablesByMethodReference() {
        Supplier<Map<String, String>> all = System::getenv;
        return all.get();
    }

    /** From a library class in the same jar: every class of the function is rewritten, not only the handler. */
    public static String variableFromLibrary(String name) {
        return Library.read(name);
    }

    static final class Library {
        static String read(String name) {
            return System.getenv().get(name);
        }
    }
}
