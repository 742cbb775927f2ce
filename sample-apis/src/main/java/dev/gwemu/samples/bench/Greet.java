package dev.gwemu.samples.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/**
 * GET /vtl/{name} (scripts/bench's mapping-template row): a non-proxy Lambda function. The request
 * template hands it {@code {"name": "<name>"}}; it answers the same map, which the response template
 * turns back into {@code {"name":"<name>"}}.
 */
public class Greet implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return input;
    }
}
