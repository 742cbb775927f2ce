package dev.gwemu.model;

import java.util.List;

/**
 * How an HTTP API route authenticates its callers (security-and-operations.md §3.4).
 *
 * @param type       NONE, JWT, CUSTOM (a Lambda authorizer) or AWS_IAM
 * @param authorizer the authorizer for JWT and CUSTOM, else null
 * @param scopes     JWT: {@code authorizationScopes}; the token needs one of them (empty: any token)
 */
public record RouteAuthorization(Type type, HttpAuthorizerSpec authorizer, List<String> scopes) {
    public enum Type { NONE, JWT, CUSTOM, AWS_IAM }

    public static final RouteAuthorization NONE = new RouteAuthorization(Type.NONE, null, List.of());

    public RouteAuthorization {
        scopes = List.copyOf(scopes);
    }
}
