package dev.gwemu.model;

import dev.gwemu.validation.RequestValidator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A method of a resource.
 *
 * @param httpMethod        GET, POST, ... or ANY
 * @param operationName     the OpenAPI operationId, or null
 * @param integration       what the method calls
 * @param requestParameters {@code method.request.{path|querystring|header}.NAME} to whether it is required
 * @param validator         the request validation this method runs, or null for none
 * @param responses         method responses by status code
 * @param apiKeyRequired    whether a request needs an API key of a usage plan of its stage
 * @param authorization     how callers authenticate (NONE, AWS_IAM, a Lambda or Cognito authorizer)
 */
public record Method(String httpMethod, String operationName, Integration integration,
                     Map<String, Boolean> requestParameters, RequestValidator validator,
                     Map<String, MethodResponse> responses, boolean apiKeyRequired,
                     MethodAuthorization authorization) {
    public Method {
        requestParameters = Collections.unmodifiableMap(new LinkedHashMap<>(requestParameters));
        responses = Collections.unmodifiableMap(new LinkedHashMap<>(responses));
        authorization = authorization == null ? MethodAuthorization.NONE : authorization;
    }

    /** A method open to every caller. */
    public Method(String httpMethod, String operationName, Integration integration,
                  Map<String, Boolean> requestParameters, RequestValidator validator,
                  Map<String, MethodResponse> responses, boolean apiKeyRequired) {
        this(httpMethod, operationName, integration, requestParameters, validator, responses, apiKeyRequired,
                MethodAuthorization.NONE);
    }

    /** A method with no parameters, validation or method responses (proxy integrations need none). */
    public Method(String httpMethod, String operationName, Integration integration) {
        this(httpMethod, operationName, integration, Map.of(), null, Map.of(), false, MethodAuthorization.NONE);
    }
}
