package dev.gwemu.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.Gateway;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.Project;
import dev.gwemu.server.GatewayServer;
import dev.gwemu.server.tls.GatewayTls;
import dev.gwemu.server.tls.InProcessTrust;
import dev.gwemu.server.tls.PemFiles;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sample-apis/chat as its README runs it: under --tls, clients over wss, the function broadcasting through @connections. */
class ChatSampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    /** A chat client that queues what it receives. */
    private static final class Member implements WebSocket.Listener {
        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            received.add(data.toString());
            webSocket.request(1);
            return null;
        }

        JsonNode next() throws Exception {
            String message = received.poll(20, TimeUnit.SECONDS);
            assertNotNull(message, "nothing received within 20 s");
            return JSON.readTree(message);
        }
    }

    @Test
    void membersHearEachOtherThroughConnections() throws Exception {
        Path source = TestPaths.PROJECT_ROOT.resolve("sample-apis/chat");
        Path sample = Files.createDirectories(dir.resolve("chat"));
        Files.copy(source.resolve("api.yaml"), sample.resolve("api.yaml"));
        Files.createDirectories(dir.resolve("target"));
        Files.copy(TestPaths.PROJECT_ROOT.resolve("sample-apis/target/sample-handlers.jar"), dir.resolve("target/sample-handlers.jar"));
        Project project = ProjectLoader.load(sample.resolve("api.yaml")).project();
        GatewayTls tls = GatewayTls.selfSigned(project, "127.0.0.1", Instant.now());
        InProcessTrust.install(tls.certificates().stream().map(GatewayTls.ServedCertificate::file).toList());
        try (GatewayServer server = GatewayServer.start(Gateway.create(project, Clock.systemUTC(), null), "127.0.0.1", 0,
                tls.context())) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(sample.resolve(".gwemu/tls-cert.pem"))).build();
            URI uri = URI.create("wss://127.0.0.1:" + server.port() + "/dev");
            Member ada = join(client, uri);
            Member bob = join(client, uri);
            Member cy = join(client, uri);

            say(ada, "hello room");
            for (Member member : new Member[] {bob, cy}) {
                JsonNode heard = member.next();
                assertEquals("hello room", heard.path("message").asText());
                assertTrue(heard.path("from").asText().endsWith("="), heard.toString());
            }

            bob.socket.sendText("what now?", true).join();
            JsonNode usage = bob.next();
            assertTrue(usage.path("usage").asText().contains("sendmessage"), usage.toString());
            assertEquals(3, usage.path("members").asInt());

            cy.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            Thread.sleep(500); // $disconnect runs after the close
            say(ada, "still here?");
            assertEquals("still here?", bob.next().path("message").asText());
            assertNull(cy.received.poll(1, TimeUnit.SECONDS), "a member who left hears nothing");
        }
    }

    /**
     * Sends a chat message until the room takes it: the one environment of ChatRoom (reservedConcurrency 1) may be busy
     * with another member's $connect or $disconnect, and a throttled call answers AWS's "Internal server error" frame,
     * as it would in AWS; a client sends again. Returns once the sender hears its own message back.
     */
    private static void say(Member sender, String text) throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            sender.socket.sendText("{\"action\":\"sendmessage\",\"message\":" + JSON.writeValueAsString(text) + "}", true).join();
            JsonNode answer = sender.next();
            if (text.equals(answer.path("message").asText())) {
                return;
            }
            assertEquals("Internal server error", answer.path("message").asText(), answer.toString());
        }
        throw new AssertionError("the room never took " + text);
    }

    /**
     * Connects a member. Like {@link #say}, a $connect may find the room's one environment still busy with the last
     * member's (a busy machine is slow to hand it back) and be throttled: 429, and the client tries again.
     */
    private static Member join(HttpClient client, URI uri) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Member member = new Member();
            try {
                member.socket = client.newWebSocketBuilder().buildAsync(uri, member).join();
                return member;
            } catch (java.util.concurrent.CompletionException e) {
                if (attempt == 9 || !(e.getCause() instanceof java.net.http.WebSocketHandshakeException refused)
                        || refused.getResponse().statusCode() != 429) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int n = 0;
        for (var certificate : PemFiles.readCertificateChain(pem)) {
            store.setCertificateEntry("c" + n++, certificate);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
