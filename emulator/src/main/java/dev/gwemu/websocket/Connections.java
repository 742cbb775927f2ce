package dev.gwemu.websocket;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The open connections of a gateway, by id: what {@code @connections} calls and route integrations reach. */
public final class Connections {
    private final ConcurrentMap<String, WebSocketConnection> byId = new ConcurrentHashMap<>();

    public void add(WebSocketConnection connection) {
        byId.put(connection.id(), connection);
    }

    /** The open connection with this id, or null (unknown or closed: 410 GoneException for management calls). */
    public WebSocketConnection get(String id) {
        return byId.get(id);
    }

    /** @return the connection that was open, or null */
    public WebSocketConnection remove(String id) {
        return byId.remove(id);
    }

    public Collection<WebSocketConnection> all() {
        return byId.values();
    }
}
