package dev.gwemu.server.tls;

import dev.gwemu.Gateway;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.Project;
import dev.gwemu.server.GatewayServer;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

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
        Project project = ProjectLoader.load(TlsClients.copyProject(TestPaths.TESTDATA.resolve("websocket"), dir)).project();
        GatewayTls tls = GatewayTls.selfSigned(project, "127.0.0.1", Instant.now());
        try (GatewayServer server = GatewayServer.start(Gateway.create(project, Clock.systemUTC(), null), "127.0.0.1", 0,
                tls.context())) {
            SSLContext trust = TlsClients.trusting(dir.resolve(".gwemu/tls-cert.pem"));
            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket socket = wss(trust, server.port(), received);
            socket.sendText("{\"action\":\"echo\",\"over\":\"tls\"}", true).join();
            String answer = received.poll(20, TimeUnit.SECONDS);
            assertNotNull(answer, "no answer over wss");
            assertTrue(answer.contains("\\\"over\\\":\\\"tls\\\""), answer);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
    }

    /**
     * The callback convention: with {@link InProcessTrust} installed, the endpoint a handler builds as the AWS docs show
     * ({@code "https://" + domainName + "/" + stage}, here by testdata/websocket's WhoAmI) takes the AWS SDK's
     * management client, with its default HTTP client and no trust settings of its own, to the connection.
     */
    @Test
    void theEndpointAHandlerBuildsFromItsEventReachesConnections() throws Exception {
        Project project = ProjectLoader.load(TlsClients.copyProject(TestPaths.TESTDATA.resolve("websocket"), dir)).project();
        GatewayTls tls = GatewayTls.selfSigned(project, "127.0.0.1", Instant.now());
        InProcessTrust.install(tls.certificates().stream().map(GatewayTls.ServedCertificate::file).toList());
        try (GatewayServer server = GatewayServer.start(Gateway.create(project, Clock.systemUTC(), null), "127.0.0.1", 0,
                tls.context())) {
            SSLContext trust = TlsClients.trusting(dir.resolve(".gwemu/tls-cert.pem"));
            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket socket = wss(trust, server.port(), received);
            socket.sendText("{\"action\":\"whoami\"}", true).join();
            com.fasterxml.jackson.databind.JsonNode me = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(received.poll(20, TimeUnit.SECONDS));
            String endpoint = me.path("endpoint").asText();
            assertTrue(endpoint.equals("https://127.0.0.1:" + server.port() + "/dev"), endpoint);
            try (ApiGatewayManagementApiClient sdk = ApiGatewayManagementApiClient.builder()
                    .endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDANY", "secret")))
                    .build()) {
                sdk.postToConnection(r -> r.connectionId(me.path("connectionId").asText())
                        .data(SdkBytes.fromUtf8String("called back")));
            }
            assertTrue("called back".equals(received.poll(20, TimeUnit.SECONDS)));
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
    }

    /** A wss:// client of the test project's dev stage that queues the text messages it receives. */
    private static WebSocket wss(SSLContext trust, int port, LinkedBlockingQueue<String> received) {
        return TlsClients.http(trust).newWebSocketBuilder()
                .buildAsync(URI.create("wss://127.0.0.1:" + port + "/dev"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).join();
    }
}
