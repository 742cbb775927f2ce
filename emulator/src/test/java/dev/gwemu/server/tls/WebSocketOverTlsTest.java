package dev.gwemu.server.tls;

import dev.gwemu.Gateway;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.Project;
import dev.gwemu.server.GatewayServer;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code wss://} with {@code --tls}: the WebSocket test project over gwemu's self-signed certificate. */
class WebSocketOverTlsTest {
    @TempDir
    Path dir;

    @Test
    void aClientThatTrustsTheCertificateTalksOverWss() throws Exception {
        Path apiYaml = TlsClients.copyProject(TestPaths.TESTDATA.resolve("websocket"), dir);
        Project project = ProjectLoader.load(apiYaml).project();
        GatewayTls tls = GatewayTls.selfSigned(project, "127.0.0.1", Instant.now());
        try (GatewayServer server = GatewayServer.start(Gateway.create(project, Clock.systemUTC(), null), "127.0.0.1", 0,
                tls.context())) {
            SSLContext trust = TlsClients.trusting(dir.resolve(".gwemu/tls-cert.pem"));
            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket socket = TlsClients.http(trust).newWebSocketBuilder()
                    .buildAsync(URI.create("wss://127.0.0.1:" + server.port() + "/dev"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            received.add(data.toString());
                            webSocket.request(1);
                            return null;
                        }
                    }).join();
            socket.sendText("{\"action\":\"echo\",\"over\":\"tls\"}", true).join();
            String answer = received.poll(20, TimeUnit.SECONDS);
            assertNotNull(answer, "no answer over wss");
            assertTrue(answer.contains("\\\"over\\\":\\\"tls\\\""), answer);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
    }
}
