package dev.gwemu.websocket;

import java.time.Instant;
import java.util.Map;

/**
 * One client connection to a WebSocket API stage (security-and-operations.md §7): who it is, when it came, when it
 * last spoke, and how to reach it. Created once the {@code $connect} route let it in.
 */
public final class WebSocketConnection {
    private final String id;
    private final String apiId;
    private final String stage;
    private final Instant connectedAt;
    private final String sourceIp;
    private final String userAgent;
    private final Map<String, Object> authorizer;
    private final ClientChannel channel;
    private volatile Instant lastActiveAt;

    /**
     * @param id          the connection id: 16 characters of base64 ending in '=' (§7.2)
     * @param authorizer  what the $connect authorizer returned, kept for the connection's lifetime; null without one
     * @param channel     the way to the client
     */
    public WebSocketConnection(String id, String apiId, String stage, Instant connectedAt, String sourceIp,
                               String userAgent, Map<String, Object> authorizer, ClientChannel channel) {
        this.id = id;
        this.apiId = apiId;
        this.stage = stage;
        this.connectedAt = connectedAt;
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
        this.authorizer = authorizer;
        this.channel = channel;
        this.lastActiveAt = connectedAt;
    }

    public String id() {
        return id;
    }

    public String apiId() {
        return apiId;
    }

    public String stage() {
        return stage;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public String sourceIp() {
        return sourceIp;
    }

    public String userAgent() {
        return userAgent;
    }

    public Map<String, Object> authorizer() {
        return authorizer;
    }

    public ClientChannel channel() {
        return channel;
    }

    /** When the client last sent a message or a management call reached it ({@code lastActiveAt}). */
    public Instant lastActiveAt() {
        return lastActiveAt;
    }

    public void active(Instant at) {
        this.lastActiveAt = at;
    }
}
