package dev.gwemu.samples.petstore;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.util.HashMap;
import java.util.Map;

/** Builds the proxy responses the handlers return: always JSON. */
final class Responses {

    private Responses() {
    }

    static APIGatewayProxyResponseEvent json(int status, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body);
    }

    static APIGatewayProxyResponseEvent error(int status, String message) {
        return json(status, Json.error(message));
    }
}
