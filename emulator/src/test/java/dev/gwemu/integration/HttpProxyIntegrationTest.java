package dev.gwemu.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.Gateway;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.server.GatewayServer;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP_PROXY through the real gateway against an echo backend (data-plane.md §8, §6.4). */
class HttpProxyIntegrationTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static EchoBackend backend;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBackend() {
        backend = EchoBackend.start();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    private String openapi() {
        int port = backend.port();
        return """
                openapi: 3.0.1
                info: {title: proxy, version: '1'}
                paths:
                  /things/{proxy+}:
                    x-amazon-apigateway-any-method:
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        httpMethod: ANY
                        uri: http://127.0.0.1:%1$d/base/{proxy}
                        requestParameters:
                          integration.request.path.proxy: method.request.path.proxy
                  /{pathVariable}:
                    post:
                      responses: {}
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        httpMethod: POST
                        uri: http://127.0.0.1:%1$d/echo?testVar={pathVar}&testQs={qsVar}
                        requestParameters:
                          integration.request.header.headerVar: method.request.header.foobar
                          integration.request.path.qsVar: method.request.querystring.testVar
                          integration.request.path.pathVar: method.request.path.pathVariable
                          integration.request.querystring.queryString: method.request.querystring.testQueryString
                          integration.request.querystring.testQs: method.request.querystring.testQueryString
                          integration.request.querystring.testEmptyQs: method.request.header.emptyheader
                  /post-only:
                    get:
                      responses: {}
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        httpMethod: POST
                        uri: http://127.0.0.1:%1$d/post-only
                  /get-only:
                    post:
                      responses: {}
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        httpMethod: GET
                        uri: http://127.0.0.1:%1$d/get-only
                  /slow:
                    get:
                      responses: {}
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        httpMethod: GET
                        timeoutInMillis: 300
                        uri: http://127.0.0.1:%1$d/delay/3000
                  /refused:
                    get:
                      responses: {}
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        httpMethod: GET
                        uri: http://127.0.0.1:%2$d/nobody-listens
                  /staged:
                    get:
                      responses: {}
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        httpMethod: GET
                        uri: http://${stageVariables.host}:${stageVariables.port}/${stageVariables.base}/x${stageVariables.unset}/y
                  /mapped-length:
                    get:
                      responses: {}
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        httpMethod: GET
                        uri: http://127.0.0.1:%1$d/x
                        requestParameters:
                          integration.request.header.Content-Length: "'0'"
                """.formatted(port, closedPort());
    }

    @Test
    void passesStatusBodyAndHeadersThroughRemappingReservedOnes() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            HttpResponse<String> response = gateway.send(gateway.request("/dev/things/status/404").GET().build());

            assertEquals(404, response.statusCode(), "a backend 404 reaches the client [V]");
            JsonNode echo = JSON.readTree(response.body());
            assertEquals("/base/status/404", echo.get("path").asText());
            assertEquals("application/vnd.echo+json", response.headers().firstValue("Content-Type").orElse(null));
            assertEquals("echo", response.headers().firstValue("X-Backend").orElse(null));
            assertEquals(List.of("a=1", "b=2"), response.headers().allValues("Set-Cookie"), "every value of a repeated header");
            // §6.4 [V]: reserved names renamed, the gateway's own values under the names.
            assertEquals("echo-backend/1.0", response.headers().firstValue("x-amzn-Remapped-Server").orElse(null));
            assertEquals("backend-request-id", response.headers().firstValue("x-amzn-Remapped-x-amzn-RequestId").orElse(null));
            assertEquals(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length),
                    response.headers().firstValue("x-amzn-Remapped-Content-Length").orElse(null));
            assertTrue(response.headers().firstValue("x-amzn-Remapped-Date").isPresent());
            assertTrue(response.headers().firstValue("Date").isPresent(), "the gateway's own Date");
            assertNotEquals("backend-request-id", response.headers().firstValue("x-amzn-RequestId").orElse(null));
            assertTrue(response.headers().firstValue("x-amzn-RequestId").orElseThrow().matches("[0-9a-f-]{36}"));
            assertFalse(response.headers().firstValue("Via").isPresent(), "Via is dropped for HTTP_PROXY [D]");
            assertFalse(response.headers().firstValue("X-Amzn-Trace-Id").isPresent(), "no trace header for HTTP_PROXY [V]");
        }
    }

    @Test
    void insertsTheGreedyPathAsCapturedAndForwardsEveryQueryValue() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            HttpResponse<String> response = gateway.send(gateway.request(
                    "/dev/things/a/b%20c/d%2Fe/caf%C3%A9?x=1&x=2&sp=a%20b&plus=a+b&amp=%26&flag").GET().build());

            assertEquals(200, response.statusCode(), response.body());
            JsonNode echo = JSON.readTree(response.body());
            assertEquals("/base/a/b%20c/d%2Fe/caf%C3%A9", echo.get("path").asText(), "percent-encoding and slashes kept [E]");
            JsonNode query = echo.get("query");
            assertEquals(List.of("1", "2"), strings(query.get("x")));
            assertEquals(List.of("a b"), strings(query.get("sp")));
            assertEquals(List.of("a b"), strings(query.get("plus")), "'+' is a space in a query, re-encoded as %20");
            assertEquals(List.of("&"), strings(query.get("amp")));
            assertEquals(List.of(""), strings(query.get("flag")));
            assertEquals("x=1&x=2&sp=a%20b&plus=a%20b&amp=%26&flag=", echo.get("rawQuery").asText());
        }
    }

    @Test
    void accumulatesUriClientAndMappedQueryParametersAndMappedHeadersReplaceTheClients() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            // data-plane.md §8.1 [V]: test_http_proxy_integration_request_data_mappings
            HttpResponse<String> response = gateway.send(gateway.request("/dev/foobar?testQueryString=foo&testVar=bar")
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("foobar", "mapped-value")
                    .header("User-Agent", "test/integration")
                    .header("headerVar", "request-value")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"hello world\"}")).build());

            assertEquals(200, response.statusCode(), response.body());
            JsonNode echo = JSON.readTree(response.body());
            JsonNode query = echo.get("query");
            assertEquals(List.of("foobar", "bar"), strings(query.get("testVar")));
            assertEquals(List.of("bar", "foo"), strings(query.get("testQs")));
            assertEquals(List.of("foo"), strings(query.get("testQueryString")));
            assertEquals(List.of("foo"), strings(query.get("queryString")));
            assertNull(query.get("testEmptyQs"), "a mapping whose source is missing adds nothing [V]");
            assertEquals(4, query.size());

            JsonNode headers = echo.get("headers");
            assertEquals(List.of("mapped-value"), strings(headers.get("headervar")), "the mapping replaced the client's header [V]");
            assertEquals(List.of("mapped-value"), strings(headers.get("foobar")));
            assertEquals(List.of("test/integration"), strings(headers.get("user-agent")));
            assertEquals(List.of("application/json"), strings(headers.get("content-type")));
            assertEquals("POST", echo.get("method").asText());
            assertEquals("{\"message\": \"hello world\"}", echo.get("body").asText());
        }
    }

    @Test
    void forwardsClientHeadersLessTheDroppedOnesPlusTheGatewaysOwn() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            HttpResponse<String> response = gateway.send(gateway.request("/dev/things/h")
                    .header("X-Multi", "a")
                    .header("X-Multi", "b")
                    .header("Authorization", "Bearer token")
                    .header("Cookie", "c=1")
                    .header("Date", "request-date")
                    .header("Content-Encoding", "identity")
                    .header("Content-MD5", "abc")
                    .header("Max-Forwards", "3")
                    .header("Server", "client")
                    .header("TE", "trailers")
                    .header("Trailer", "Expires")
                    .header("Via", "1.1 client-proxy")
                    .header("WWW-Authenticate", "Basic")
                    .header("Proxy-Authenticate", "Basic")
                    .header("X-Amzn-Apigateway-Api-Id", "spoofed")
                    .header("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
                    .GET().build());

            assertEquals(200, response.statusCode(), response.body());
            JsonNode headers = JSON.readTree(response.body()).get("headers");
            assertEquals(List.of("a,b"), strings(headers.get("x-multi")), "repeated client headers joined with ',' [E]");
            assertEquals(List.of("Bearer token"), strings(headers.get("authorization")));
            assertEquals(List.of("c=1"), strings(headers.get("cookie")));
            assertEquals(List.of("request-date"), strings(headers.get("date")));
            assertEquals(List.of("application/json"), strings(headers.get("accept")), "Accept defaulted [E]");
            assertEquals(List.of("127.0.0.1:" + backend.port()), strings(headers.get("host")), "Host is the backend's");
            assertEquals(List.of("httpproxy1"), strings(headers.get("x-amzn-apigateway-api-id")));
            assertEquals(List.of("Root=1-5759e988-bd862e3fe1be46a994272793"), strings(headers.get("x-amzn-trace-id")),
                    "the caller's trace root is kept [V]");
            for (String dropped : List.of("content-encoding", "content-md5", "max-forwards", "server", "te", "trailer",
                    "via", "www-authenticate", "proxy-authenticate", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-port")) {
                assertNull(headers.get(dropped), dropped + " does not reach the backend [V]");
            }
        }
    }

    @Test
    void usesTheIntegrationMethodAndSendsNoBodyWithGet() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            // httpMethod POST called with GET sends POST with the body [V] (test_http_integration_method)
            JsonNode post = JSON.readTree(gateway.send(gateway.request("/dev/post-only")
                    .method("GET", HttpRequest.BodyPublishers.ofString("payload")).build()).body());
            assertEquals("POST", post.get("method").asText());
            assertEquals("payload", post.get("body").asText());

            JsonNode get = JSON.readTree(gateway.send(gateway.request("/dev/get-only")
                    .POST(HttpRequest.BodyPublishers.ofString("payload")).build()).body());
            assertEquals("GET", get.get("method").asText());
            assertEquals("", get.get("body").asText(), "GET carries no body [E]");

            JsonNode any = JSON.readTree(gateway.send(gateway.request("/dev/things/x")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("patch")).build()).body());
            assertEquals("PATCH", any.get("method").asText(), "ANY: the client's method [E]");
            assertEquals("patch", any.get("body").asText());
        }
    }

    @Test
    void returnsRedirectsWithoutFollowingThem() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            HttpResponse<String> response = gateway.send(gateway.request("/dev/things/redirect").GET().build());
            assertEquals(302, response.statusCode());
            assertEquals("/elsewhere", response.headers().firstValue("Location").orElse(null));
        }
    }

    @Test
    void answers504WhenTheBackendIsSlowerThanTheTimeout() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            long start = System.nanoTime();
            HttpResponse<String> response = gateway.send(gateway.request("/dev/slow").GET().build());
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(504, response.statusCode());
            assertEquals("{\"message\": \"Endpoint request timed out\"}", response.body());
            assertEquals("InternalServerErrorException", response.headers().firstValue("x-amzn-ErrorType").orElse(null));
            assertTrue(millis < 2500, "answered at the integration timeout, not when the backend finished: " + millis + " ms");
        }
    }

    @Test
    void answers500WhenTheConnectionIsRefused() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            HttpResponse<String> response = gateway.send(gateway.request("/dev/refused").GET().build());
            assertEquals(HttpBackend.NETWORK_ERROR_STATUS, response.statusCode());
            assertEquals("{\"message\": \"Internal server error\"}", response.body());
            assertEquals("InternalServerErrorException", response.headers().firstValue("x-amzn-ErrorType").orElse(null));
        }
    }

    @Test
    void substitutesStageVariablesAnywhereInTheUri() throws Exception {
        String stage = "{variables: {host: '127.0.0.1', port: '" + backend.port() + "', base: 'from-stage'}}";
        try (TestGateway gateway = TestGateway.start(dir, openapi(), stage)) {
            HttpResponse<String> response = gateway.send(gateway.request("/dev/staged").GET().build());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("/from-stage/x/y", JSON.readTree(response.body()).get("path").asText(), "an unknown variable is \"\"");
        }
    }

    @Test
    void aMappedContentLengthFailsEveryCallWith500() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            HttpResponse<String> response = gateway.send(gateway.request("/dev/mapped-length").GET().build());
            assertEquals(500, response.statusCode());
            assertEquals("{\"message\": \"Internal server error\"}", response.body());
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    /** A port nothing listens on (bound, then released). */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * gwemu serving one API from a temp-dir project: api.yaml with stage dev, and the given OpenAPI text. Started
     * without RunningGateway because that insists on the Lambda test jars, which these projects do not use.
     */
    static final class TestGateway implements AutoCloseable {
        final GatewayServer server;
        final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private TestGateway(GatewayServer server) {
            this.server = server;
        }

        /** @param devStage the YAML of the dev stage, e.g. {@code {variables: {a: b}}} */
        static TestGateway start(Path dir, String openapi, String devStage) throws Exception {
            Files.writeString(dir.resolve("openapi.yaml"), openapi);
            Path apiYaml = Files.writeString(dir.resolve("api.yaml"), "apis:\n  - name: h\n    id: httpproxy1\n"
                    // REGIONAL, as the header snapshots were measured (data-plane.md §8.2): no CloudFront headers
                    + "    definition: openapi.yaml\n    endpointType: REGIONAL\n    stages:\n      dev: " + devStage + "\n");
            Gateway gateway = Gateway.create(ProjectLoader.load(apiYaml).project(), Clock.systemUTC(), null);
            return new TestGateway(GatewayServer.start(gateway, "127.0.0.1", 0));
        }

        HttpRequest.Builder request(String pathAndQuery) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                    .timeout(Duration.ofSeconds(20));
        }

        HttpResponse<String> send(HttpRequest request) throws Exception {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /**
     * An HTTP backend that answers every request with what it received as JSON: method, raw path, raw query, the
     * query parameters (decoded, every value), headers (lower-case names, every value) and body. The path says how:
     * {@code .../status/NNN} answers with that status, {@code .../delay/MS} waits first, {@code .../redirect} is a 302.
     * Every answer carries Server, x-amzn-RequestId, Via, X-Backend and two Set-Cookie headers.
     */
    static final class EchoBackend implements AutoCloseable {
        private final Undertow server;
        private final int port;

        private EchoBackend(Undertow server, int port) {
            this.server = server;
            this.port = port;
        }

        static EchoBackend start() {
            Undertow server = Undertow.builder()
                    .addHttpListener(0, "127.0.0.1")
                    .setServerOption(UndertowOptions.DECODE_URL, false)
                    .setServerOption(UndertowOptions.ALLOW_ENCODED_SLASH, true)
                    .setHandler(EchoBackend::handle)
                    .build();
            server.start();
            int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
            return new EchoBackend(server, port);
        }

        int port() {
            return port;
        }

        private static void handle(HttpServerExchange exchange) throws Exception {
            if (exchange.isInIoThread()) {
                exchange.dispatch(EchoBackend::handle);
                return;
            }
            exchange.startBlocking();
            byte[] body;
            try (InputStream in = exchange.getInputStream()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI();
            int status = 200;
            List<String> segments = List.of(path.split("/"));
            int at = segments.indexOf("status");
            if (at >= 0 && at + 1 < segments.size()) {
                status = Integer.parseInt(segments.get(at + 1));
            }
            at = segments.indexOf("delay");
            if (at >= 0 && at + 1 < segments.size()) {
                Thread.sleep(Long.parseLong(segments.get(at + 1)));
                if (exchange.isResponseStarted() || !exchange.getConnection().isOpen()) {
                    return; // the gateway gave up waiting and closed the connection
                }
            }
            if (segments.contains("redirect")) {
                status = 302;
                exchange.getResponseHeaders().put(HttpString.tryFromString("Location"), "/elsewhere");
            }

            ObjectNode echo = JSON.createObjectNode();
            echo.put("method", exchange.getRequestMethod().toString());
            echo.put("path", path);
            echo.put("rawQuery", exchange.getQueryString());
            ObjectNode query = echo.putObject("query");
            exchange.getQueryParameters().forEach((name, values) -> {
                ArrayNode list = query.putArray(decode(name));
                values.forEach(v -> list.add(decode(v)));
            });
            Map<String, List<String>> headers = new TreeMap<>();
            for (HeaderValues values : exchange.getRequestHeaders()) {
                headers.computeIfAbsent(values.getHeaderName().toString().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .addAll(values);
            }
            ObjectNode headerNode = echo.putObject("headers");
            headers.forEach((name, values) -> {
                ArrayNode list = headerNode.putArray(name);
                values.forEach(list::add);
            });
            echo.put("body", new String(body, StandardCharsets.UTF_8));

            exchange.setStatusCode(status);
            var out = exchange.getResponseHeaders();
            out.put(HttpString.tryFromString("Content-Type"), "application/vnd.echo+json");
            out.put(HttpString.tryFromString("Server"), "echo-backend/1.0");
            out.put(HttpString.tryFromString("x-amzn-RequestId"), "backend-request-id");
            out.put(HttpString.tryFromString("Via"), "1.1 backend-proxy");
            out.put(HttpString.tryFromString("X-Backend"), "echo");
            out.add(HttpString.tryFromString("Set-Cookie"), "a=1");
            out.add(HttpString.tryFromString("Set-Cookie"), "b=2");
            exchange.getResponseSender().send(ByteBuffer.wrap(JSON.writeValueAsBytes(echo)));
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    /** Undertow leaves query parameters encoded when DECODE_URL is off. */
    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
