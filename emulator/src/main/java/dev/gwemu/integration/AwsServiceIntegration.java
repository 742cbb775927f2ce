package dev.gwemu.integration;

import dev.gwemu.integration.aws.AwsServiceBackends;
import dev.gwemu.integration.aws.ServiceAnswer;
import dev.gwemu.integration.aws.ServiceCall;
import dev.gwemu.integration.aws.ServiceCallBuilder;
import dev.gwemu.model.Integration;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

import java.util.List;

/**
 * {@code AWS} integrations calling an AWS service (Kinesis, SQS, S3, ...): the integration request is mapped as for
 * any non-proxy integration (parameters, template or passthrough, overrides), built into the request API Gateway
 * sends the service ({@link ServiceCallBuilder}), captured or forwarded as api.yaml says, and the service's status
 * ("200", "400") selects the integration response that maps its answer.
 */
public final class AwsServiceIntegration implements IntegrationHandler {
    private final AwsServiceBackends backends;
    private final BinaryMediaTypes binaryMediaTypes;
    private final IntegrationRequestMapper requests;
    private final IntegrationResponseMapper responses;

    public AwsServiceIntegration(String accountId, BinaryMediaTypes binaryMediaTypes, AwsServiceBackends backends) {
        this.backends = backends;
        this.binaryMediaTypes = binaryMediaTypes;
        this.requests = new IntegrationRequestMapper(accountId, binaryMediaTypes);
        this.responses = new IntegrationResponseMapper(binaryMediaTypes);
    }

    @Override
    public HttpResponse call(Invocation inv) {
        Integration integration = inv.route().method().integration();
        IntegrationRequestMapper.IntegrationRequest request = requests.map(inv);
        ServiceCall call = ServiceCallBuilder.of(integration.uri(), inv.stage().variables())
                .pathValues(request.path())
                .method(integration.httpMethod(), inv.request().method())
                .clientContentType(inv.request().headers().first("Content-Type"))
                .headers(request.headers())
                .query(request.query())
                .body(request.body())
                .credentials(integration.credentials())
                .gateway(inv.api().id(), inv.ids().traceRoot())
                .build();
        ServiceAnswer answer = backends.forService(call.service()).send(call, integration.timeoutMillis());
        List<String> contentType = answer.headers().get("Content-Type");
        boolean binary = contentType != null && !contentType.isEmpty()
                && binaryMediaTypes.matchesContentType(contentType.get(contentType.size() - 1));
        return responses.map(inv, request, Integer.toString(answer.status()), answer.headers(), answer.body(), binary);
    }
}
