package dev.gwemu.model;

import java.util.Map;

/**
 * An HTTP API route's integration from {@code x-amazon-apigateway-integration} (data-plane.md §3).
 *
 * @param type                 AWS_PROXY (a Lambda function) or HTTP_PROXY (a URL)
 * @param uri                  the Lambda invocation URI or ARN, or the backend URL; may hold stage variables
 * @param httpMethod           HTTP_PROXY: the backend method, or ANY to pass the client's on
 * @param payloadFormatVersion AWS_PROXY: "2.0" or "1.0"; HTTP_PROXY: "1.0"
 * @param timeoutMillis        {@code timeoutInMillis}, 50 to 30000, 30000 when absent
 * @param requestParameters    parameter mapping: {@code append:header.x} (etc.) to its value expression
 * @param responseParameters   by backend status code: {@code overwrite:statuscode} (etc.) to its value expression
 * @param integrationSubtype   an AWS service integration's subtype ({@code SQS-SendMessage}, ...), whose
 *                             {@code requestParameters} are then the action's parameters; null for Lambda and HTTP
 * @param credentials          the role ARN API Gateway assumes for an AWS service integration; null for none
 */
public record HttpIntegrationSpec(IntegrationType type, String uri, String httpMethod, String payloadFormatVersion,
                                  int timeoutMillis, Map<String, String> requestParameters,
                                  Map<String, Map<String, String>> responseParameters, String integrationSubtype,
                                  String credentials) {
    public static final int DEFAULT_TIMEOUT_MILLIS = 30_000;

    /** A Lambda or HTTP integration: no subtype, no credentials. */
    public HttpIntegrationSpec(IntegrationType type, String uri, String httpMethod, String payloadFormatVersion,
                               int timeoutMillis, Map<String, String> requestParameters,
                               Map<String, Map<String, String>> responseParameters) {
        this(type, uri, httpMethod, payloadFormatVersion, timeoutMillis, requestParameters, responseParameters, null, null);
    }

    /** Whether this is a first-class AWS service integration (it has an integrationSubtype). */
    public boolean callsAwsService() {
        return integrationSubtype != null;
    }

    public HttpIntegrationSpec {
        requestParameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requestParameters));
        responseParameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(responseParameters));
    }
}
