package dev.gwemu.websocket;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A channel that records what the gateway sent, and connections and requests for the @connections tests. */
final class ConnectionsApiFixtures {
    static final String API = "wsapi12345";
    static final String STAGE = "dev";
    static final Instant CONNECTED_AT = Instant.parse("2024-11-11T11:35:24.553Z");

    private ConnectionsApiFixtures() {
    }

    /** One message or close the gateway sent to the client. */
    record Sent(String kind, String text, byte[] bytes, int code, String reason) {
    }

    static final class RecordingChannel implements ClientChannel {
        final List<Sent> sent = new ArrayList<>();
        volatile RuntimeException failure;

        @Override
        public synchronized void sendText(String message) {
            fail();
            sent.add(new Sent("text", message, message.getBytes(StandardCharsets.UTF_8), 0, null));
        }

        @Override
        public synchronized void sendBinary(byte[] message) {
            fail();
            sent.add(new Sent("binary", null, message, 0, null));
        }

        @Override
        public synchronized void close(int code, String reason) {
            fail();
            sent.add(new Sent("close", null, null, code, reason));
        }

        synchronized List<Sent> sent() {
            return List.copyOf(sent);
        }

        private void fail() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    static WebSocketConnection connection(String id, String apiId, String stage, String userAgent, ClientChannel channel) {
        return new WebSocketConnection(id, apiId, stage, CONNECTED_AT, "166.90.225.1", userAgent, null, channel);
    }

    static HttpRequest request(String method, String rawPath, byte[] body) {
        HeaderList headers = new HeaderList().add("Host", API + ".execute-api.us-east-1.amazonaws.com");
        return new HttpRequest(method, rawPath, "", headers, body, "10.0.0.1", "HTTP/1.1", "https", 443);
    }
}
