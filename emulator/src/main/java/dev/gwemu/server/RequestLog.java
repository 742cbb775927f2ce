package dev.gwemu.server;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.Invocation;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One console line per request: when it came in, method, path, status, latency, the route that served it
 * (REST resource or HTTP API route key, of API/stage), the Lambda function its integration called and whether
 * that paid a cold start, or why the gateway answered itself (what API Gateway's execution log would say).
 * As text, coloured when the console is a terminal, or as one JSON object per line for log tools.
 * Formatted by hand and printed in one call: it runs on every request, and a logging framework's
 * layout and appender lock cost more than the rest of the gateway's own work.
 */
public final class RequestLog implements RequestListener {
    /** How each line is written. */
    public enum Format {
        /** {@code 09:26:53.120 GET /dev/pets/1 -> 200 (3 ms, GET /pets/{id} of petstore/dev, function GetPet)} */
        TEXT,
        /** One JSON object per line, with the same field names on every line (null when a field has no value). */
        JSON
    }

    // ANSI SGR sequences; used only when the caller says the console is a terminal.
    private static final String RESET = "\u001b[0m";
    private static final String DIM = "\u001b[2m";
    private static final String GREEN = "\u001b[32m";
    private static final String CYAN = "\u001b[36m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RED = "\u001b[31m";

    private final PrintStream out;
    private final boolean json;
    private final boolean colour;
    private final SecondCache localSecond = new SecondCache(DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault()));
    private final SecondCache utcSecond = new SecondCache(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC));

    /** Plain text lines; {@code out} null logs nothing. */
    public RequestLog(PrintStream out) {
        this(out, Format.TEXT, false);
    }

    /**
     * @param out    where lines go; null logs nothing
     * @param colour ANSI colours in text lines (status by class, details dimmed): only when {@code out} is a terminal
     */
    public RequestLog(PrintStream out, Format format, boolean colour) {
        this.out = out;
        this.json = format == Format.JSON;
        this.colour = colour && !json;
    }

    @Override
    public void answered(CompletedRequest done) {
        if (out == null) {
            return;
        }
        out.println(json ? json(done) : text(done));
    }

    private StringBuilder text(CompletedRequest done) {
        HttpRequest request = done.request();
        Invocation inv = done.invocation();
        long millis = done.ids().requestTime().toEpochMilli();
        StringBuilder line = new StringBuilder(160);
        dim(line).append(localSecond.format(millis)).append('.');
        appendMillis(line, millis);
        plain(line).append(' ').append(request.method()).append(' ').append(request.rawPath());
        if (!request.rawQuery().isEmpty()) {
            line.append('?').append(request.rawQuery());
        }
        int status = done.response().status();
        dim(line.append(' ')).append("->");
        plain(line).append(' ');
        if (colour) {
            line.append(status >= 500 ? RED : status >= 400 ? YELLOW : status >= 300 ? CYAN : GREEN);
        }
        line.append(status);
        dim(plain(line).append(' ')).append('(').append(done.nanos() / 1_000_000).append(" ms");
        if (inv != null) {
            line.append(", ");
            if (inv.httpRoute() != null) {
                line.append(inv.httpRoute().routeKey()).append(" of ");
            } else if (inv.route() != null) {
                line.append(inv.route().method().httpMethod()).append(' ').append(inv.route().resource().path()).append(" of ");
            }
            line.append(inv.api().name()).append('/').append(inv.stage().name());
            if (inv.canaryRequest()) {
                line.append(", canary");
            }
            if (inv.cached()) {
                line.append(", from the stage cache");
            }
            if (inv.function() != null) {
                line.append(", function ").append(inv.function());
                if (inv.coldStart()) {
                    line.append(", ");
                    if (colour) {
                        line.append(RESET).append(YELLOW).append("cold start").append(RESET).append(DIM);
                    } else {
                        line.append("cold start");
                    }
                }
            }
        }
        plain(line.append(')'));
        String error = done.error();
        if (error != null) {
            line.append(": ").append(error);
        }
        return line;
    }

    private StringBuilder json(CompletedRequest done) {
        HttpRequest request = done.request();
        Invocation inv = done.invocation();
        long millis = done.ids().requestTime().toEpochMilli();
        StringBuilder line = new StringBuilder(320).append("{\"time\":\"").append(utcSecond.format(millis)).append('.');
        appendMillis(line, millis);
        line.append("Z\"");
        field(line, "requestId", done.requestId());
        field(line, "method", request.method());
        field(line, "path", request.rawPath());
        field(line, "query", request.rawQuery().isEmpty() ? null : request.rawQuery());
        line.append(",\"status\":").append(done.response().status());
        long micros = done.nanos() / 1_000;
        line.append(",\"latencyMs\":").append(micros / 1_000).append('.');
        appendMillis(line, micros);
        field(line, "api", done.api() == null ? null : done.api().name());
        field(line, "stage", inv == null ? null : inv.stage().name());
        field(line, "route", inv == null ? null : route(inv));
        field(line, "function", inv == null ? null : inv.function());
        line.append(",\"coldStart\":").append(inv != null && inv.coldStart());
        line.append(",\"cached\":").append(inv != null && inv.cached());
        line.append(",\"canary\":").append(inv != null && inv.canaryRequest());
        field(line, "error", done.error());
        return line.append('}');
    }

    /** {@code GET /pets/{id}} (the REST method and resource) or the HTTP API route key; null before routing. */
    private static String route(Invocation inv) {
        if (inv.httpRoute() != null) {
            return inv.httpRoute().routeKey();
        }
        if (inv.route() != null) {
            return inv.route().method().httpMethod() + " " + inv.route().resource().path();
        }
        return null;
    }

    private static void field(StringBuilder line, String name, String value) {
        line.append(",\"").append(name).append("\":");
        if (value == null) {
            line.append("null");
            return;
        }
        line.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, line);
        line.append('"');
    }

    /** The last three digits of {@code value}, zero-padded (milliseconds of a time, microseconds of a latency). */
    private static void appendMillis(StringBuilder line, long value) {
        int three = (int) Math.floorMod(value, 1000);
        line.append((char) ('0' + three / 100)).append((char) ('0' + three / 10 % 10)).append((char) ('0' + three % 10));
    }

    private StringBuilder dim(StringBuilder line) {
        return colour ? line.append(DIM) : line;
    }

    private StringBuilder plain(StringBuilder line) {
        return colour ? line.append(RESET) : line;
    }

    /** A time formatted to the second, once a second: every request formats its time, and it rarely changes. */
    private static final class SecondCache {
        private record Formatted(long epochSecond, String text) {
        }

        private final DateTimeFormatter formatter;
        private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

        SecondCache(DateTimeFormatter formatter) {
            this.formatter = formatter;
        }

        String format(long epochMillis) {
            long second = Math.floorDiv(epochMillis, 1000);
            Formatted formatted = last;
            if (formatted.epochSecond() != second) {
                formatted = new Formatted(second, formatter.format(Instant.ofEpochSecond(second)));
                last = formatted;
            }
            return formatted.text();
        }
    }
}
