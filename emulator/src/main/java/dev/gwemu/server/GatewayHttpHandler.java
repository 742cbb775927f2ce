package dev.gwemu.server;

import dev.gwemu.Gateway;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponses;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Adapts Undertow exchanges to the gateway: reads the request on a worker thread (the road may
 * wait for a function; I/O threads never block), hands it over, writes the answer.
 */
final class GatewayHttpHandler implements HttpHandler {
    /** API Gateway's payload limit, and its non-JSON, non-customisable answer (data-plane.md §2.3, verified). */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final GatewayException TOO_LARGE = GatewayException.fixedText(413, "text; charset=utf-8",
            "HTTP content length exceeded " + MAX_BODY_BYTES + " bytes.");
    private static final byte[] NO_BODY = new byte[0];

    private final Gateway gateway;
    private final String scheme;
    private final WebSocketEndpoint webSockets;
    private final GatewayResponses gatewayResponses = new GatewayResponses();

    GatewayHttpHandler(Gateway gateway, String scheme) {
        this.gateway = gateway;
        this.scheme = scheme;
        this.webSockets = gateway.webSockets() == null ? null : new WebSocketEndpoint(gateway.webSockets());
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        if (webSockets != null && WebSocketEndpoint.isUpgrade(exchange)
                && webSockets.handle(exchange, request(exchange, NO_BODY))) {
            return;
        }
        exchange.startBlocking();
        byte[] body = readBody(exchange);
        HttpResponse response = body == null ? gatewayResponses.render(TOO_LARGE) : gateway.handle(request(exchange, body));
        write(exchange, response);
    }

    /** @return the body, or null when it exceeds the limit */
    private static byte[] readBody(HttpServerExchange exchange) throws IOException {
        long declared = exchange.getRequestContentLength();
        if (declared > MAX_BODY_BYTES) {
            return null;
        }
        if (declared == 0 || exchange.isRequestComplete()) {
            return NO_BODY; // nothing declared and nothing left to read (HTTP/2 bodies may come without Content-Length)
        }
        try (InputStream in = exchange.getInputStream()) {
            if (declared > 0) {
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                return read == body.length ? body : Arrays.copyOf(body, read);
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1); // chunked: read one byte past the limit to notice it
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private HttpRequest request(HttpServerExchange exchange, byte[] body) {
        HeaderList headers = new HeaderList();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            String name = values.getHeaderName().toString();
            for (String value : values) {
                headers.add(name, value);
            }
        }
        String uri = originForm(exchange.getRequestURI());
        InetSocketAddress peer = exchange.getSourceAddress();
        return new HttpRequest(exchange.getRequestMethod().toString(), uri.isEmpty() ? "/" : uri,
                exchange.getQueryString(), headers, body,
                peer == null ? "127.0.0.1" : peer.getAddress().getHostAddress(),
                exchange.getProtocol().toString(), scheme, exchange.getHostPort());
    }

    /** An absolute-form target ({@code GET http://host/dev/pets}, as proxies send) becomes its path. */
    private static String originForm(String uri) {
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            int path = uri.indexOf('/', uri.indexOf("//") + 2);
            return path < 0 ? "/" : uri.substring(path);
        }
        return uri;
    }

    /** Stops the WebSocket workers and the idle sweep. */
    void close() {
        if (webSockets != null) {
            webSockets.close();
        }
    }

    static void write(HttpServerExchange exchange, HttpResponse response) {
        exchange.setStatusCode(response.status());
        var out = exchange.getResponseHeaders();
        for (HeaderList.Header h : response.headers().lines()) {
            out.add(HttpString.tryFromString(h.name()), h.value());
        }
        byte[] body = response.body();
        out.put(Headers.CONTENT_LENGTH, body.length);
        if (exchange.getRequestMethod().equalToString("HEAD") || body.length == 0) {
            exchange.endExchange();
            return;
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
