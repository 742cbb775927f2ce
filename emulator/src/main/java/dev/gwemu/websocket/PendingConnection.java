package dev.gwemu.websocket;

import dev.gwemu.model.Api;
import dev.gwemu.model.Stage;

import java.time.Instant;
import java.util.Map;

/**
 * A connection {@code $connect} accepted whose upgrade has not completed yet: what it becomes once the server hands
 * over the client's channel.
 */
public record PendingConnection(String id, Api api, Stage stage, Instant connectedAt, String domainName, String sourceIp,
                                String userAgent, Map<String, Object> authorizer) {
    public WebSocketConnection open(ClientChannel channel) {
        return new WebSocketConnection(id, api.id(), stage.name(), connectedAt, sourceIp, userAgent, authorizer, channel);
    }
}
