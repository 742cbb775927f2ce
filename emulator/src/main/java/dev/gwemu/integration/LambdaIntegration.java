package dev.gwemu.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

import java.io.IOException;
import java.util.Map;

/**
 * Non-proxy Lambda ({@code AWS} with a Lambda URI, data-plane.md §2.6, §4): the function gets what
 * the request template makes (the body under passthrough); its result, or its error JSON, goes
 * through the integration responses, selected by the function's {@code errorMessage}. A function
 * error is not a 5xx by itself.
 */
public final class LambdaIntegration implements IntegrationHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lambda's Invoke takes an empty payload as {} (as the CLI and console do) [U for API Gateway's passthrough]. */
    private static final byte[] EMPTY_PAYLOAD = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final LambdaTargets targets;
    private final IntegrationRequestMapper requests;
    private final IntegrationResponseMapper responses;

    public LambdaIntegration(LambdaRuntime runtime, String accountId, BinaryMediaTypes binaryMediaTypes) {
        this.targets = new LambdaTargets(runtime);
        this.requests = new IntegrationRequestMapper(accountId, binaryMediaTypes);
        this.responses = new IntegrationResponseMapper(binaryMediaTypes);
    }

    @Override
    public HttpResponse call(Invocation inv) {
        IntegrationRequestMapper.IntegrationRequest request = requests.map(inv);
        byte[] payload = request.body().length == 0 ? EMPTY_PAYLOAD : request.body();
        InvokeResult result = targets.invoke(inv, payload);
        String selector = result.functionError() ? errorMessage(result.payload()) : "";
        HttpResponse response = responses.map(inv, request, selector, Map.of(), result.payload(), false);
        inv.traced(true);
        return response;
    }

    /** What selection patterns see of a function error: its errorMessage (Lambda's error JSON). */
    private static String errorMessage(byte[] payload) {
        try {
            JsonNode error = JSON.readTree(payload);
            JsonNode message = error == null ? null : error.get("errorMessage");
            return message == null || message.isNull() ? "" : message.asText();
        } catch (IOException e) {
            return "";
        }
    }
}
