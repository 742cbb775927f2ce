package dev.gwemu.websocket;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;

/**
 * What the gateway decided about a WebSocket upgrade request (security-and-operations.md §7.1): refuse it with an
 * HTTP answer, or complete it as the connection the {@code $connect} route let in.
 *
 * @param refusal  the answer to send instead of the upgrade, or null when accepted
 * @param accepted the connection to open once the upgrade completes, or null when refused
 * @param headers  what the {@code $connect} integration returned for the handshake's response (e.g.
 *                 {@code Sec-WebSocket-Protocol}, §7.1 [doc]); empty when none
 */
public record Handshake(HttpResponse refusal, PendingConnection accepted, HeaderList headers) {
    public static Handshake refuse(HttpResponse refusal) {
        return new Handshake(refusal, null, new HeaderList());
    }

    public static Handshake accept(PendingConnection connection) {
        return accept(connection, new HeaderList());
    }

    public static Handshake accept(PendingConnection connection, HeaderList headers) {
        return new Handshake(null, connection, headers);
    }
}
