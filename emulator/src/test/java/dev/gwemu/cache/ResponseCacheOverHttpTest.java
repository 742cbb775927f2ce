package dev.gwemu.cache;

import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stage response cache seen by a client (security-and-operations.md §6). */
class ResponseCacheOverHttpTest {
    @TempDir
    Path dir;

    @Test
    void cachedGetsSkipTheIntegrationKeyedByCacheKeyParametersAndMaxAgeZeroRefreshes() throws Exception {
        String counter = "        type: aws_proxy\n        httpMethod: POST\n        uri: arn:aws:apigateway:us-east-1:lambda:path/"
                + "2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Counter/invocations\n";
        Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.1\ninfo: {title: c, version: '1'}\npaths:\n"
                + "  /shared/{id}:\n    get:\n      responses: {}\n      x-amazon-apigateway-integration:\n" + counter
                + "  /keyed/{id}:\n    get:\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
                + "      responses: {}\n      x-amazon-apigateway-integration:\n" + counter
                + "        cacheKeyParameters: [method.request.path.id]\n"
                + "  /posted:\n    post:\n      responses: {}\n      x-amazon-apigateway-integration:\n" + counter);
        Path api = Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - name: cached
                    definition: openapi.yaml
                    stages:
                      prod:
                        cache: {enabled: true, clusterSize: 0.5, ttlSeconds: 300, requireAuthorizationForCacheControl: false}
                      dev: {}
                functions:
                  Counter: {code: %s, runtime: nodejs20.x, handler: counter.handler}
                """.formatted(TestPaths.TESTDATA.resolve("nodejs")));
        try (RunningGateway gateway = RunningGateway.start(api)) {
            String first = gateway.get("/prod/shared/1").body();
            assertEquals(first, gateway.get("/prod/shared/1").body(), "the second GET is served from the cache");
            assertEquals(first, gateway.get("/prod/shared/2").body(),
                    "path parameters are not in the key unless listed in cacheKeyParameters");

            String one = gateway.get("/prod/keyed/1").body();
            String two = gateway.get("/prod/keyed/2").body();
            assertEquals(false, one.equals(two), "a cacheKeyParameters value makes its own entry");
            assertEquals(one, gateway.get("/prod/keyed/1").body());

            String refreshed = gateway.client().send(HttpRequest.newBuilder(gateway.uri("/prod/shared/1"))
                    .header("Cache-Control", "max-age=0").build(), HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(false, refreshed.equals(first), "max-age=0 invalidates when authorisation is not required");
            assertEquals(refreshed, gateway.get("/prod/shared/1").body(), "and the fresh answer is cached again");

            String post1 = post(gateway, "/prod/posted");
            assertEquals(false, post1.equals(post(gateway, "/prod/posted")), "only GET is cached by the stage setting");
            String dev1 = gateway.get("/dev/shared/1").body();
            assertEquals(false, dev1.equals(gateway.get("/dev/shared/1").body()), "a stage without a cache calls every time");
        }
    }

    private static String post(RunningGateway gateway, String path) throws Exception {
        return gateway.client().send(HttpRequest.newBuilder(gateway.uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
