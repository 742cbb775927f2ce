package dev.gwemu.auth.cognito;

/** A Cognito token's {@code token_use} claim: what the token is for (security-and-operations.md §3.2). */
public enum TokenUse {
    /** An ID token: who the user is; what methods without {@code authorizationScopes} accept. */
    ID("id"),
    /** An access token: what the user may do ({@code scope}); what methods with scopes accept. */
    ACCESS("access");

    private final String claim;

    TokenUse(String claim) {
        this.claim = claim;
    }

    /** The {@code token_use} value, {@code id} or {@code access}. */
    public String claim() {
        return claim;
    }
}
