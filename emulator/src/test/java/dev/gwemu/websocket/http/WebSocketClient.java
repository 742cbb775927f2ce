package dev.gwemu.websocket.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.support.RunningGateway;

import java.net.URI;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A {@code java.net.http.WebSocket} client of a running gwemu that queues the messages and close codes it receives. */
final class WebSocketClient implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();
    final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<Integer> closes = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    /** Connects to {@code ws://127.0.0.1:PORT{pathAndQuery}} with {@code Host: host} and the extra headers. */
    static WebSocketClient connect(RunningGateway gateway, String host, String pathAndQuery, Map<String, String> headers) {
        WebSocketClient client = new WebSocketClient();
        WebSocket.Builder builder = gateway.client().newWebSocketBuilder().header("Host", host);
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + gateway.port() + pathAndQuery), client).join();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closes.add(statusCode);
        return null;
    }

    String next() throws InterruptedException {
        String message = messages.poll(20, TimeUnit.SECONDS);
        assertNotNull(message, "no message within 20 s");
        return message;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends {@code {"action": action}} and reads the answer as JSON. */
    JsonNode ask(String action) throws Exception {
        send("{\"action\":\"" + action + "\"}");
        return JSON.readTree(next());
    }

    void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
}
