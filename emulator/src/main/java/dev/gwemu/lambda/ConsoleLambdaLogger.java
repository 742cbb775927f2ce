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
    private static final String LINE_SEPARATOR = System.lineSeparator();
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
        // Split by hand: String.split with a regex compiles a Pattern on every call, and this runs
        // three times per invocation (START, the handler's lines, END and REPORT).
        StringBuilder lines = new StringBuilder(text.length() + prefix.length() + 8);
        int from = 0;
        while (true) {
            int newline = text.indexOf('\n', from);
            int end = newline < 0 ? text.length() : newline;
            int lineEnd = end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.append(prefix).append(text, from, lineEnd).append(LINE_SEPARATOR);
            if (newline < 0) {
                break;
            }
            from = newline + 1;
        }
        console.print(lines); // one print call: lines of concurrent invocations do not interleave
        console.flush();
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }
}
