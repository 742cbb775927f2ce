package dev.gwemu.server;

import dev.gwemu.Gateway;
import dev.gwemu.websocket.WebSocketConnection;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loaded version of the project as the server serves it: a gateway, its handler, and the requests it has in
 * flight. A reload retires the old generation: requests already in it finish there, its WebSocket clients are told
 * to reconnect, and then its functions stop.
 */
final class Generation {
    /** Close code for WebSocket clients of a retired generation: the server restarts, reconnect (RFC 6455 registry). */
    static final int SERVICE_RESTART = 1012;
    /** How long a retired generation waits for its WebSocket clients' {@code $disconnect} before it stops. */
    private static final long WEBSOCKET_DRAIN_MILLIS = 5_000;

    private final Gateway gateway;
    private final GatewayHttpHandler handler;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean retired;

    Generation(Gateway gateway, String scheme) {
        this.gateway = gateway;
        this.handler = new GatewayHttpHandler(gateway, scheme);
    }

    Gateway gateway() {
        return gateway;
    }

    GatewayHttpHandler handler() {
        return handler;
    }

    /** @return false when this generation was retired meanwhile: serve the request with the current one */
    boolean enter() {
        inFlight.incrementAndGet();
        if (retired) {
            exit();
            return false;
        }
        return true;
    }

    void exit() {
        if (inFlight.decrementAndGet() == 0 && retired) {
            stop();
        }
    }

    /** Takes no new requests; stops once those in flight are done. */
    void retire() {
        retired = true;
        if (inFlight.get() == 0) {
            stop();
        }
    }

    /** Stops now (the server's own graceful stop has already waited for requests in flight). */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        Thread stopping = new Thread(() -> {
            closeWebSockets();
            handler.close();
            gateway.close();
        }, "gwemu-retire");
        stopping.setDaemon(true);
        stopping.start();
    }

    /** Stops on the calling thread: the server is shutting down and waits for it. */
    void stopNow() {
        if (stopped.compareAndSet(false, true)) {
            handler.close();
            gateway.close();
        }
    }

    private void closeWebSockets() {
        if (gateway.webSockets() == null) {
            return;
        }
        var connections = gateway.webSockets().connections();
        for (WebSocketConnection connection : connections.all()) {
            connection.channel().close(SERVICE_RESTART, "Service Restart");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WEBSOCKET_DRAIN_MILLIS);
        while (!connections.all().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
