package dev.gwemu.websocket;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Road;

import java.nio.charset.StandardCharsets;

/**
 * Plain HTTP requests to a WebSocket API stage: the {@code @connections} management API (§7.3); anything else is
 * answered 426 Upgrade Required, as a WebSocket endpoint only upgrades [unc: AWS's answer is not recorded].
 */
public final class WebSocketHttpRoad implements Road {
    static final String UPGRADE_REQUIRED = "{\"message\":\"Upgrade Required\"}";
    private final ConnectionsApi management;

    public WebSocketHttpRoad(ConnectionsApi management) {
        this.management = management;
    }

    @Override
    public HttpResponse walk(Invocation inv) {
        ManagementPath path = ManagementPath.parse(inv.request().rawPath());
        if (path != null) {
            return management.handle(inv.request(), inv.api().id(), path.stage(), path.connectionIdEncoded());
        }
        return new HttpResponse(426, new HeaderList().add("Content-Type", "application/json").add("Upgrade", "websocket"),
                UPGRADE_REQUIRED.getBytes(StandardCharsets.UTF_8));
    }
}
