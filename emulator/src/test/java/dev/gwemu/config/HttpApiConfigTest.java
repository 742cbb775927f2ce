package dev.gwemu.config;

import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.EndpointType;
import dev.gwemu.model.HttpAuthorizerSpec;
import dev.gwemu.model.HttpRoute;
import dev.gwemu.model.IntegrationType;
import dev.gwemu.model.RouteAuthorization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** api.yaml {@code type: HTTP} and the HTTP API import of an OpenAPI definition (data-plane.md §3; §8.1). */
class HttpApiConfigTest {
    @TempDir
    Path dir;

    private static final String LAMBDA = """
            x-amazon-apigateway-integration:
                    type: aws_proxy
                    uri: arn:aws:lambda:us-east-1:123456789012:function:Echo
                    payloadFormatVersion: "2.0"
            """;

    private Path project(String stages, String definition) throws IOException {
        Files.writeString(dir.resolve("echo.js"), "exports.handler = async () => ({statusCode: 200});");
        Files.writeString(dir.resolve("openapi.yaml"), definition);
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, """
                apis:
                  - name: shop
                    type: HTTP
                    definition: openapi.yaml
                    stages:
                """ + stages + """
                functions:
                  Echo: {runtime: nodejs20.x, code: ., handler: echo.handler}
                """);
        return file;
    }

    private Api load(String stages, String definition) throws Exception {
        return ProjectLoader.load(project(stages, definition)).project().apis().get(0);
    }

    private String error(String stages, String definition) throws IOException {
        Path file = project(stages, definition);
        DefinitionException e = assertThrows(DefinitionException.class, () -> ProjectLoader.load(file));
        return e.getMessage();
    }

    private static String paths(String body) {
        return "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n" + body;
    }

    @Test
    void routesIntegrationsAndTheDefaultRouteAreRead() throws Exception {
        Api api = load("      $default: {}\n      dev: {variables: {a: b}}\n", paths("""
                  /pets/{id}:
                    get:
                      operationId: getPet
                      %s
                  /$default:
                    x-amazon-apigateway-any-method:
                      isDefaultRoute: true
                      %s
                  /proxy/{proxy+}:
                    x-amazon-apigateway-any-method:
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        uri: https://example.com/{proxy}
                        timeoutInMillis: 5000
                """.formatted(LAMBDA.strip(), LAMBDA.strip())));

        assertEquals(ApiType.HTTP, api.type());
        assertEquals(EndpointType.REGIONAL, api.endpointType());
        assertEquals(List.of("$default", "dev"), List.copyOf(api.stages().keySet()));
        List<HttpRoute> routes = api.http().routes();
        assertEquals(List.of("GET /pets/{id}", "$default", "ANY /proxy/{proxy+}"), routes.stream().map(HttpRoute::routeKey).toList());
        HttpRoute pet = routes.get(0);
        assertEquals("getPet", pet.operationId());
        assertEquals(IntegrationType.AWS_PROXY, pet.integration().type());
        assertEquals("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Echo/invocations",
                pet.integration().uri(), "a bare function ARN becomes the invocation URI");
        assertEquals("2.0", pet.integration().payloadFormatVersion());
        assertEquals(30_000, pet.integration().timeoutMillis());
        assertEquals(RouteAuthorization.NONE, pet.authorization());
        HttpRoute proxy = routes.get(2);
        assertEquals(IntegrationType.HTTP_PROXY, proxy.integration().type());
        assertEquals("ANY", proxy.integration().httpMethod());
        assertEquals("1.0", proxy.integration().payloadFormatVersion());
        assertEquals(5000, proxy.integration().timeoutMillis());
        assertNull(api.http().cors());
    }

    @Test
    void authorizersAndScopesAreRead() throws Exception {
        Api api = load("      $default: {}\n", """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                components:
                  securitySchemes:
                    jwt:
                      type: oauth2
                      flows: {}
                      x-amazon-apigateway-authorizer:
                        type: jwt
                        jwtConfiguration:
                          issuer: https://issuer.example.com
                          audience: [api1, api2]
                    gate:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authorizer:
                        type: request
                        identitySource: "$request.header.Authorization, $request.querystring.token"
                        authorizerUri: arn:aws:lambda:us-east-1:123456789012:function:Echo
                        authorizerPayloadFormatVersion: "2.0"
                        enableSimpleResponses: true
                        authorizerResultTtlInSeconds: 60
                    sigv4:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authtype: awsSigv4
                paths:
                  /a:
                    get:
                      security: [{jwt: [orders/read, orders/write]}]
                      %s
                  /b:
                    get:
                      security: [{gate: []}]
                      %s
                  /c:
                    get:
                      security: [{sigv4: []}]
                      %s
                """.formatted(LAMBDA.strip(), LAMBDA.strip(), LAMBDA.strip()));

        List<HttpRoute> routes = api.http().routes();
        RouteAuthorization jwt = routes.get(0).authorization();
        assertEquals(RouteAuthorization.Type.JWT, jwt.type());
        assertEquals(List.of("orders/read", "orders/write"), jwt.scopes());
        assertEquals("https://issuer.example.com", jwt.authorizer().issuer());
        assertEquals(List.of("api1", "api2"), jwt.authorizer().audience());
        assertEquals(List.of("$request.header.Authorization"), jwt.authorizer().identitySources(), "the default source");
        HttpAuthorizerSpec gate = routes.get(1).authorization().authorizer();
        assertEquals(RouteAuthorization.Type.CUSTOM, routes.get(1).authorization().type());
        assertEquals(List.of("$request.header.Authorization", "$request.querystring.token"), gate.identitySources());
        assertEquals("2.0", gate.payloadFormatVersion());
        assertTrue(gate.simpleResponses());
        assertEquals(60, gate.resultTtlSeconds());
        assertTrue(gate.authorizerUri().endsWith("function:Echo/invocations"));
        assertEquals(RouteAuthorization.Type.AWS_IAM, routes.get(2).authorization().type());
    }

    @Test
    void corsIsRead() throws Exception {
        Api api = load("      $default: {}\n", "x-amazon-apigateway-cors:\n  allowOrigins: ['*']\n  maxAge: 30\n"
                + paths("  /a:\n    get:\n      " + LAMBDA.strip() + "\n"));
        assertEquals(List.of("*"), api.http().cors().allowOrigins());
        assertEquals(30, api.http().cors().maxAge());
    }

    @Test
    void badDefinitionsFailWithFileLineAndReason() throws Exception {
        String noVersion = error("      $default: {}\n", paths("""
                  /a:
                    get:
                      x-amazon-apigateway-integration:
                        type: aws_proxy
                        uri: arn:aws:lambda:us-east-1:123456789012:function:Echo
                """));
        assertTrue(noVersion.contains("openapi.yaml:6:") && noVersion.contains("payloadFormatVersion is required"), noVersion);

        String mock = error("      $default: {}\n", paths("  /a:\n    get:\n      x-amazon-apigateway-integration: {type: mock}\n"));
        assertTrue(mock.contains("an HTTP API integration is aws_proxy (Lambda, or an AWS service with integrationSubtype) or http_proxy, got 'mock'"), mock);

        String same = error("      $default: {}\n", paths("  /a/{x}:\n    get:\n      " + LAMBDA.strip() + "\n"
                + "  /a/{y}:\n    get:\n      " + LAMBDA.strip() + "\n"));
        assertTrue(same.contains("are the same route"), same);

        String unbound = error("      $default: {}\n", paths("""
                  /a:
                    get:
                      x-amazon-apigateway-integration:
                        type: aws_proxy
                        uri: arn:aws:lambda:us-east-1:123456789012:function:Missing
                        payloadFormatVersion: "1.0"
                """));
        assertTrue(unbound.contains("/paths/~1a/get/x-amazon-apigateway-integration/uri")
                && unbound.contains("calls function 'Missing', which api.yaml does not bind"), unbound);

        String noRoute = error("      dev:\n        routeSettings:\n          \"GET /b\": {throttle: {burstLimit: 1, rateLimit: 1}}\n",
                paths("  /a:\n    get:\n      " + LAMBDA.strip() + "\n"));
        assertTrue(noRoute.contains("'GET /b' is not a route of API shop"), noRoute);

        String badAuthorizer = error("      $default: {}\n", """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                components:
                  securitySchemes:
                    gate:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authorizer:
                        type: request
                        authorizerUri: arn:aws:lambda:us-east-1:123456789012:function:Echo
                        authorizerResultTtlInSeconds: 60
                paths: {}
                """);
        assertTrue(badAuthorizer.contains("authorizerPayloadFormatVersion is required"), badAuthorizer);
        assertTrue(badAuthorizer.contains("caching (authorizerResultTtlInSeconds > 0) needs at least one identity source"),
                badAuthorizer);
    }

    @Test
    void restSettingsOnAnHttpApiAreRefused() throws Exception {
        Files.writeString(dir.resolve("openapi.yaml"), paths("  /a:\n    get:\n      " + LAMBDA.strip() + "\n"));
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, """
                apis:
                  - name: shop
                    type: HTTP
                    definition: openapi.yaml
                    endpointType: EDGE
                    stages:
                      dev: {cache: {enabled: true}}
                """);
        String message = assertThrows(DefinitionException.class, () -> ProjectLoader.load(file)).getMessage();
        assertTrue(message.contains("endpointType is a REST API setting"), message);
        assertTrue(message.contains("/apis/0/stages/dev"), message);
    }

    @Test
    void theDefaultStageBelongsToHttpApis() throws Exception {
        Files.writeString(dir.resolve("openapi.yaml"), paths("  /a:\n    get:\n      x-amazon-apigateway-integration: {type: mock}\n"));
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, "apis:\n  - name: rest\n    definition: openapi.yaml\n    stages:\n      $default: {}\n");
        String message = assertThrows(DefinitionException.class, () -> ProjectLoader.load(file)).getMessage();
        assertTrue(message.contains("stage name '$default' may contain only letters"), message);
    }
}
