package dev.gwemu.record;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gwemu record}'s server: answers each client with the target's response unchanged and writes the exchange,
 * redacted, to a recording. A target that cannot be reached is answered with 502 and recorded with its error.
 * Requests are read whole and forwarded one per worker thread (the I/O threads never wait on the target).
 */
public final class RecordingProxy implements AutoCloseable {
    /** Told of each exchange once it is written, in the order of the recording. */
    public interface Listener {
        void recorded(int number, Exchange exchange);

        /** The recording could not be written (disk full, file gone); the client still got its answer. */
        void writeFailed(Exchange exchange, IOException e);
    }

    private final Undertow undertow;

    private RecordingProxy(Undertow undertow) {
        this.undertow = undertow;
    }

    /**
     * Starts listening.
     *
     * @param port 0 picks a free one ({@link #port()})
     * @throws RuntimeException the address cannot be bound (Undertow's, with the cause)
     */
    public static RecordingProxy start(String host, int port, ExchangeForwarder forwarder, HeaderRedactor redactor,
                                       RecordingWriter writer, Clock clock, Listener listener) {
        Undertow undertow = Undertow.builder()
                .addHttpListener(port, host)
                // Paths are forwarded and recorded as sent, percent-encoding kept.
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setServerOption(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
                .setServerOption(UndertowOptions.ALLOW_ENCODED_SLASH, true)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L)
                .setHandler(new Forwarding(forwarder, redactor, writer, clock, listener))
                .build();
        undertow.start();
        return new RecordingProxy(undertow);
    }

    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** Stops listening; exchanges in flight are cut off. */
    @Override
    public void close() {
        undertow.stop();
    }

    private static final class Forwarding implements HttpHandler {
        private static final String UNREACHABLE_TYPE = "application/json";
        private final ExchangeForwarder forwarder;
        private final HeaderRedactor redactor;
        private final RecordingWriter writer;
        private final Clock clock;
        private final Listener listener;
        private final Object order = new Object();
        private int count;

        Forwarding(ExchangeForwarder forwarder, HeaderRedactor redactor, RecordingWriter writer, Clock clock,
                   Listener listener) {
            this.forwarder = forwarder;
            this.redactor = redactor;
            this.writer = writer;
            this.clock = clock;
            this.listener = listener;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            if (exchange.isInIoThread()) {
                exchange.dispatch(this);
                return;
            }
            Instant arrived = clock.instant();
            exchange.startBlocking();
            byte[] body;
            try (InputStream in = exchange.getInputStream()) {
                body = in.readAllBytes();
            }
            Exchange recorded = forwarder.forward(arrived, received(exchange, body));
            // Written before the client has its answer: once it has, the recording holds the exchange.
            record(redactor.redact(recorded));
            respond(exchange, recorded);
        }

        private void record(Exchange exchange) {
            int number;
            synchronized (order) {
                try {
                    writer.write(exchange);
                } catch (IOException e) {
                    listener.writeFailed(exchange, e);
                    return;
                }
                number = ++count;
            }
            listener.recorded(number, exchange);
        }

        private static Exchange.Request received(HttpServerExchange exchange, byte[] body) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HeaderValues values : exchange.getRequestHeaders()) {
                headers.put(values.getHeaderName().toString(), new ArrayList<>(values));
            }
            return new Exchange.Request(exchange.getRequestMethod().toString(), originForm(exchange.getRequestURI()),
                    exchange.getQueryString(), headers, body);
        }

        /** An absolute-form target (a client using the recorder as its HTTP proxy) becomes its path. */
        private static String originForm(String uri) {
            if (uri.startsWith("http://") || uri.startsWith("https://")) {
                int path = uri.indexOf('/', uri.indexOf("//") + 2);
                return path < 0 ? "/" : uri.substring(path);
            }
            return uri.isEmpty() ? "/" : uri;
        }

        private static void respond(HttpServerExchange exchange, Exchange recorded) {
            Exchange.Response response = recorded.response();
            if (response == null) {
                exchange.setStatusCode(502);
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, UNREACHABLE_TYPE);
                String message = "{\"message\":\"" + new String(JsonStringEncoder.getInstance()
                        .quoteAsString("gwemu record: " + recorded.error())) + "\"}";
                exchange.getResponseSender().send(message, StandardCharsets.UTF_8);
                return;
            }
            exchange.setStatusCode(response.status());
            response.headers().forEach((name, values) -> {
                if (ExchangeForwarder.returned(name)) {
                    exchange.getResponseHeaders().addAll(HttpString.tryFromString(name), values);
                }
            });
            boolean head = exchange.getRequestMethod().equalToString("HEAD");
            String length = head ? Exchange.Headers.first(response.headers(), "Content-Length") : null;
            exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, length != null ? length
                    : Integer.toString(response.body().length)); // a HEAD answer states the length of the GET's body
            if (response.body().length == 0 || head) {
                exchange.endExchange();
                return;
            }
            exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
        }
    }
}
