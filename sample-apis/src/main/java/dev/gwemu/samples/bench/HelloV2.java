package dev.gwemu.samples.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.Map;

/**
 * GET /hello/{name} of the benchmark's HTTP API (payload 2.0): the same answer as {@link Hello}, through the
 * event and response types an HTTP API handler uses.
 */
public class HelloV2 implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        Map<String, String> pathParameters = request.getPathParameters();
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withBody(Hello.body(pathParameters == null ? null : pathParameters.get("name")))
                .build();
    }
}
