package dev.gwemu.httpapi.jwt;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scopes a token grants (security-and-operations.md §3.4): {@code scope}, space-separated (RFC 8693, Cognito,
 * Auth0), and {@code scp}, an array (Okta, Entra ID) or a space-separated string. Both are read and joined, in that
 * order, without repeats.
 */
final class TokenScopes {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TokenScopes() {
    }

    static List<String> of(JsonNode claims) {
        Set<String> scopes = new LinkedHashSet<>();
        add(claims.path("scope"), scopes);
        add(claims.path("scp"), scopes);
        return List.copyOf(scopes);
    }

    private static void add(JsonNode claim, Set<String> scopes) {
        if (claim.isTextual()) {
            for (String scope : SPACES.split(claim.asText().strip())) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        } else if (claim.isArray()) {
            claim.forEach(scope -> {
                if (scope.isTextual() && !scope.asText().isEmpty()) {
                    scopes.add(scope.asText());
                }
            });
        }
    }
}
