package dev.gwemu.server;

import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One console line per request: time, method, path, status, latency, and the resource that
 * served it or why the gateway answered itself (what API Gateway's execution log would say).
 * Formatted by hand and printed in one call: it runs on every request, and a logging framework's
 * layout and appender lock cost more than the rest of the gateway's own work.
 */
public final class RequestLog {
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final PrintStream out;
    private volatile long lastSecond = Long.MIN_VALUE;
    private volatile String lastSecondText = "";

    /** @param out where lines go; null logs nothing */
    public RequestLog(PrintStream out) {
        this.out = out;
    }

    public void record(HttpRequest request, Invocation inv, HttpResponse response, long nanos) {
        record(request, inv, response, nanos, null);
    }

    /** @param failure why the gateway answered before an API took the request, or null */
    public void record(HttpRequest request, Invocation inv, HttpResponse response, long nanos, String failure) {
        if (out == null) {
            return;
        }
        long now = System.currentTimeMillis();
        StringBuilder line = new StringBuilder(128).append(second(now)).append('.');
        int millis = (int) (now % 1000);
        line.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10))
                .append(' ').append(request.method()).append(' ').append(request.rawPath());
        if (!request.rawQuery().isEmpty()) {
            line.append('?').append(request.rawQuery());
        }
        line.append(" -> ").append(response.status()).append(" (").append(nanos / 1_000_000).append(" ms");
        if (inv != null && inv.httpRoute() != null) {
            line.append(", ").append(inv.httpRoute().routeKey()).append(" of ").append(inv.api().name()).append('/')
                    .append(inv.stage().name());
        }
        if (inv != null && inv.route() != null) {
            line.append(", ").append(inv.route().method().httpMethod()).append(' ').append(inv.route().resource().path());
            if (!inv.routingPath().equals(inv.path())) { // through a custom domain: say which API stage served it
                line.append(" of ").append(inv.api().name()).append('/').append(inv.stage().name());
            }
            if (inv.canaryRequest()) {
                line.append(", canary");
            }
            if (inv.cached()) {
                line.append(", from the stage cache");
            }
        }
        line.append(')');
        if (inv != null && inv.error() != null && inv.error().detail() != null) {
            line.append(": ").append(inv.error().detail());
        } else if (failure != null && !failure.startsWith("{")) {
            line.append(": ").append(failure);
        }
        out.println(line);
    }

    private String second(long epochMillis) {
        long second = epochMillis / 1000;
        if (second != lastSecond) {
            lastSecondText = SECOND.format(Instant.ofEpochSecond(second));
            lastSecond = second;
        }
        return lastSecondText;
    }
}
