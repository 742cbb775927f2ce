package dev.gwemu.auth.cognito;

import java.time.Duration;
import java.util.List;

/**
 * What {@link LocalIssuer} puts in a token.
 *
 * @param use      ID or access token
 * @param subject  the {@code sub} claim
 * @param username {@code cognito:username} (ID) or {@code username} (access); null: the subject
 * @param groups   {@code cognito:groups}; empty leaves the claim out, as Cognito does for users in no group
 * @param scopes   the access token's {@code scope}; empty: {@link #DEFAULT_SCOPE}, what Cognito grants a user-password sign-in
 * @param email    the ID token's {@code email} (and {@code email_verified: true}), or null
 * @param ttl      from {@code iat} to {@code exp}
 */
public record TokenRequest(TokenUse use, String subject, String username, List<String> groups, List<String> scopes,
                           String email, Duration ttl) {
    public static final String DEFAULT_SCOPE = "aws.cognito.signin.user.admin";
    /** Cognito's default validity for ID and access tokens. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    public TokenRequest {
        if (use == null) {
            throw new IllegalArgumentException("say which token: id or access");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token needs a subject (sub)");
        }
        username = username == null ? subject : username;
        groups = List.copyOf(groups);
        scopes = List.copyOf(scopes);
        if (use == TokenUse.ID && !scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes go in access tokens; an ID token has no scope claim");
        }
        if (use == TokenUse.ACCESS && email != null) {
            throw new IllegalArgumentException("email goes in ID tokens; an access token has no email claim");
        }
        for (String scope : scopes) {
            if (scope.isEmpty() || scope.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a scope is one word, got '" + scope + "'");
            }
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token lives for a positive time, got " + ttl);
        }
    }

    /** An ID token for {@code subject}, valid for an hour. */
    public static TokenRequest id(String subject) {
        return new TokenRequest(TokenUse.ID, subject, null, List.of(), List.of(), null, DEFAULT_TTL);
    }

    /** An access token for {@code subject} with {@code scopes}, valid for an hour. */
    public static TokenRequest access(String subject, List<String> scopes) {
        return new TokenRequest(TokenUse.ACCESS, subject, null, List.of(), scopes, null, DEFAULT_TTL);
    }

    public TokenRequest withGroups(List<String> newGroups) {
        return new TokenRequest(use, subject, username, newGroups, scopes, email, ttl);
    }

    public TokenRequest withEmail(String newEmail) {
        return new TokenRequest(use, subject, username, groups, scopes, newEmail, ttl);
    }

    public TokenRequest withTtl(Duration newTtl) {
        return new TokenRequest(use, subject, username, groups, scopes, email, newTtl);
    }

    /** The {@code scope} claim: the scopes separated by spaces. */
    public String scopeClaim() {
        return scopes.isEmpty() ? DEFAULT_SCOPE : String.join(" ", scopes);
    }
}
