package dev.gwemu.server;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.websocket.ClientChannel;
import dev.gwemu.websocket.Handshake;
import dev.gwemu.websocket.PendingConnection;
import dev.gwemu.websocket.WebSocketGateway;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Undertow's side of WebSocket APIs: asks the gateway whether an upgrade may complete ({@code $connect}), completes
 * it, and hands every message and the close to the gateway, each connection's messages one after another on worker
 * threads (a route may wait for its function; Undertow's I/O threads never do).
 */
final class WebSocketEndpoint {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebSocketEndpoint.class);
    /**
     * A frame over 32 KB or a message over 128 KB closes the connection with 1009 (security-and-operations.md §7.1
     * [doc]). Undertow reassembles fragments, so the frame limit is applied to messages sent in one frame (what
     * browsers and most clients send); the fragments of a longer message are held to the message limit only.
     */
    static final int MAX_FRAME_BYTES = 32 * 1024;
    static final int MAX_MESSAGE_BYTES = 128 * 1024;
    private static final AttachmentKey<PendingConnection> PENDING = AttachmentKey.create(PendingConnection.class);

    private final WebSocketGateway gateway;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gwemu-websocket");
        t.setDaemon(true);
        return t;
    });
    /** Headers the handshake sets itself; a $connect answer cannot replace them. */
    private static final java.util.Set<String> HANDSHAKE_OWN = java.util.Set.of("connection", "upgrade",
            "sec-websocket-accept", "sec-websocket-extensions", "content-length", "transfer-encoding");
    private final io.undertow.websockets.WebSocketConnectionCallback callback =
            (exchange, channel) -> opened(exchange.getAttachment(PENDING), channel);
    private final WebSocketProtocolHandshakeHandler handshake = new WebSocketProtocolHandshakeHandler(callback);

    private final java.util.concurrent.ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gwemu-websocket-sweep");
        t.setDaemon(true);
        return t;
    });

    WebSocketEndpoint(WebSocketGateway gateway) {
        this.gateway = gateway;
        // Idle and age limits are checked once a second against the gateway's clock (tests move it).
        sweeper.scheduleWithFixedDelay(gateway::sweep, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    static boolean isUpgrade(HttpServerExchange exchange) {
        String upgrade = exchange.getRequestHeaders().getFirst(Headers.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    /** On a worker thread: {@code $connect} decides, then the upgrade completes or the refusal is written. */
    boolean handle(HttpServerExchange exchange, HttpRequest request) throws Exception {
        Handshake decision = gateway.connect(request);
        if (decision == null) {
            return false; // not a WebSocket API: the request goes down the usual road
        }
        if (decision.refusal() != null) {
            GatewayHttpHandler.write(exchange, decision.refusal());
            return true;
        }
        exchange.putAttachment(PENDING, decision.accepted());
        String protocol = null;
        for (HeaderList.Header h : decision.headers().lines()) {
            if (h.name().equalsIgnoreCase("Sec-WebSocket-Protocol")) {
                protocol = h.value().trim();
            } else if (!HANDSHAKE_OWN.contains(h.name().toLowerCase(java.util.Locale.ROOT))) {
                exchange.getResponseHeaders().add(io.undertow.util.HttpString.tryFromString(h.name()), h.value());
            }
        }
        // The subprotocol $connect chose is the one the handshake agrees to; without one, none is (as in AWS).
        (protocol == null ? handshake : new WebSocketProtocolHandshakeHandler(
                java.util.List.of(new io.undertow.websockets.core.protocol.version13.Hybi13Handshake(
                        java.util.Set.of(protocol), false)), callback)).handleRequest(exchange);
        return true;
    }

    private void opened(PendingConnection pending, WebSocketChannel channel) {
        String id = pending.id();
        Serial serial = new Serial();
        gateway.opened(pending, new UndertowChannel(channel));
        channel.getReceiveSetter().set(new AbstractReceiveListener() {
            /** Whether the message being read came in one frame: then the frame limit is its limit. */
            private boolean singleFrame;

            @Override
            protected void onText(WebSocketChannel ch, io.undertow.websockets.core.StreamSourceFrameChannel message)
                    throws java.io.IOException {
                singleFrame = message.isFinalFragment();
                super.onText(ch, message);
            }

            @Override
            protected void onBinary(WebSocketChannel ch, io.undertow.websockets.core.StreamSourceFrameChannel message)
                    throws java.io.IOException {
                singleFrame = message.isFinalFragment();
                super.onBinary(ch, message);
            }

            @Override
            protected long getMaxTextBufferSize() {
                return singleFrame ? MAX_FRAME_BYTES : MAX_MESSAGE_BYTES;
            }

            @Override
            protected long getMaxBinaryBufferSize() {
                return singleFrame ? MAX_FRAME_BYTES : MAX_MESSAGE_BYTES;
            }

            @Override
            protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
                String text = message.getData();
                serial.run(() -> gateway.message(id, text.getBytes(StandardCharsets.UTF_8), false));
            }

            @Override
            protected void onFullBinaryMessage(WebSocketChannel ch, BufferedBinaryMessage message) {
                ByteBuffer[] buffers = message.getData().getResource();
                byte[] bytes = WebSockets.mergeBuffers(buffers).array();
                message.getData().free();
                serial.run(() -> gateway.message(id, bytes, true));
            }

            @Override
            protected void onCloseMessage(CloseMessage close, WebSocketChannel ch) {
                serial.run(() -> gateway.closing(id, close.getCode(), close.getReason()));
                super.onCloseMessage(close, ch); // answers the close frame and closes the channel
            }
        });
        channel.addCloseTask(ch -> serial.run(() -> gateway.closed(id)));
        channel.resumeReceives();
    }

    /** One connection's tasks, in order, on the shared workers. */
    private final class Serial {
        private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

        synchronized void run(Runnable task) {
            tail = tail.thenRunAsync(task, workers).exceptionally(e -> {
                // A gwemu defect must not stop the connection's later messages; it is worth a loud line.
                LOG.error("a WebSocket task failed inside gwemu", e);
                return null;
            });
        }
    }

    /** Sends through Undertow; a send to a closed channel is dropped, as a gone client's messages are in AWS. */
    private static final class UndertowChannel implements ClientChannel {
        private final WebSocketChannel channel;

        UndertowChannel(WebSocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void sendText(String message) {
            WebSockets.sendText(message, channel, null);
        }

        @Override
        public void sendBinary(byte[] message) {
            WebSockets.sendBinary(ByteBuffer.wrap(message), channel, null);
        }

        @Override
        public void close(int code, String reason) {
            WebSockets.sendClose(code, reason, channel, null);
        }
    }

    void close() {
        sweeper.shutdownNow();
        workers.shutdownNow();
    }
}
