package dev.gwemu.lambda;

import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A function's jar replaced while gwemu serves: later calls run the new code, and no call fails meanwhile. */
class HotReloadTest {
    @TempDir
    Path dir;

    @Test
    void aReplacedJarServesLaterCallsWithoutAFailedRequest() throws Exception {
        RunningGateway.requireHandlerJars();
        Path jar = dir.resolve("code.jar");
        Files.copy(TestPaths.LEAN_JAR, jar); // without aws-lambda-java-events
        Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /context:\n    get:\n"
                + "      responses: {}\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        httpMethod: POST\n"
                + "        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Fn/invocations\n");
        Path apiYaml = Files.writeString(dir.resolve("api.yaml"), "apis:\n  - name: a\n    definition: openapi.yaml\n    stages: {dev: {}}\n"
                + "functions:\n  Fn: {jar: code.jar, handler: dev.gwemu.testhandlers.ContextHandler}\n");
        try (RunningGateway gateway = RunningGateway.start(apiYaml)) {
            assertTrue(gateway.get("/dev/context").body().contains("\"seesEvents\":false"));

            Path next = dir.resolve("next.jar");
            Files.copy(TestPaths.FAT_JAR, next); // the same handlers, now with aws-lambda-java-events inside
            Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            String body;
            do {
                HttpResponse<String> response = gateway.get("/dev/context");
                assertEquals(200, response.statusCode(), "no call fails during the swap: " + response.body());
                body = response.body();
            } while (!body.contains("\"seesEvents\":true") && System.nanoTime() < deadline);
            assertTrue(body.contains("\"seesEvents\":true"), "the new jar serves within seconds: " + body);
        }
    }

    @Test
    void anEditedJavaScriptFileServesLaterCallsWithoutAFailedRequest() throws Exception {
        Path code = Files.createDirectories(dir.resolve("js"));
        Files.writeString(code.resolve("index.js"), "exports.handler = async () => ({statusCode: 200, body: 'v1'});\n");
        Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /v:\n    get:\n"
                + "      responses: {}\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        httpMethod: POST\n"
                + "        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Fn/invocations\n");
        Path apiYaml = Files.writeString(dir.resolve("api.yaml"), "apis:\n  - name: a\n    definition: openapi.yaml\n    stages: {dev: {}}\n"
                + "functions:\n  Fn: {code: js, runtime: nodejs20.x, handler: index.handler}\n");
        try (RunningGateway gateway = RunningGateway.start(apiYaml)) {
            assertEquals("v1", gateway.get("/dev/v").body());

            Path next = dir.resolve("next.js");
            Files.writeString(next, "const version = 'v' + (1 + 1);\nexports.handler = async () => ({statusCode: 200, body: version});\n");
            Files.move(next, code.resolve("index.js"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            String body;
            do {
                HttpResponse<String> response = gateway.get("/dev/v");
                assertEquals(200, response.statusCode(), "no call fails during the swap: " + response.body());
                body = response.body();
            } while (!body.equals("v2") && System.nanoTime() < deadline);
            assertEquals("v2", body, "the edited file serves within seconds");
        }
    }
}
