package dev.gwemu.websocket;

import dev.gwemu.pipeline.HttpResponse;

/**
 * What the gateway decided about a WebSocket upgrade request (security-and-operations.md §7.1): refuse it with an
 * HTTP answer, or complete it as the connection the {@code $connect} route let in.
 *
 * @param refusal  the answer to send instead of the upgrade, or null when accepted
 * @param accepted the connection to open once the upgrade completes, or null when refused
 */
public record Handshake(HttpResponse refusal, PendingConnection accepted) {
    public static Handshake refuse(HttpResponse refusal) {
        return new Handshake(refusal, null);
    }

    public static Handshake accept(PendingConnection connection) {
        return new Handshake(null, connection);
    }
}
