package com.example.greetings;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.util.Map;

/**
 * The Greeter function behind {@code /hello}: GET greets {@code ?name=} (or the world), POST greets the name sent as
 * the body, with 201, and answers 400 to an empty body.
 */
public class GreetingHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        if ("POST".equals(request.getHttpMethod())) {
            String name = request.getBody() == null ? "" : request.getBody().strip();
            if (name.isEmpty()) {
                return json(400, "{\"error\": \"send a name as the request body\"}");
            }
            return json(201, greeting(name, context));
        }
        Map<String, String> query = request.getQueryStringParameters();
        String name = query == null ? null : query.get("name");
        return json(200, greeting(name == null || name.isBlank() ? "world" : name, context));
    }

    private static String greeting(String name, Context context) {
        return "{\"message\": \"Hello, " + escape(name) + "!\", \"requestId\": \"" + context.getAwsRequestId() + "\"}";
    }

    private static APIGatewayProxyResponseEvent json(int status, String body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
