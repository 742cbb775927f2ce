package dev.gwemu.model;

import java.util.List;

/**
 * How a method authenticates its callers, from its OpenAPI {@code security}.
 *
 * @param type       NONE, AWS_IAM, CUSTOM (a Lambda authorizer) or COGNITO_USER_POOLS
 * @param authorizer the authorizer for CUSTOM and COGNITO_USER_POOLS, else null
 * @param scopes     {@code authorizationScopes} (Cognito: the token must be an access token with one of them)
 */
public record MethodAuthorization(AuthorizationType type, AuthorizerSpec authorizer, List<String> scopes) {
    public static final MethodAuthorization NONE = new MethodAuthorization(AuthorizationType.NONE, null, List.of());

    public MethodAuthorization {
        scopes = List.copyOf(scopes);
    }
}
