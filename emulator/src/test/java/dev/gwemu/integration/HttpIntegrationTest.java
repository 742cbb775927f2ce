package dev.gwemu.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.integration.HttpProxyIntegrationTest.EchoBackend;
import dev.gwemu.integration.HttpProxyIntegrationTest.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.gwemu.integration.HttpProxyIntegrationTest.JSON;
import static dev.gwemu.integration.HttpProxyIntegrationTest.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Non-proxy HTTP through the real gateway against an echo backend (data-plane.md §4, §8). */
class HttpIntegrationTest {
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
        return """
                openapi: 3.0.1
                info: {title: http, version: '1'}
                paths:
                  /items/{id}:
                    get:
                      responses:
                        '200': {description: ok}
                      x-amazon-apigateway-integration:
                        type: http
                        httpMethod: GET
                        uri: http://127.0.0.1:%1$d/items/{id}
                        requestParameters:
                          integration.request.path.id: method.request.path.id
                          integration.request.querystring.search: method.request.querystring.q
                          integration.request.header.X-Mapped: "'literal'"
                          integration.request.header.Accept: "'text/html'"
                          integration.request.header.Via: "'1.1 never-sent'"
                        responses:
                          default: {statusCode: '200'}
                  /submit:
                    post:
                      responses:
                        '200': {description: ok}
                      x-amazon-apigateway-integration:
                        type: http
                        httpMethod: POST
                        uri: http://127.0.0.1:%1$d/submit
                        responses:
                          default: {statusCode: '200'}
                  /get-to-post:
                    get:
                      responses:
                        '200': {description: ok}
                      x-amazon-apigateway-integration:
                        type: http
                        httpMethod: POST
                        uri: http://127.0.0.1:%1$d/get-to-post
                        responses:
                          default: {statusCode: '200'}
                  /backend/{code}:
                    get:
                      responses:
                        '200': {description: ok}
                        '404':
                          description: not found
                          headers:
                            X-From-Backend: {schema: {type: string}}
                      x-amazon-apigateway-integration:
                        type: http
                        httpMethod: GET
                        uri: http://127.0.0.1:%1$d/status/{code}
                        requestParameters:
                          integration.request.path.code: method.request.path.code
                        responses:
                          '404':
                            statusCode: '404'
                            responseParameters:
                              method.response.header.X-From-Backend: integration.response.header.X-Backend
                          default: {statusCode: '200'}
                  /full:
                    get:
                      responses:
                        '200': {description: ok}
                      x-amazon-apigateway-integration:
                        type: http
                        httpMethod: POST
                        uri: http://127.0.0.1:%1$d/full
                        requestParameters:
                          integration.request.header.Accept-Charset: "'UTF-16'"
                          integration.request.header.Age: "'request_params_age'"
                          integration.request.header.Authorization: "'request_params_authorization'"
                          integration.request.header.Content-Encoding: "'compress'"
                          integration.request.header.Content-MD5: "'request_params_Content-MD5'"
                          integration.request.header.Max-Forwards: "'2'"
                          integration.request.header.Pragma: "'no-cache'"
                          integration.request.header.Range: "'bytes=0-499'"
                          integration.request.header.Server: "'https://example.com/page'"
                          integration.request.header.Trailer: "'user-agent'"
                          integration.request.header.User-Agent: "'Override-Agent'"
                          integration.request.header.WWW-Authenticate: "'Basic YWxhZGRpbjpvcGVuc2VzYW1l'"
                          integration.request.header.Connection: "'keep-alive'"
                          integration.request.header.Proxy-Authenticate: "'Basic realm=x'"
                          integration.request.header.TE: "'gzip'"
                          integration.request.header.Via: "'othersite.net'"
                          integration.request.header.Expect: "'200-ok'"
                        responses:
                          default: {statusCode: '200'}
                  /slow:
                    get:
                      responses:
                        '200': {description: ok}
                      x-amazon-apigateway-integration:
                        type: http
                        httpMethod: GET
                        timeoutInMillis: 300
                        uri: http://127.0.0.1:%1$d/delay/3000
                        responses:
                          default: {statusCode: '200'}
                  /refused:
                    get:
                      responses:
                        '200': {description: ok}
                      x-amazon-apigateway-integration:
                        type: http
                        httpMethod: GET
                        uri: http://127.0.0.1:%2$d/
                        responses:
                          default: {statusCode: '200'}
                  /staged:
                    get:
                      responses:
                        '200': {description: ok}
                      x-amazon-apigateway-integration:
                        type: http
                        httpMethod: GET
                        uri: http://127.0.0.1:${stageVariables.port}/${stageVariables.base}/z
                        responses:
                          default: {statusCode: '200'}
                """.formatted(backend.port(), HttpProxyIntegrationTest.closedPort());
    }

    @Test
    void sendsOnlyTheGatewaysHeadersAndTheMappedOnes() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            HttpResponse<String> response = gateway.send(gateway.request("/dev/submit?ignored=1")
                    .header("Content-Type", "text/plain")
                    .header("X-Client", "not forwarded")
                    .header("Cookie", "c=1")
                    .header("User-Agent", "client/1.0")
                    .POST(HttpRequest.BodyPublishers.ofString("the body")).build());

            assertEquals(200, response.statusCode(), response.body());
            JsonNode echo = JSON.readTree(response.body());
            assertEquals("POST", echo.get("method").asText());
            assertEquals("/submit", echo.get("path").asText());
            assertEquals("", echo.get("rawQuery").asText(), "client query parameters are not forwarded [V]");
            assertEquals("the body", echo.get("body").asText(), "no template: the body passes through");
            JsonNode headers = echo.get("headers");
            // §8.2 [V]: exactly these.
            Set<String> names = new TreeSet<>();
            headers.fieldNames().forEachRemaining(names::add);
            assertEquals(Set.of("accept", "content-length", "content-type", "host", "user-agent",
                    "x-amzn-apigateway-api-id", "x-amzn-trace-id"), names);
            assertEquals(List.of("application/json"), strings(headers.get("accept")));
            assertEquals(List.of("text/plain"), strings(headers.get("content-type")));
            assertEquals(List.of("AmazonAPIGateway_httpproxy1"), strings(headers.get("user-agent")));
            assertEquals(List.of("httpproxy1"), strings(headers.get("x-amzn-apigateway-api-id")));
            assertTrue(strings(headers.get("x-amzn-trace-id")).get(0).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}"));
            assertEquals(List.of("8"), strings(headers.get("content-length")));

            // Backend headers are not passed in non-proxy mode [V]; the gateway's defaults are there.
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
            assertFalse(response.headers().firstValue("X-Backend").isPresent());
            assertFalse(response.headers().firstValue("Set-Cookie").isPresent());
            assertFalse(response.headers().firstValue("x-amzn-Remapped-Server").isPresent());
            assertTrue(response.headers().firstValue("X-Amzn-Trace-Id").isPresent(), "HTTP responses carry the trace header [V]");
        }
    }

    @Test
    void fillsTheUriFromMappingsAndSendsOnlyMappedQueryAndHeaders() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            HttpResponse<String> response = gateway.send(gateway.request("/dev/items/a%20b?q=x%20y&other=1")
                    .header("X-Client", "dropped").GET().build());

            assertEquals(200, response.statusCode(), response.body());
            JsonNode echo = JSON.readTree(response.body());
            assertEquals("/items/a%20b", echo.get("path").asText());
            assertEquals("search=x%20y", echo.get("rawQuery").asText());
            JsonNode headers = echo.get("headers");
            assertEquals(List.of("literal"), strings(headers.get("x-mapped")));
            assertEquals(List.of("text/html"), strings(headers.get("accept")), "a mapping replaces the default Accept [V]");
            assertNull(headers.get("x-client"));
            assertNull(headers.get("via"), "a mapped Via is still dropped [V]");
            assertNull(headers.get("content-type"), "no body, no Content-Type");
        }
    }

    @Test
    void mappedHeadersReachTheBackendExceptTheOnesAwsDrops() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            // The header-remapping snapshot, HTTP "full-integration" case [V] (data-plane.md §8.3).
            JsonNode headers = JSON.readTree(gateway.send(gateway.request("/dev/full").GET().build()).body()).get("headers");
            assertEquals(List.of("UTF-16"), strings(headers.get("accept-charset")));
            assertEquals(List.of("request_params_age"), strings(headers.get("age")));
            assertEquals(List.of("request_params_authorization"), strings(headers.get("authorization")));
            assertEquals(List.of("compress"), strings(headers.get("content-encoding")));
            assertEquals(List.of("request_params_Content-MD5"), strings(headers.get("content-md5")));
            assertEquals(List.of("2"), strings(headers.get("max-forwards")));
            assertEquals(List.of("no-cache"), strings(headers.get("pragma")));
            assertEquals(List.of("bytes=0-499"), strings(headers.get("range")));
            assertEquals(List.of("https://example.com/page"), strings(headers.get("server")));
            assertEquals(List.of("user-agent"), strings(headers.get("trailer")));
            assertEquals(List.of("Override-Agent"), strings(headers.get("user-agent")));
            assertEquals(List.of("Basic YWxhZGRpbjpvcGVuc2VzYW1l"), strings(headers.get("www-authenticate")));
            for (String dropped : List.of("proxy-authenticate", "te", "via", "expect")) {
                assertNull(headers.get(dropped), dropped + " is dropped even when mapped [V]");
            }
            // A mapped Connection is dropped for HTTP [V]; java.net.http could not send it anyway (HttpBackend.UNSENDABLE).
        }
    }

    @Test
    void aGetClientToAPostIntegrationSendsPostWithoutTheClientsContentType() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            HttpResponse<String> response = gateway.send(gateway.request("/dev/get-to-post")
                    .header("Content-Type", "application/json").GET().build());

            JsonNode echo = JSON.readTree(response.body());
            assertEquals("POST", echo.get("method").asText());
            assertNull(echo.get("headers").get("content-type"), "header-remapping snapshot, no-param case [V]");
            assertEquals(List.of("0"), strings(echo.get("headers").get("content-length")));
        }
    }

    @Test
    void theBackendStatusSelectsTheIntegrationResponse() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            HttpResponse<String> notFound = gateway.send(gateway.request("/dev/backend/404").GET().build());
            assertEquals(404, notFound.statusCode());
            assertEquals("echo", notFound.headers().firstValue("X-From-Backend").orElse(null),
                    "integration.response.header.* reads the backend's headers");
            assertEquals("/status/404", JSON.readTree(notFound.body()).get("path").asText());

            HttpResponse<String> badRequest = gateway.send(gateway.request("/dev/backend/400").GET().build());
            assertEquals(200, badRequest.statusCode(), "a backend 400 with only a default 200 response is a 200 [V]");

            HttpResponse<String> serverError = gateway.send(gateway.request("/dev/backend/503").GET().build());
            assertEquals(200, serverError.statusCode());
            assertFalse(serverError.headers().firstValue("X-From-Backend").isPresent());
        }
    }

    @Test
    void answers504OnTimeoutWithoutATraceHeader() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            HttpResponse<String> response = gateway.send(gateway.request("/dev/slow").GET().build());
            assertEquals(504, response.statusCode());
            assertEquals("{\"message\": \"Endpoint request timed out\"}", response.body());
            assertFalse(response.headers().firstValue("X-Amzn-Trace-Id").isPresent(), "error responses have no trace header [V]");
        }
    }

    @Test
    void answersTheNetworkErrorStatusWhenTheConnectionIsRefused() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, openapi(), "{}")) {
            HttpResponse<String> response = gateway.send(gateway.request("/dev/refused").GET().build());
            assertEquals(HttpBackend.NETWORK_ERROR_STATUS, response.statusCode());
            assertEquals("{\"message\": \"Internal server error\"}", response.body());
        }
    }

    @Test
    void substitutesStageVariablesInTheUri() throws Exception {
        String stage = "{variables: {port: '" + backend.port() + "', base: 'v2'}}";
        try (TestGateway gateway = TestGateway.start(dir, openapi(), stage)) {
            HttpResponse<String> response = gateway.send(gateway.request("/dev/staged").GET().build());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("/v2/z", JSON.readTree(response.body()).get("path").asText());
        }
    }
}
