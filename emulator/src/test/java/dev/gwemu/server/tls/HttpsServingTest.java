package dev.gwemu.server.tls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.Gateway;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.Project;
import dev.gwemu.server.GatewayServer;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTPS with gwemu's self-signed certificate: real clients that trust only that certificate, as {@code curl --cacert} would. */
class HttpsServingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "alice-gold-key-0123456789";

    @TempDir
    Path dir;

    private static GatewayServer serve(Path apiYaml) throws Exception {
        Project project = ProjectLoader.load(apiYaml).project();
        GatewayTls tls = GatewayTls.selfSigned(project, "127.0.0.1", Instant.now());
        return GatewayServer.start(Gateway.create(project, Clock.systemUTC(), null), "127.0.0.1", 0, tls.context());
    }

    @Test
    void theWeatherSampleAnswersOverHttp2WithTheCertificateKeptInTheStateFolder() throws Exception {
        Path apiYaml = TlsClients.copyProject(TestPaths.PROJECT_ROOT.resolve("sample-apis/weather"), dir);
        try (GatewayServer server = serve(apiYaml)) {
            assertEquals("https", server.scheme());
            SSLContext trust = TlsClients.trusting(dir.resolve(".gwemu/tls-cert.pem"));
            HttpResponse<String> response = TlsClients.http(trust).send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/prod/forecast/paris")).header("x-api-key", ALICE).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(HttpClient.Version.HTTP_2, response.version(), "ALPN negotiates h2 over TLS");
            assertEquals("paris", JSON.readTree(response.body()).get("city").asText());

            HttpResponse<String> http11 = HttpClient.newBuilder().sslContext(trust).version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/prod/forecast/rome"))
                            .header("x-api-key", ALICE).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, http11.statusCode(), http11.body());
            assertEquals(HttpClient.Version.HTTP_1_1, http11.version(), "a client without h2 still gets HTTP/1.1");
        }
    }

    @Test
    void theSelfSignedCertificateIsValidForTheCustomDomainAndTheExecuteApiHosts() throws Exception {
        Path apiYaml = TlsClients.copyProject(TestPaths.PROJECT_ROOT.resolve("sample-apis/weather"), dir);
        try (GatewayServer server = serve(apiYaml)) {
            SSLContext trust = TlsClients.trusting(dir.resolve(".gwemu/tls-cert.pem"));
            // The client checks the certificate against the name it asked for (SNI), as a browser would.
            String v2 = TlsClients.get(trust, server.port(), "weather.example.test", "/v2/forecast/oslo", "x-api-key: " + ALICE);
            assertTrue(v2.startsWith("HTTP/1.1 200 "), v2);
            assertTrue(v2.contains("\"api\": \"weather-v2\""), v2);
            String byId = TlsClients.get(trust, server.port(), "weatherv02.execute-api.localhost", "/prod/forecast/oslo",
                    "x-api-key: " + ALICE);
            assertTrue(byId.startsWith("HTTP/1.1 200 ") && byId.contains("\"api\": \"weather-v2\""), byId);
            String localhost = TlsClients.get(trust, server.port(), "localhost", "/prod/forecast/oslo", "x-api-key: " + ALICE);
            assertTrue(localhost.startsWith("HTTP/1.1 200 ") && localhost.contains("\"api\": \"weather-v1\""), localhost);
        }
    }

    @Test
    void aLambdaProxyEventSaysHttpsAndGetsABodySentOverHttp2() throws Exception {
        RunningGateway.requireHandlerJars();
        Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.1\ninfo: {title: echo, version: '1'}\npaths:\n  /echo:\n"
                + "    post:\n      responses: {}\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n"
                + "        httpMethod: POST\n        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:Echo/invocations\n");
        Path apiYaml = Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - {name: echo, definition: openapi.yaml, stages: {dev: {}}}
                functions:
                  Echo: {jar: %s, handler: dev.gwemu.testhandlers.EchoEventHandler}
                """.formatted(TestPaths.LEAN_JAR));
        try (GatewayServer server = serve(apiYaml)) {
            HttpClient client = TlsClients.http(TlsClients.trusting(dir.resolve(".gwemu/tls-cert.pem")));
            URI echo = URI.create("https://127.0.0.1:" + server.port() + "/dev/echo");
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(echo)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":\"h2\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(HttpClient.Version.HTTP_2, response.version());
            JsonNode event = JSON.readTree(response.body());
            assertEquals("https", event.at("/headers/X-Forwarded-Proto").asText(), event.toString());
            assertEquals(Integer.toString(server.port()), event.at("/headers/X-Forwarded-Port").asText());
            assertEquals("{\"hello\":\"h2\"}", event.get("body").asText());
            assertEquals("HTTP/1.1", event.at("/requestContext/protocol").asText(), "AWS says HTTP/1.1 even to HTTP/2 clients");
            assertEquals("127.0.0.1:" + server.port(), event.at("/requestContext/domainName").asText(),
                    "the HTTP/2 :authority stands for the Host header");

            // A streamed upload: HTTP/2 carries the body in DATA frames without a Content-Length.
            HttpResponse<String> streamed = client.send(HttpRequest.newBuilder(echo)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream("{\"streamed\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, streamed.statusCode(), streamed.body());
            assertEquals("{\"streamed\":true}", JSON.readTree(streamed.body()).get("body").asText());
        }
    }
}
