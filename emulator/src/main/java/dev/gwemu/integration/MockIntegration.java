package dev.gwemu.integration;

import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code MOCK} (data-plane.md §4.3): no backend. The request template's {@code statusCode} selects
 * the integration response; the client's body comes only from the response template.
 */
public final class MockIntegration implements IntegrationHandler {
    /** Also the relaxed {@code {statusCode: 200}} the CDK's CORS helper writes, which AWS accepts [V]. */
    private static final Pattern STATUS_CODE = Pattern.compile("[\"']?statusCode[\"']?\\s*:\\s*[\"']?(\\d{3})\\b");
    /** With no request template AWS's status source is unclear [U]: the body's statusCode if any, else 200. */
    static final String STATUS_WITHOUT_TEMPLATE = "200";

    private final IntegrationRequestMapper requests;
    private final IntegrationResponseMapper responses;

    public MockIntegration(String accountId, BinaryMediaTypes binaryMediaTypes) {
        this.requests = new IntegrationRequestMapper(accountId, binaryMediaTypes);
        this.responses = new IntegrationResponseMapper(binaryMediaTypes);
    }

    @Override
    public HttpResponse call(Invocation inv) {
        IntegrationRequestMapper.IntegrationRequest request = requests.map(inv);
        String rendered = new String(request.body(), StandardCharsets.UTF_8);
        Matcher status = STATUS_CODE.matcher(rendered);
        String statusCode;
        if (status.find()) {
            statusCode = status.group(1);
        } else if (!request.templated()) {
            statusCode = STATUS_WITHOUT_TEMPLATE;
        } else {
            throw GatewayException.configurationError("Execution failed due to configuration error: "
                    + "the MOCK request template did not render a statusCode: " + rendered);
        }
        return responses.map(inv, request, statusCode, Map.of(), new byte[0], false);
    }
}
