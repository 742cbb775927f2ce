package dev.gwemu.server;

import dev.gwemu.Gateway;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;

import java.net.InetSocketAddress;

/** The HTTP listener: Undertow in front of a {@link Gateway}. */
public final class GatewayServer implements AutoCloseable {
    private final Undertow undertow;
    private final Gateway gateway;

    private GatewayServer(Undertow undertow, Gateway gateway) {
        this.undertow = undertow;
        this.gateway = gateway;
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public static GatewayServer start(Gateway gateway, String host, int port) {
        Undertow undertow = Undertow.builder()
                .addHttpListener(port, host)
                // Paths reach the road still percent-encoded, as AWS passes them to Lambda.
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setServerOption(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
                .setServerOption(UndertowOptions.ALLOW_ENCODED_SLASH, true)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 10240)
                // The 10 MB payload limit is API Gateway's, answered by GatewayHttpHandler with AWS's own 413.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L)
                .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, false)
                .setHandler(new GatewayHttpHandler(gateway, "http"))
                .build();
        undertow.start();
        return new GatewayServer(undertow, gateway);
    }

    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    public String host() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getHostString();
    }

    public Gateway gateway() {
        return gateway;
    }

    /** Stops accepting, then stops the functions. */
    @Override
    public void close() {
        undertow.stop();
        gateway.close();
    }
}
