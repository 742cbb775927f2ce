package dev.gwemu.httpapi.http;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The backend of the HTTP proxy routes in testdata/httpapi: a real HTTP server that remembers the last request's
 * method, target and headers, and answers 207 "backend saw N bytes" with {@code X-Backend: b-1} and a CORS header of
 * its own (which the gateway must replace).
 */
final class RecordingBackend implements AutoCloseable {
    private final HttpServer server;
    private final AtomicReference<Map<String, List<String>>> headers = new AtomicReference<>();
    private final AtomicReference<String> target = new AtomicReference<>();

    RecordingBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            headers.set(Map.copyOf(exchange.getRequestHeaders()));
            target.set(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer = ("backend saw " + body.length + " bytes").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Backend", "b-1");
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "https://evil.example.com");
            exchange.sendResponseHeaders(207, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The last request's headers, names as com.sun.net.httpserver spells them ({@code X-forwarded-for}). */
    Map<String, List<String>> lastHeaders() {
        return headers.get();
    }

    /** The last request's method and target: {@code PUT /items/9?full=true}. */
    String lastTarget() {
        return target.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
