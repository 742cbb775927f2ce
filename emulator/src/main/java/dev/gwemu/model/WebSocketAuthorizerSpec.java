package dev.gwemu.model;

import java.util.List;

/**
 * A Lambda REQUEST authorizer of a WebSocket API (security-and-operations.md §7.1), as CloudFormation's
 * {@code AWS::ApiGatewayV2::Authorizer} with {@code AuthorizerType: REQUEST}. Only the {@code $connect} route may use
 * it.
 *
 * @param name             its name in api.yaml, which the {@code $connect} route's {@code authorizer} names
 * @param id               a 6-character id, stable for the API and name
 * @param authorizerUri    the Lambda invocation URI; may hold stage variables
 * @param identitySources  {@code route.request.header.X}, {@code route.request.querystring.X},
 *                         {@code stageVariables.X}, {@code context.X}, in order; may be empty
 * @param resultTtlSeconds {@code authorizerResultTtlInSeconds}: 0 = no caching, at most 3600
 */
public record WebSocketAuthorizerSpec(String name, String id, String authorizerUri, List<String> identitySources,
                                      int resultTtlSeconds) {
    /**
     * When api.yaml gives none: REST's 300 [unc]. The ApiGatewayV2 reference now says the TTL is "supported only for
     * HTTP API Lambda authorizers"; its earlier text gave "if this field is not set, the default value is 300".
     */
    public static final int DEFAULT_TTL_SECONDS = AuthorizerSpec.DEFAULT_TTL_SECONDS;
    public static final int MAX_TTL_SECONDS = 3600;

    public WebSocketAuthorizerSpec {
        identitySources = List.copyOf(identitySources);
    }

    /** The same authorizer in REST's form, for the shared Lambda authorizer machinery (cache, output reader). */
    public AuthorizerSpec asRequestAuthorizer() {
        return new AuthorizerSpec(name, id, AuthorizerType.REQUEST, authorizerUri, identitySources, null,
                resultTtlSeconds, List.of());
    }
}
