package dev.gwemu.bench.limit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The "limit" row of scripts/bench: the fastest answer gwemu's HTTP layer could give, i.e. what is
 * left when the whole gateway (routing, event, function call, response mapping, request log) costs
 * nothing.
 *
 * <p>Precisely: Undertow as gwemu builds it, minus the gateway. One HTTP listener on 127.0.0.1:PORT,
 * Undertow's default threads (I/O threads = max(cores, 2), worker threads = 8 per I/O thread, the
 * same defaults gwemu runs with); every request is dispatched from the I/O thread to a worker
 * thread, which enters blocking mode and answers, exactly as {@code GatewayHttpHandler} does. The
 * answer is what the benchmark handler (sample-apis, {@code dev.gwemu.samples.bench.Hello}) returns
 * through gwemu: 200 with {@code Content-Type: application/json} and the body
 * {@code {"name":"<last path segment>"}}, byte for byte the body of serverless-offline's peer sample
 * for the names the benchmark sends (plain ASCII; no escaping is done here). Not included: gwemu's
 * graceful-shutdown wrapper and its extra response headers (request ids, trace id).
 *
 * <p>Run it the way gwemu runs: the same java and the same {@code GWEMU_JAVA_OPTS}
 * ({@code java $GWEMU_JAVA_OPTS -cp benchmarks/target/benchmarks.jar dev.gwemu.bench.limit.BareUndertowServer PORT}).
 * It stops on SIGINT/SIGTERM.
 */
public final class BareUndertowServer implements HttpHandler {

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: BareUndertowServer PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        quietLogging();
        Undertow undertow = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setHandler(new BareUndertowServer())
                .build();
        undertow.start();
        Runtime.getRuntime().addShutdownHook(new Thread(undertow::stop, "limit-stop"));
        System.out.println("limit: serving on http://127.0.0.1:" + port);
    }

    /**
     * Logback's default (no configuration file in benchmarks.jar) logs DEBUG to the console; gwemu logs
     * at INFO. A -Dlogback.configurationFile in GWEMU_JAVA_OPTS wins, as it does for gwemu.
     */
    private static void quietLogging() {
        if (System.getProperty("logback.configurationFile") == null
                && LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.INFO);
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);    // as gwemu: never work on the I/O thread
            return;
        }
        exchange.startBlocking();       // as gwemu: the worker may block (gwemu waits for the function there)
        byte[] body = body(exchange.getRequestPath());
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /** {@code {"name":"world"}} for /dev/hello/world: the same bytes the benchmark handler returns. */
    static byte[] body(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        return ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
