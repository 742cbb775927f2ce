package dev.gwemu.embedding;

import dev.gwemu.Gwemu;
import dev.gwemu.config.DefinitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Gwemu} embedded as an integration test would use it: start, call, move the clock, stop. */
class GwemuEmbeddingTest {
    @TempDir
    Path dir;
    private final HttpClient client = HttpClient.newHttpClient();

    private Path project() throws Exception {
        Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.0.1
                info: {title: quota, version: '1'}
                paths:
                  /ping:
                    get:
                      security: [{key: []}]
                      x-amazon-apigateway-integration:
                        type: mock
                        requestTemplates: {application/json: '{"statusCode": 200}'}
                        responses: {default: {statusCode: "200", responseTemplates: {application/json: '{"pong":true}'}}}
                      responses: {"200": {description: ok}}
                components:
                  securitySchemes:
                    key: {type: apiKey, name: x-api-key, in: header}
                """);
        return Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - {name: quota, definition: openapi.yaml, endpointType: REGIONAL, stages: {dev: {}}}
                apiKeys:
                  - {name: tester, value: tester-key-0123456789abcdef, enabled: true}
                usagePlans:
                  - {name: one-a-day, apiStages: [{api: quota, stage: dev}], quota: {limit: 1, period: DAY}, keys: [tester]}
                """);
    }

    private HttpResponse<String> ping(Gwemu gwemu) throws Exception {
        return client.send(HttpRequest.newBuilder(gwemu.baseUrl("quota", "dev").resolve("ping"))
                .header("x-api-key", "tester-key-0123456789abcdef").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheProjectAndItsClockMovesQuotas() throws Exception {
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        try (Gwemu gwemu = Gwemu.forApi(project()).startTime(start).start()) {
            assertTrue(gwemu.port() > 0);
            assertEquals("http://127.0.0.1:" + gwemu.port() + "/dev/", gwemu.baseUrl("quota", "dev").toString());
            assertTrue(gwemu.host("quota").endsWith(".execute-api.localhost"));
            assertTrue(Duration.between(start, gwemu.now()).abs().toSeconds() < 60, "the clock starts where asked");

            assertEquals(200, ping(gwemu).statusCode());
            HttpResponse<String> second = ping(gwemu);
            assertEquals(429, second.statusCode());
            assertEquals("{\"message\":\"Limit Exceeded\"}", second.body());

            gwemu.advanceClock(Duration.ofDays(1));
            assertEquals(200, ping(gwemu).statusCode(), "a new UTC day, a new quota");
        }
    }

    @Test
    void aResetStartsQuotasAfreshOnTheSamePortAndClock() throws Exception {
        try (Gwemu gwemu = Gwemu.forApi(project()).startTime(Instant.parse("2026-11-25T10:00:00Z")).start()) {
            int port = gwemu.port();
            gwemu.advanceClock(Duration.ofHours(3));
            assertEquals(200, ping(gwemu).statusCode());
            assertEquals(429, ping(gwemu).statusCode());

            gwemu.reset();

            assertEquals(port, gwemu.port());
            assertEquals(200, ping(gwemu).statusCode(), "the quota counted afresh");
            assertEquals(429, ping(gwemu).statusCode(), "and counting again");
            assertEquals(13, gwemu.now().atZone(java.time.ZoneOffset.UTC).getHour(), "the clock keeps its place");
        }
    }

    @Test
    void theCallsOfAwsServiceIntegrationsCanBeReadAndForgotten() throws Exception {
        Path ingest = dev.gwemu.support.ProjectCopy.of(dev.gwemu.support.TestPaths.PROJECT_ROOT.resolve("sample-apis/ingest"),
                Files.createDirectories(dir.resolve("ingest")));
        try (Gwemu gwemu = Gwemu.start(ingest.resolve("api.yaml"))) {
            HttpResponse<String> sent = client.send(HttpRequest.newBuilder(gwemu.baseUrl("ingest", "dev").resolve("messages"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"order\": 7}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, sent.statusCode(), sent.body());

            var calls = gwemu.awsCalls("sqs");
            assertEquals(1, calls.size());
            assertEquals("SendMessage", calls.get(0).path("action").asText());
            assertEquals(java.util.List.of(), gwemu.awsCalls("kinesis"));

            gwemu.clearAwsCalls();
            assertEquals(java.util.List.of(), gwemu.awsCalls("sqs"));
        }
    }

    @Test
    void stoppingFreesThePortAndABadProjectFailsToStart() throws Exception {
        Gwemu gwemu = Gwemu.start(project());
        int port = gwemu.port();
        gwemu.stop();
        assertThrows(ConnectException.class, () -> client.send(HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/dev/ping")).build(), HttpResponse.BodyHandlers.ofString()));

        Files.writeString(dir.resolve("api.yaml"), "apis: []\n");
        assertThrows(DefinitionException.class, () -> Gwemu.start(dir.resolve("api.yaml")));
        assertThrows(IllegalArgumentException.class, () -> {
            try (Gwemu other = Gwemu.start(project())) {
                other.baseUrl("nope", "dev");
            }
        });
    }
}
