package dev.gwemu.integration;

import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

/** The {@code AWS} integration type: a Lambda function's invocation, or a call to another AWS service. */
public final class AwsIntegration implements IntegrationHandler {
    private final LambdaIntegration lambda;
    private final AwsServiceIntegration services;

    public AwsIntegration(LambdaIntegration lambda, AwsServiceIntegration services) {
        this.lambda = lambda;
        this.services = services;
    }

    @Override
    public HttpResponse call(Invocation inv) {
        return inv.route().method().integration().callsAwsService() ? services.call(inv) : lambda.call(inv);
    }
}
