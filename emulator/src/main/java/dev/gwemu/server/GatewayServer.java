package dev.gwemu.server;

import dev.gwemu.Gateway;
import dev.gwemu.server.tls.ServerSslContext;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.GracefulShutdownHandler;
import org.xnio.Options;
import org.xnio.Sequence;

import javax.net.ssl.SSLContext;
import java.net.InetSocketAddress;

/**
 * The listener: Undertow in front of a {@link Gateway}, serving HTTP, or HTTPS with HTTP/2 (negotiated
 * by ALPN) and HTTP/1.1 when started with an {@link SSLContext}.
 */
public final class GatewayServer implements AutoCloseable {
    /** How long a stop waits for requests in flight (a function may take up to its timeout). */
    private static final long DRAIN_MILLIS = 30_000;

    private final Undertow undertow;
    private final GracefulShutdownHandler inFlight;
    private final ReloadingHandler generations;
    private final String scheme;

    private GatewayServer(Undertow undertow, GracefulShutdownHandler inFlight, ReloadingHandler generations,
                          String scheme) {
        this.undertow = undertow;
        this.inFlight = inFlight;
        this.generations = generations;
        this.scheme = scheme;
    }

    /**
     * Loads the HTTP stack (XNIO's NIO provider, Undertow's classes) on a background thread, so a
     * start-up can overlap it with reading the definitions. Optional; {@link #start} works without it.
     */
    public static void preload() {
        Thread preload = new Thread(() -> {
            try {
                org.xnio.Xnio.getInstance(Undertow.class.getClassLoader());
                Undertow.builder();
            } catch (RuntimeException | LinkageError e) {
                // only a head start: start() loads the same classes and reports any real fault
            }
        }, "gwemu-preload-http");
        preload.setDaemon(true);
        preload.start();
    }

    /** Starts listening for HTTP; port 0 picks a free port (see {@link #port()}). */
    public static GatewayServer start(Gateway gateway, String host, int port) {
        return start(gateway, host, port, null);
    }

    /**
     * Starts listening; port 0 picks a free port (see {@link #port()}).
     *
     * @param tls the server's certificates (e.g. {@code GatewayTls.context()}): the port then serves HTTPS
     *            only, TLS 1.2 and 1.3; null serves plain HTTP
     */
    public static GatewayServer start(Gateway gateway, String host, int port, SSLContext tls) {
        String scheme = tls == null ? "http" : "https";
        ReloadingHandler generations = new ReloadingHandler(new Generation(gateway, scheme));
        GracefulShutdownHandler inFlight = new GracefulShutdownHandler(generations);
        Undertow.Builder builder = Undertow.builder();
        if (tls == null) {
            builder.addHttpListener(port, host);
        } else {
            builder.addHttpsListener(port, host, tls)
                    .setSocketOption(Options.SSL_ENABLED_PROTOCOLS, Sequence.of(ServerSslContext.PROTOCOLS))
                    // Only over TLS: a cleartext listener with HTTP/2 on would also accept h2c upgrades.
                    .setServerOption(UndertowOptions.ENABLE_HTTP2, true);
        }
        Undertow undertow = builder
                // Paths reach the road still percent-encoded, as AWS passes them to Lambda.
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setServerOption(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
                .setServerOption(UndertowOptions.ALLOW_ENCODED_SLASH, true)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 10240)
                // The 10 MB payload limit is API Gateway's, answered by GatewayHttpHandler with AWS's own 413.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L)
                .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, false)
                .setHandler(inFlight)
                .build();
        undertow.start();
        return new GatewayServer(undertow, inFlight, generations, scheme);
    }

    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    public String host() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getHostString();
    }

    /** {@code http}, or {@code https} when started with TLS. */
    public String scheme() {
        return scheme;
    }

    /** The gateway serving now (a reload replaces it). */
    public Gateway gateway() {
        return generations.current().gateway();
    }

    /**
     * Serves {@code next} from now on, on the same port: requests already under way finish on the gateway they
     * started on, which then stops (its functions too); its WebSocket clients are closed with 1012 Service Restart
     * so they reconnect to the new one.
     */
    public void replace(Gateway next) {
        generations.replace(new Generation(next, scheme));
    }

    /** Refuses new requests, lets those in flight finish, then stops listening and stops the functions. */
    @Override
    public void close() {
        inFlight.shutdown();
        try {
            inFlight.awaitShutdown(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
        generations.current().stopNow();
    }
}
