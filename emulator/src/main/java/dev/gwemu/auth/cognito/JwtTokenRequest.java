package dev.gwemu.auth.cognito;

import java.time.Duration;
import java.util.List;

/**
 * What {@link LocalIssuer} puts in a token for an HTTP API JWT authorizer (api.yaml {@code jwtIssuers}, or a user pool
 * without {@code jwks}): a plain OAuth 2.0 access token, not a Cognito-shaped one.
 *
 * @param issuer   the {@code iss} claim, exactly as the authorizer's {@code jwtConfiguration.issuer} says it
 * @param subject  the {@code sub} claim
 * @param audience the {@code aud} claim: one entry is a string, several an array, none leaves the claim out
 * @param clientId the {@code client_id} claim, or null (the authorizer reads it only when there is no {@code aud})
 * @param scopes   the {@code scope} claim, space-separated; empty leaves the claim out
 * @param ttl      from {@code iat} to {@code exp}
 */
public record JwtTokenRequest(String issuer, String subject, List<String> audience, String clientId, List<String> scopes,
                              Duration ttl) {
    public JwtTokenRequest {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("a token needs an issuer (iss)");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token needs a subject (sub)");
        }
        audience = List.copyOf(audience);
        scopes = List.copyOf(scopes);
        for (String scope : scopes) {
            if (scope.isEmpty() || scope.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a scope is one word, got '" + scope + "'");
            }
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token lives for a positive time, got " + ttl);
        }
    }
}
