package dev.gwemu.model;

import java.util.List;

/**
 * An authorizer from {@code x-amazon-apigateway-authorizer} (security-and-operations.md §3.2, §3.3).
 *
 * @param name                         the security scheme's name
 * @param id                           a 6-character id, stable for the name
 * @param type                         TOKEN, REQUEST or COGNITO_USER_POOLS
 * @param authorizerUri                the Lambda invocation URI (Lambda types), else null; may hold stage variables
 * @param identitySources              {@code method.request.header.X}, {@code method.request.querystring.X},
 *                                     {@code stageVariables.X}, {@code context.X}; in order
 * @param identityValidationExpression a regex the TOKEN (or Cognito token's aud) must match, or null
 * @param resultTtlSeconds             {@code authorizerResultTtlInSeconds}: 300 when absent, 0 = no caching
 * @param providerArns                 Cognito user pool ARNs (COGNITO_USER_POOLS), else empty
 */
public record AuthorizerSpec(String name, String id, AuthorizerType type, String authorizerUri,
                             List<String> identitySources, String identityValidationExpression,
                             int resultTtlSeconds, List<String> providerArns) {
    public static final int DEFAULT_TTL_SECONDS = 300;

    public AuthorizerSpec {
        identitySources = List.copyOf(identitySources);
        providerArns = List.copyOf(providerArns);
    }
}
