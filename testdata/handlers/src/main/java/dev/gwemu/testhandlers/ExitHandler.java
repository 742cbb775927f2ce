package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Ends the process, as far as it can. The request body says how: {@code exit:N} (System.exit),
 * {@code runtimeExit:N}, {@code halt:N}, or {@code caught:N} (System.exit inside a
 * {@code catch (Exception e)}, which must not stop it). Anything else answers 200.
 */
public class ExitHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, String> event = RawJson.members(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        String body = RawJson.stringValue(event.get("body"));
        String[] how = body == null ? new String[] {""} : body.split(":");
        switch (how[0]) {
            case "exit" -> systemExit(Integer.parseInt(how[1]));
            case "runtimeExit" -> runtimeExit(Integer.parseInt(how[1]));
            case "halt" -> runtimeHalt(Integer.parseInt(how[1]));
            case "caught" -> exitInsideCatchException(Integer.parseInt(how[1]));
            default -> { }
        }
        output.write(RawJson.proxyResponse(200, "{\"alive\":true}"));
    }

    public static void systemExit(int status) {
        System.exit(status);
    }

    public static void runtimeExit(int status) {
        Runtime.getRuntime().exit(status);
    }

    public static void runtimeHalt(int status) {
        Runtime.getRuntime().halt(status);
    }

    public static String exitInsideCatchException(int status) {
        try {
            System.exit(status);
            return "exit returned";
        } catch (Exception e) {
            return "caught " + e;
        }
    }

    /** Swallows even Errors; the exit must still be on record. */
    public static String exitInsideCatchThrowable(int status) {
        try {
            System.exit(status);
            return "exit returned";
        } catch (Throwable t) {
            return "caught";
        }
    }

    public static void exitByMethodReference(int status) {
        IntConsumer exit = System::exit;
        exit.accept(status);
    }

    public static void haltByBoundMethodReference(int status) {
        IntConsumer halt = Runtime.getRuntime()::halt;
        halt.accept(status);
    }
}
