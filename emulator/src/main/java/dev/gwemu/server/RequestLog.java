package dev.gwemu.server;

import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One console line per request: method, path, status, latency, and the route it took or why
 * the gateway answered itself (what API Gateway's execution log would say).
 */
public final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("gwemu.requests");

    public void record(HttpRequest request, Invocation inv, HttpResponse response, long nanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder line = new StringBuilder(96)
                .append(request.method()).append(' ').append(request.rawPath())
                .append(request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery())
                .append(" -> ").append(response.status())
                .append(" (").append(nanos / 1_000_000).append(" ms");
        if (inv != null && inv.route() != null) {
            line.append(", ").append(inv.route().method().httpMethod()).append(' ').append(inv.route().resource().path());
        }
        line.append(')');
        if (inv != null && inv.error() != null && inv.error().detail() != null) {
            line.append(": ").append(inv.error().detail());
        }
        if (response.status() >= 500) {
            LOG.warn(line.toString());
        } else {
            LOG.info(line.toString());
        }
    }
}
