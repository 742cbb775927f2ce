package dev.gwemu.config;

import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.WebSocketRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** api.yaml {@code type: WEBSOCKET}: routes written as CloudFormation's Route, checked at load (security-and-operations.md §7.1). */
class WebSocketConfigTest {
    @TempDir
    Path dir;

    private Path project(String api) throws IOException {
        Files.writeString(dir.resolve("chat.js"), "exports.handler = async () => ({statusCode: 200});");
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, """
                apis:
                  - name: chat
                    type: WEBSOCKET
                """ + api + """
                    stages:
                      dev: {variables: {room: lobby}}
                functions:
                  Chat: {runtime: nodejs20.x, code: ., handler: chat.handler}
                """);
        return file;
    }

    @Test
    void routesAndLimitsAreRead() throws Exception {
        Api api = ProjectLoader.load(project("""
                    routeSelectionExpression: $request.body.action
                    idleTimeoutSeconds: 60
                    routes:
                      $connect: {function: Chat}
                      sendmessage: {function: Chat, routeResponseSelectionExpression: $default, timeoutInMillis: 5000}
                """)).project().apis().get(0);

        assertEquals(ApiType.WEBSOCKET, api.type());
        assertEquals(List.of("$connect", "sendmessage"), List.copyOf(api.websocket().routes().keySet()));
        WebSocketRoute send = api.websocket().routes().get("sendmessage");
        assertTrue(send.routeResponse());
        assertEquals(5000, send.timeoutMillis());
        assertTrue(send.integrationUri().endsWith("function:Chat/invocations"));
        assertFalse(api.websocket().routes().get("$connect").routeResponse());
        assertEquals(Duration.ofSeconds(60), api.websocket().idleTimeout());
        assertEquals(Duration.ofHours(2), api.websocket().maxDuration(), "AWS's 2 h by default");
        assertEquals("lobby", api.stages().get("dev").variables().get("room"));
    }

    @Test
    void mistakesFailWithLineAndReason() throws Exception {
        Path file = project("""
                    routeSelectionExpression: "${request.body.action"
                    definition: openapi.yaml
                    routes:
                      $connected: {function: Chat}
                      send: {function: Missing}
                      reply: {function: Chat, routeResponseSelectionExpression: $request.body.kind}
                      both: {function: Chat, mock: {responseTemplate: "{}"}}
                      broken: {mock: {responseTemplate: "#if("}}
                """);
        String message = assertThrows(DefinitionException.class, () -> ProjectLoader.load(file)).getMessage();
        assertTrue(message.contains("/apis/0/routeSelectionExpression"), message);
        assertTrue(message.contains("unknown key 'definition'"), message);
        assertTrue(message.contains("route key '$connected': only $connect, $disconnect and $default may start with $"), message);
        assertTrue(message.contains("route send calls function 'Missing', which api.yaml does not bind"), message);
        assertTrue(message.contains("the only route response API Gateway supports is $default"), message);
        assertTrue(message.contains("route both has one integration: a function or mock"), message);
        assertTrue(message.contains("/apis/0/routes/broken/mock/responseTemplate"), message);
    }

    @Test
    void connectAuthorizersAreRead() throws Exception {
        Api api = ProjectLoader.load(project("""
                    routeSelectionExpression: $request.body.action
                    authorizers:
                      Tokens: {function: Chat, identitySource: [route.request.querystring.token, context.connectionId]}
                      Quick: {function: Chat, identitySource: "route.request.header.Auth, stageVariables.room", authorizerResultTtlInSeconds: 0}
                    routes:
                      $connect: {function: Chat, authorizer: Tokens}
                      sendmessage: {function: Chat}
                """)).project().apis().get(0);

        WebSocketRoute connect = api.websocket().routes().get("$connect");
        assertEquals(dev.gwemu.model.AuthorizationType.CUSTOM, connect.authorization());
        assertEquals("Tokens", connect.authorizer());
        assertEquals(dev.gwemu.model.AuthorizationType.NONE, api.websocket().routes().get("sendmessage").authorization());
        var tokens = api.websocket().authorizers().get("Tokens");
        assertEquals(List.of("route.request.querystring.token", "context.connectionId"), tokens.identitySources());
        assertEquals(300, tokens.resultTtlSeconds(), "REST's default");
        assertTrue(tokens.authorizerUri().endsWith("function:Chat/invocations"));
        var quick = api.websocket().authorizers().get("Quick");
        assertEquals(List.of("route.request.header.Auth", "stageVariables.room"), quick.identitySources());
        assertEquals(0, quick.resultTtlSeconds());
    }

    @Test
    void authorizerMistakesFailWithLineAndReason() throws Exception {
        Path file = project("""
                    routeSelectionExpression: $request.body.action
                    authorizers:
                      Bad: {function: Missing, identitySource: [method.request.header.Auth], authorizerResultTtlInSeconds: 4000}
                      Good: {function: Chat, identitySource: [route.request.header.Auth]}
                    routes:
                      $connect: {function: Chat, authorizer: Nope}
                      send: {function: Chat, authorizer: Good}
                      iam: {function: Chat, authorizationType: AWS_IAM}
                      $default: {function: Chat, authorizationType: JWT}
                """);
        String message = assertThrows(DefinitionException.class, () -> ProjectLoader.load(file)).getMessage();
        assertTrue(message.contains("authorizer Bad calls function 'Missing', which api.yaml does not bind"), message);
        assertTrue(message.contains("'method.request.header.Auth' is not an identity source of a WebSocket API"), message);
        assertTrue(message.contains("authorizerResultTtlInSeconds is from 0 (no caching) to 3600"), message);
        assertTrue(message.contains("route $connect names authorizer 'Nope', which the API's authorizers: do not define"), message);
        assertTrue(message.contains("route send: only the $connect route of a WebSocket API takes authorization"), message);
        assertTrue(message.contains("route iam: only the $connect route"), message);
        assertTrue(message.contains("authorizationType is NONE, AWS_IAM or CUSTOM"), message);
        assertTrue(message.contains("/apis/0/authorizers/Bad"), message);
    }
}
