package dev.gwemu.samples.chat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.gwemu.samples.petstore.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat sample's one function, on every route of the WebSocket API: {@code $connect} joins the room,
 * {@code $disconnect} leaves it, {@code sendmessage} broadcasts to everyone through {@code @connections}, and
 * {@code $default} answers how to talk (its route has a route response).
 *
 * <p>The room is this environment's memory, kept to one environment by {@code reservedConcurrency: 1} (in AWS it
 * would be a DynamoDB table). The callback endpoint is built from the event, as the AWS docs build it:
 * {@code https://{domainName}/{stage}}, which reaches gwemu under {@code gwemu start --tls}. The calls are plain
 * HTTPS POSTs so the jar bundles no AWS SDK; the SDK's {@code ApiGatewayManagementApiClient} works the same way.
 */
public class ChatRoom implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private static final Set<String> MEMBERS = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
        String me = request.getConnectionId();
        switch (request.getRouteKey()) {
            case "$connect" -> MEMBERS.add(me);
            case "$disconnect" -> MEMBERS.remove(me);
            case "sendmessage" -> broadcast(request, me, Json.parseFlatObject(event.getBody()).get("message"));
            default -> {
                return answer("{\"usage\":\"send {\\\"action\\\":\\\"sendmessage\\\",\\\"message\\\":\\\"hello\\\"}\","
                        + "\"members\":" + MEMBERS.size() + "}");
            }
        }
        return answer(null);
    }

    private void broadcast(APIGatewayV2WebSocketEvent.RequestContext request, String from, Object message) {
        String endpoint = "https://" + request.getDomainName() + "/" + request.getStage();
        String text = "{\"from\":" + Json.quote(from) + ",\"message\":" + Json.quote(String.valueOf(message)) + "}";
        for (String member : MEMBERS) {
            HttpRequest post = HttpRequest.newBuilder(URI.create(endpoint + "/@connections/"
                            + URLEncoder.encode(member, StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(text)).build();
            try {
                if (http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode() == 410) {
                    MEMBERS.remove(member); // gone: it left without a $disconnect we saw
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot reach " + endpoint + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static APIGatewayV2WebSocketResponse answer(String body) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        response.setBody(body);
        return response;
    }
}
