package dev.gwemu.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.model.Canary;
import dev.gwemu.model.Stage;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.RequestIds;
import dev.gwemu.support.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Canary stages (security-and-operations.md §1.4). */
class CanaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void canaryRequestsSeeTheOverridesAndTheFlagOthersDoNot() throws Exception {
        Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.1\ninfo: {title: c, version: '1'}\npaths:\n"
                + "  /which:\n    get:\n      responses: {'200': {description: ok}}\n"
                + "      x-amazon-apigateway-integration:\n        type: mock\n"
                + "        requestTemplates: {application/json: '{\"statusCode\": 200}'}\n"
                + "        responses: {default: {statusCode: '200', responseTemplates: {application/json: "
                + "'{\"canary\": \"$context.isCanaryRequest\", \"color\": \"$stageVariables.color\", \"only\": \"$stageVariables.only\", "
                + "\"deployment\": \"$context.deploymentId\"}'}}}\n");
        Path api = Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - name: app
                    definition: openapi.yaml
                    stages:
                      all:
                        variables: {color: blue}
                        canary: {percentTraffic: 100, stageVariableOverrides: {color: green, only: canary}}
                      none:
                        variables: {color: blue}
                        canary: {percentTraffic: 0, stageVariableOverrides: {color: green}}
                      plain:
                        variables: {color: blue}
                """);
        try (RunningGateway gateway = RunningGateway.start(api)) {
            JsonNode canary = JSON.readTree(gateway.get("/all/which").body());
            assertEquals("true", canary.get("canary").asText());
            assertEquals("green", canary.get("color").asText(), "overrides merge over the stage's variables");
            assertEquals("canary", canary.get("only").asText(), "and may add variables the stage lacks");
            JsonNode base = JSON.readTree(gateway.get("/none/which").body());
            assertEquals("false", base.get("canary").asText(), "a stage with canary settings says false for base traffic");
            assertEquals("blue", base.get("color").asText());
            assertTrue(!canary.get("deployment").asText().equals(base.get("deployment").asText()));
            assertEquals("", JSON.readTree(gateway.get("/plain/which").body()).get("canary").asText(),
                    "a stage without canary settings has no isCanaryRequest");
        }
    }

    @Test
    void aCanaryWithItsOwnDefinitionServesThatCodeToCanaryRequests() throws Exception {
        String mock = "      x-amazon-apigateway-integration:\n        type: mock\n"
                + "        requestTemplates: {application/json: '{\"statusCode\": 200}'}\n"
                + "        responses: {default: {statusCode: '200', responseTemplates: {application/json: '%s'}}}\n";
        Files.writeString(dir.resolve("v1.yaml"), "openapi: 3.0.1\ninfo: {title: c, version: '1'}\npaths:\n"
                + "  /version:\n    get:\n      responses: {'200': {description: ok}}\n" + mock.formatted("v1"));
        Files.writeString(dir.resolve("v2.yaml"), "openapi: 3.0.1\ninfo: {title: c, version: '2'}\npaths:\n"
                + "  /version:\n    get:\n      responses: {'200': {description: ok}}\n" + mock.formatted("v2")
                + "  /new:\n    get:\n      responses: {'200': {description: ok}}\n" + mock.formatted("only in v2"));
        Path api = Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - name: app
                    definition: v1.yaml
                    stages:
                      rollout: {canary: {percentTraffic: 100, definition: v2.yaml}}
                      held: {canary: {percentTraffic: 0, definition: v2.yaml}}
                """);
        try (RunningGateway gateway = RunningGateway.start(api)) {
            assertEquals("v2", gateway.get("/rollout/version").body(), "canary requests run the canary's code");
            assertEquals("only in v2", gateway.get("/rollout/new").body());
            assertEquals("v1", gateway.get("/held/version").body(), "base traffic runs the stage's");
            assertEquals(403, gateway.get("/held/new").statusCode(), "a resource only the canary has is unknown to base traffic");
        }
    }

    @Test
    void aSeededDrawSendsThePercentageAndRepeats() {
        Stage stage = new Stage("prod", "d00001", Map.of("v", "base"), null, Map.of(), null,
                new Canary(25, Map.of("v", "canary"), "c00001", false));
        assertEquals(draw(stage, 42), draw(stage, 42), "the same seed, the same choices");
        int canaries = draw(stage, 7);
        assertTrue(canaries > 200 && canaries < 300, "about 25% of 1000: " + canaries);
    }

    private static int draw(Stage stage, long seed) {
        CanaryRouter router = new CanaryRouter(new Random(seed));
        int canaries = 0;
        for (int i = 0; i < 1000; i++) {
            Invocation inv = new Invocation(new HttpRequest("GET", "/prod/x", "", new HeaderList(), new byte[0], "127.0.0.1",
                    "HTTP/1.1", "http", 3000), RequestIds.create(Instant.EPOCH, null), null, stage, "/x", "/prod/x");
            router.route(inv);
            if (inv.canaryRequest()) {
                canaries++;
                assertEquals("canary", inv.stage().variables().get("v"));
            }
        }
        return canaries;
    }
}
