package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.util.Map;

/**
 * Uses aws-lambda-java-events types (so it needs the fat jar) and reports what the typed event held,
 * proving the runtime deserialised the proxy event with Lambda's event serializers.
 */
public class TypedProxyHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        String body = "{\"resource\":" + RawJson.quote(event.getResource())
                + ",\"path\":" + RawJson.quote(event.getPath())
                + ",\"httpMethod\":" + RawJson.quote(event.getHttpMethod())
                + ",\"requestId\":" + RawJson.quote(requestId)
                + ",\"pathParameters\":" + RawJson.object(event.getPathParameters())
                + ",\"queryStringParameters\":" + RawJson.object(event.getQueryStringParameters())
                + ",\"stageVariables\":" + RawJson.object(event.getStageVariables())
                + ",\"isBase64Encoded\":" + event.getIsBase64Encoded()
                + ",\"body\":" + RawJson.quote(event.getBody())
                + "}";
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json", "X-Handler", "typed"))
                .withBody(body);
    }
}
