package dev.gwemu.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Custom domains: Host routing to base path mappings, two API versions side by side (security-and-operations.md §5.4). */
class CustomDomainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void basePathMappingsServeTwoVersionsAndKeepTheBasePathInTheEvent() throws Exception {
        RunningGateway.requireHandlerJars();
        String lambda = "        type: aws_proxy\n        httpMethod: POST\n        uri: arn:aws:apigateway:us-east-1:lambda:path/"
                + "2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Echo/invocations\n";
        Files.writeString(dir.resolve("v1.yaml"), "openapi: 3.0.1\ninfo: {title: v1, version: '1'}\npaths:\n  /pets/{id}:\n"
                + "    get:\n      responses: {}\n      x-amazon-apigateway-integration:\n" + lambda);
        Files.writeString(dir.resolve("v2.yaml"), "openapi: 3.0.1\ninfo: {title: v2, version: '2'}\npaths:\n  /animals/{id}:\n"
                + "    get:\n      responses: {}\n      x-amazon-apigateway-integration:\n" + lambda);
        Path api = Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - {name: pets-v1, definition: v1.yaml, stages: {prod: {}}}
                  - {name: pets-v2, definition: v2.yaml, stages: {prod: {}, beta: {}}}
                domains:
                  - name: api.example.test
                    basePathMappings:
                      - {basePath: v1, api: pets-v1, stage: prod}
                      - {basePath: v2, api: pets-v2, stage: prod}
                      - {basePath: next, api: pets-v2}
                functions:
                  Echo: {jar: %s, handler: dev.gwemu.testhandlers.EchoEventHandler}
                """.formatted(TestPaths.LEAN_JAR));
        try (RunningGateway gateway = RunningGateway.start(api)) {
            JsonNode v1 = JSON.readTree(gateway.get("/v1/pets/7", "api.example.test").body());
            assertEquals("/v1/pets/7", v1.get("path").asText(), "the event's path keeps the base path [obs]");
            assertEquals("/pets/{id}", v1.get("resource").asText());
            assertEquals("/v1/pets/7", v1.at("/requestContext/path").asText());
            assertEquals("prod", v1.at("/requestContext/stage").asText());
            assertEquals("api", v1.at("/requestContext/domainPrefix").asText());

            JsonNode v2 = JSON.readTree(gateway.get("/v2/animals/8", "api.example.test").body());
            assertEquals("/animals/{id}", v2.get("resource").asText(), "v2 serves the other API");

            JsonNode beta = JSON.readTree(gateway.get("/next/beta/animals/9", "api.example.test").body());
            assertEquals("beta", beta.at("/requestContext/stage").asText(), "a mapping without a stage takes it from the path");

            HttpResponse<String> unmapped = gateway.get("/v3/pets/7", "api.example.test");
            assertEquals(403, unmapped.statusCode());
            assertEquals("{\"message\":\"Forbidden\"}", unmapped.body());
            HttpResponse<String> unknown = gateway.get("/v1/nothing", "api.example.test");
            assertEquals(403, unknown.statusCode());
            assertEquals("{\"message\":\"Missing Authentication Token\"}", unknown.body(),
                    "an unknown resource behind a mapping is the usual Missing Authentication Token");

            JsonNode direct = JSON.readTree(gateway.get("/prod/pets/7").body());
            assertEquals("/pets/7", direct.get("path").asText(), "the default endpoint still serves the stage path");
            assertTrue(direct.at("/requestContext/path").asText().equals("/prod/pets/7"));
        }
    }
}
