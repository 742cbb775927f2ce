package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Plain methods in every signature Lambda's Java runtime accepts for {@code Class::method} handlers. */
public class MethodFormsHandler {
    public String upper(String input) {
        return input.toUpperCase();
    }

    public String withContext(Map<String, Object> input, Context context) {
        return context.getFunctionName() + ":" + input.get("x");
    }

    public void copy(InputStream input, OutputStream output) throws IOException {
        input.transferTo(output);
    }

    public void copyWithContext(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(("\"" + context.getFunctionName() + ":" + input.readAllBytes().length + "\"")
                .getBytes(StandardCharsets.UTF_8));
    }

    public static Integer twice(Integer n) {
        return n * 2;
    }

    public void nothing(Map<String, Object> input) {
        // returns void: Lambda answers null
    }

    public String noArgs() {
        return "no-args";
    }

    // Lambda prefers the overload ending in Context.
    public String pick(String input) {
        return "without-context";
    }

    public String pick(String input, Context context) {
        return "with-context";
    }

    public String boom(Map<String, Object> input) {
        throw new IllegalArgumentException("method failed");
    }

    public String tooMany(String a, String b, String c, String d) {
        return a + b + c + d;
    }
}
