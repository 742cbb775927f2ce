package dev.gwemu.httpapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.gwemu.httpapi.http.HttpApiProject.SHOP;
import static dev.gwemu.httpapi.http.HttpApiProject.STAGED;
import static dev.gwemu.httpapi.http.HttpApiProject.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP APIs over HTTP (data-plane.md §3): stages and $default, route priority, the payload 2.0 event and answer
 * shapes, the HTTP API's own errors and headers, CORS, throttling, AWS_IAM routes and an HTTP proxy route, against
 * testdata/httpapi served by a real gwemu and a real backend.
 */
class HttpApiOverHttpTest {
    private static final String NOT_FOUND = "{\"message\":\"Not Found\"}";
    private static final String INTERNAL = "{\"message\":\"Internal Server Error\"}";

    @TempDir
    static Path folder;
    private static HttpApiProject project;
    private static RecordingBackend backend;

    @BeforeAll
    static void start() throws Exception {
        backend = new RecordingBackend();
        project = HttpApiProject.start(folder, backend.url());
    }

    @AfterAll
    static void stop() {
        project.close();
        backend.close();
    }

    // --- stages and routes (§3.1)

    @Test
    void theDefaultStageServesTheRootWithTheWholePath() {
        HttpResponse<String> response = project.get(SHOP, "/pets/7");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode event = json(response);
        assertEquals("$default", event.path("requestContext").path("stage").asText());
        assertEquals("/pets/7", event.path("rawPath").asText());
        assertEquals("GET /pets/{petId}", event.path("routeKey").asText());
        assertEquals("7", event.path("pathParameters").path("petId").asText());
        assertEquals("green", event.path("stageVariables").path("color").asText());
    }

    @Test
    void aFirstSegmentNamingAStageSelectsItAndStaysInRawPath() {
        JsonNode event = json(project.get(SHOP, "/dev/pets/8"));

        assertEquals("dev", event.path("requestContext").path("stage").asText());
        assertEquals("/dev/pets/8", event.path("rawPath").asText());
        assertEquals("/dev/pets/8", event.path("requestContext").path("http").path("path").asText());
        assertEquals("blue", event.path("stageVariables").path("color").asText());
    }

    @Test
    void literalRoutesWinOverParameters() {
        assertEquals("GET /pets/dog/1", json(project.get(SHOP, "/pets/dog/1")).path("routeKey").asText());
        assertEquals("GET /pets/{petId}", json(project.get(SHOP, "/pets/dog")).path("routeKey").asText());
    }

    @Test
    void greedyRoutesTakeTheRestAndDefaultTakesWhatNothingElseDoes() {
        JsonNode files = json(project.send(project.request(SHOP, "/files/a/b%20c.txt").method("DELETE",
                HttpRequest.BodyPublishers.noBody())));
        assertEquals("ANY /files/{proxy+}", files.path("routeKey").asText());
        assertEquals("a/b c.txt", files.path("pathParameters").path("proxy").asText(), "decoded (§3.1)");

        JsonNode fallback = json(project.get(SHOP, "/nothing/here?x=1"));
        assertEquals("$default", fallback.path("routeKey").asText());
        assertEquals("$default", fallback.path("requestContext").path("routeKey").asText());
        assertEquals("/nothing/here", fallback.path("rawPath").asText(), "$default receives the full path");
        assertTrue(fallback.path("pathParameters").isMissingNode());
    }

    @Test
    void noRouteAndNoStageAre404NotFound() {
        HttpResponse<String> noRoute = project.get(STAGED, "/prod/nope");
        assertEquals(404, noRoute.statusCode());
        assertEquals(NOT_FOUND, noRoute.body());
        assertEquals("application/json", noRoute.headers().firstValue("Content-Type").orElse(null));

        HttpResponse<String> noStage = project.get(STAGED, "/hello");
        assertEquals(404, noStage.statusCode());
        assertEquals(NOT_FOUND, noStage.body());

        assertEquals(200, project.get(STAGED, "/prod/hello").statusCode());
    }

    @Test
    void aTrailingSlashIsAnotherPath() {
        assertEquals(404, project.get(STAGED, "/prod/hello/").statusCode());
    }

    // --- the event (§3.2)

    @Test
    void theEventCarriesTheRequestAsPayload20() {
        HttpResponse<String> response = project.send(project.request(SHOP, "/orders?tag=a&tag=b&q=x%20y")
                .header("Content-Type", "application/json")
                .header("Cookie", "session=abc123; theme=dark")
                .header("X-Multi", "one")
                .header("X-Multi", "two")
                .POST(HttpRequest.BodyPublishers.ofString("{\"qty\":2}")));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode event = json(response);
        assertEquals("2.0", event.path("version").asText());
        assertEquals("POST /orders", event.path("routeKey").asText());
        assertEquals("tag=a&tag=b&q=x%20y", event.path("rawQueryString").asText());
        assertEquals("[\"session=abc123\",\"theme=dark\"]", event.path("cookies").toString());
        JsonNode headers = event.path("headers");
        assertEquals("one,two", headers.path("x-multi").asText());
        assertTrue(headers.path("cookie").isMissingNode(), "cookies leave the headers");
        assertEquals("application/json", headers.path("content-type").asText());
        headers.fieldNames().forEachRemaining(name -> assertEquals(name.toLowerCase(), name, "lower-case names"));
        assertEquals("a,b", event.path("queryStringParameters").path("tag").asText());
        assertEquals("x y", event.path("queryStringParameters").path("q").asText());
        assertEquals("{\"qty\":2}", event.path("body").asText());
        assertFalse(event.path("isBase64Encoded").asBoolean());
        JsonNode context = event.path("requestContext");
        assertEquals("123456789012", context.path("accountId").asText());
        assertEquals("h77pshop01", context.path("apiId").asText());
        assertEquals(SHOP, context.path("domainName").asText());
        assertEquals("h77pshop01", context.path("domainPrefix").asText());
        assertEquals("POST", context.path("http").path("method").asText());
        assertEquals("HTTP/1.1", context.path("http").path("protocol").asText());
        assertEquals("127.0.0.1", context.path("http").path("sourceIp").asText());
        assertEquals(HttpApiProject.START.toEpochMilli(), context.path("timeEpoch").asLong());
        assertEquals("25/Nov/2026:12:00:00 +0000", context.path("time").asText());
        assertTrue(context.path("authorizer").isMissingNode(), "no authorizer ran");
        assertEquals(response.headers().firstValue("apigw-requestid").orElse(null), context.path("requestId").asText(),
                "the short id is both requestContext.requestId and apigw-requestid");
    }

    @Test
    void aBinaryBodyIsBase64Encoded() {
        byte[] png = {(byte) 137, 80, 78, 71, 0, 1};
        JsonNode event = json(project.send(project.request(SHOP, "/orders").header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png))));

        assertTrue(event.path("isBase64Encoded").asBoolean());
        assertEquals(Base64.getEncoder().encodeToString(png), event.path("body").asText());
    }

    // --- answers (§3.3)

    @Test
    void answersWithoutStatusCodeBecome200Json() {
        assertAnswer("/shapes/string", 200, "Hello from Lambda!");
        assertAnswer("/shapes/object", 200, "{\"hello\":\"world\",\"n\":1}");
        assertAnswer("/shapes/array", 200, "[1,\"two\"]");
        assertAnswer("/shapes/number", 200, "42");
        assertEquals("application/json", project.get(SHOP, "/shapes/object").headers().firstValue("content-type").orElse(null));
    }

    @Test
    void structuredAnswersSetStatusCookiesAndBinaryBodies() {
        HttpResponse<String> cookies = project.get(SHOP, "/shapes/cookies");
        assertEquals(201, cookies.statusCode());
        assertEquals("made", cookies.body());
        assertEquals(List.of("a=1; Path=/", "b=2; HttpOnly"), cookies.headers().allValues("set-cookie"));
        assertEquals("cookies", cookies.headers().firstValue("x-kind").orElse(null));

        HttpResponse<byte[]> binary;
        try {
            binary = project.gateway.client().send(project.request(SHOP, "/shapes/binary").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(200, binary.statusCode());
        assertEquals("[-119, 80, 78, 71]", java.util.Arrays.toString(binary.body()));

        assertAnswer("/shapes/status", 418, "teapot");
    }

    @Test
    void functionErrorsAndUnusableOutputAre500() {
        assertAnswer("/shapes/crash", 500, INTERNAL);
        assertAnswer("/shapes/garbage", 500, INTERNAL);
    }

    @Test
    void aFunctionPastItsTimeoutIs503() {
        assertAnswer("/slow", 503, "{\"message\":\"Service Unavailable\"}");
    }

    @Test
    void anEventOverLambdasInvokeLimitIs413() {
        HttpResponse<String> response = project.send(project.request(SHOP, "/orders").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("a".repeat(6 * 1024 * 1024 + 1))));

        assertEquals(413, response.statusCode());
        assertEquals("{\"message\":\"Request Entity Too Large\"}", response.body());
    }

    @Test
    void responsesCarryApigwRequestIdAndNoRestIds() {
        HttpResponse<String> ok = project.get(SHOP, "/pets/1");
        HttpResponse<String> missing = project.get(STAGED, "/prod/nope");
        for (HttpResponse<String> response : List.of(ok, missing)) {
            String id = response.headers().firstValue("apigw-requestid").orElse("");
            assertTrue(id.matches("[A-Za-z0-9+/]{15}="), "short request id: " + id);
            assertTrue(response.headers().firstValue("x-amzn-RequestId").isEmpty());
            assertTrue(response.headers().firstValue("x-amz-apigw-id").isEmpty());
            assertTrue(response.headers().firstValue("x-amzn-ErrorType").isEmpty());
        }
    }

    // --- CORS (§3.5)

    @Test
    void preflightsAreAnsweredByTheGatewayWithoutCallingTheFunction() {
        int before = echoCalls();
        HttpResponse<String> preflight = project.send(project.request(SHOP, "/orders")
                .header("Origin", "https://shop.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertEquals(204, preflight.statusCode());
        assertEquals("https://shop.example.com", preflight.headers().firstValue("access-control-allow-origin").orElse(null));
        assertEquals("GET,POST", preflight.headers().firstValue("access-control-allow-methods").orElse(null));
        assertEquals("600", preflight.headers().firstValue("access-control-max-age").orElse(null));
        assertEquals("true", preflight.headers().firstValue("access-control-allow-credentials").orElse(null));
        assertEquals(before + 1, echoCalls(), "only the probe ran the function");
    }

    @Test
    void actualRequestsGetTheConfiguredCorsHeaders() {
        HttpResponse<String> response = project.send(project.request(SHOP, "/pets/3").header("Origin", "https://shop.example.com"));

        assertEquals("https://shop.example.com", response.headers().firstValue("access-control-allow-origin").orElse(null));
        assertEquals("x-echo-calls", response.headers().firstValue("access-control-expose-headers").orElse(null));

        HttpResponse<String> stranger = project.send(project.request(SHOP, "/pets/3").header("Origin", "https://evil.example.com"));
        assertTrue(stranger.headers().firstValue("access-control-allow-origin").isEmpty());
    }

    // --- throttling

    @Test
    void aRouteThrottleAnswers429TooManyRequests() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = project.get(SHOP, "/dev/limited");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                assertEquals("{\"message\":\"Too Many Requests\"}", response.body());
            }
        }
        assertEquals(List.of(200, 200, 429), statuses, "burst 2, almost no refill");
        assertEquals(200, project.get(SHOP, "/limited").statusCode(), "the $default stage has no route setting");
    }

    @Test
    void aStageThrottleCoversEveryRouteOfTheStage() {
        assertEquals(200, project.get(SHOP, "/tight/pets/1").statusCode());
        HttpResponse<String> second = project.get(SHOP, "/tight/orders/x");
        assertEquals(429, second.statusCode(), "another route, the same stage bucket");
        assertEquals("{\"message\":\"Too Many Requests\"}", second.body());
    }

    // --- AWS_IAM

    @Test
    void iamRoutesNeedASignatureOfThisAccount() {
        HttpResponse<String> unsigned = project.get(SHOP, "/admin");
        assertEquals(403, unsigned.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", unsigned.body());

        HttpResponse<String> alice = project.send(signed("/admin", AwsCredentialsIdentity.create("AKIDHTTPAPIALICE1",
                "http-api-alice-secret-0123456789")));
        assertEquals(200, alice.statusCode(), alice.body());
        JsonNode iam = json(alice).path("requestContext").path("authorizer").path("iam");
        assertEquals("AKIDHTTPAPIALICE1", iam.path("accessKey").asText());
        assertEquals("123456789012", iam.path("accountId").asText());
        assertEquals("arn:aws:iam::123456789012:user/alice", iam.path("userArn").asText());
        assertTrue(iam.path("cognitoIdentity").isNull());

        HttpResponse<String> bob = project.send(signed("/admin", AwsCredentialsIdentity.create("AKIDHTTPAPIOTHER1",
                "http-api-other-secret-0123456789")));
        assertEquals(403, bob.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", bob.body());
    }

    // --- HTTP proxy

    @Test
    void anHttpProxyRouteForwardsToTheBackendAndBack() {
        HttpResponse<String> response = project.send(project.request(SHOP, "/dev/backend/items/9?full=true")
                .header("Origin", "https://shop.example.com")
                .header("X-Forwarded-For", "203.0.113.5")
                .PUT(HttpRequest.BodyPublishers.ofString("12345")));

        assertEquals(207, response.statusCode(), response.body());
        assertEquals("backend saw 5 bytes", response.body());
        assertEquals("b-1", response.headers().firstValue("x-backend").orElse(null));
        assertEquals("https://shop.example.com", response.headers().firstValue("access-control-allow-origin").orElse(null),
                "the backend's CORS headers are replaced (§3.5)");
        assertEquals("PUT /items/9?full=true", backend.lastTarget());
        Map<String, List<String>> seen = backend.lastHeaders();
        assertEquals(List.of("for=203.0.113.5, for=127.0.0.1;host=" + SHOP + ";proto=http"), seen.get("Forwarded"));
        assertNull(seen.get("X-forwarded-for"), "X-Forwarded-* become Forwarded");
    }

    @Test
    void anHttpProxyRouteWithoutItsBackendIs500() {
        assertEquals(500, project.get(SHOP, "/backend/x").statusCode(), "the $default stage does not set backend");
    }

    private static void assertAnswer(String path, int status, String body) {
        HttpResponse<String> response = project.get(SHOP, path);
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        assertEquals(body, response.body(), path);
    }

    private static int echoCalls() {
        return Integer.parseInt(project.get(SHOP, "/pets/0").headers().firstValue("X-Echo-Calls").orElseThrow());
    }

    private static HttpRequest.Builder signed(String path, AwsCredentialsIdentity credentials) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("https://" + SHOP + path)).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.request(request)
                .payload(ContentStreamProvider.fromByteArray(new byte[0]))
                .identity(credentials)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(project.clock.instant(), ZoneOffset.UTC))).request();
        HttpRequest.Builder builder = project.request(SHOP, path);
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder;
    }
}
