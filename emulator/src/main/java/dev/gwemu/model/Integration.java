package dev.gwemu.model;

/**
 * {@code x-amazon-apigateway-integration} of a method.
 *
 * @param type          the integration type
 * @param uri           the integration URI, possibly with {@code ${stageVariables.x}}
 * @param httpMethod    the method API Gateway uses to call the integration (POST for Lambda)
 * @param timeoutMillis {@code timeoutInMillis}, default 29 000
 */
public record Integration(IntegrationType type, String uri, String httpMethod, int timeoutMillis) {
    public static final int DEFAULT_TIMEOUT_MILLIS = 29_000;
}
