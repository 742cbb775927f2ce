package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code context.getLogger()}: what Lambda sends to CloudWatch goes to the console instead, each line
 * prefixed with the function name ({@code [GetPet] message}) so interleaved functions stay readable, or
 * as one JSON object per line ({@code {"time":...,"function":"GetPet","message":...}}) for log tools.
 */
final class ConsoleLambdaLogger implements LambdaLogger {
    private static final String LINE_SEPARATOR = System.lineSeparator();
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private record FormattedSecond(long epochSecond, String text) {
    }

    /** Formatted once a second: every line of every invocation carries the time. */
    private static volatile FormattedSecond lastSecond = new FormattedSecond(Long.MIN_VALUE, "");

    private final String prefix;
    private final boolean json;
    private final String jsonFunction; // between the time and the message of a JSON line
    private final PrintStream console;

    ConsoleLambdaLogger(String functionName, PrintStream console) {
        this(functionName, console, FunctionLogFormat.PREFIXED);
    }

    ConsoleLambdaLogger(String functionName, PrintStream console, FunctionLogFormat format) {
        this.json = format == FunctionLogFormat.JSON;
        this.prefix = json ? "{\"time\":\"" : "[" + functionName + "] ";
        this.jsonFunction = "Z\",\"function\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(functionName))
                + "\",\"message\":\"";
        this.console = console;
    }

    @Override
    public void log(String message) {
        String text = String.valueOf(message);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        String time = json ? time(System.currentTimeMillis()) : null;
        // Split by hand: String.split with a regex compiles a Pattern on every call, and this runs
        // three times per invocation (START, the handler's lines, END and REPORT).
        StringBuilder lines = new StringBuilder(text.length() + prefix.length() + (json ? 80 : 8));
        int from = 0;
        while (true) {
            int newline = text.indexOf('\n', from);
            int end = newline < 0 ? text.length() : newline;
            int lineEnd = end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (json) {
                lines.append(prefix).append(time).append(jsonFunction);
                JsonStringEncoder.getInstance().quoteAsString(text.subSequence(from, lineEnd), lines);
                lines.append("\"}").append(LINE_SEPARATOR);
            } else {
                lines.append(prefix).append(text, from, lineEnd).append(LINE_SEPARATOR);
            }
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

    /** ISO-8601 in UTC with milliseconds, without the closing Z: {@code 2025-03-14T09:26:53.120}. */
    static String time(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        FormattedSecond last = lastSecond;
        if (last.epochSecond() != second) {
            last = new FormattedSecond(second, SECOND.format(Instant.ofEpochSecond(second)));
            lastSecond = last;
        }
        int millis = (int) Math.floorMod(epochMillis, 1000);
        return last.text() + '.' + (char) ('0' + millis / 100) + (char) ('0' + millis / 10 % 10) + (char) ('0' + millis % 10);
    }
}
