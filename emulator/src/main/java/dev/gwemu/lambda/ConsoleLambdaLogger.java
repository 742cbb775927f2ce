package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code context.getLogger()}: what Lambda sends to CloudWatch goes to the console instead,
 * each line prefixed with the function name ({@code [GetPet] message}) so interleaved
 * functions stay readable.
 */
final class ConsoleLambdaLogger implements LambdaLogger {
    private final String prefix;
    private final PrintStream console;

    ConsoleLambdaLogger(String functionName, PrintStream console) {
        this.prefix = "[" + functionName + "] ";
        this.console = console;
    }

    @Override
    public void log(String message) {
        String text = String.valueOf(message);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        StringBuilder lines = new StringBuilder(text.length() + prefix.length() + 1);
        for (String line : text.split("\r?\n", -1)) {
            lines.append(prefix).append(line).append(System.lineSeparator());
        }
        console.print(lines); // one print call: lines of concurrent invocations do not interleave
        console.flush();
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }
}
