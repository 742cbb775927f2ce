package dev.gwemu.model;

import java.util.List;

/**
 * An HTTP API authorizer from {@code x-amazon-apigateway-authorizer} (security-and-operations.md §3.4).
 *
 * @param name                 the security scheme's name
 * @param id                   a 6-character id, stable for the name
 * @param type                 JWT or REQUEST (a Lambda authorizer)
 * @param identitySources      {@code $request.header.X}, {@code $request.querystring.X}, {@code $context.X},
 *                             {@code $stageVariables.X}; in order (JWT: one, default {@code $request.header.Authorization})
 * @param issuer               JWT: {@code jwtConfiguration.issuer}, else null
 * @param audience             JWT: {@code jwtConfiguration.audience}, else empty
 * @param authorizerUri        REQUEST: the Lambda invocation URI (may hold stage variables), else null
 * @param payloadFormatVersion REQUEST: "1.0" or "2.0", else null
 * @param simpleResponses      REQUEST 2.0: {@code enableSimpleResponses}
 * @param resultTtlSeconds     REQUEST: {@code authorizerResultTtlInSeconds}, 0 (no caching) when absent
 */
public record HttpAuthorizerSpec(String name, String id, Type type, List<String> identitySources, String issuer,
                                 List<String> audience, String authorizerUri, String payloadFormatVersion,
                                 boolean simpleResponses, int resultTtlSeconds) {
    public enum Type { JWT, REQUEST }

    public static final String DEFAULT_JWT_IDENTITY_SOURCE = "$request.header.Authorization";

    public HttpAuthorizerSpec {
        identitySources = List.copyOf(identitySources);
        audience = List.copyOf(audience);
    }
}
