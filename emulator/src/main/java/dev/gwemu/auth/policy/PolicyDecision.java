package dev.gwemu.auth.policy;

/** What a policy says about one request (security-and-operations.md §4.2, §4.3). */
public enum PolicyDecision {
    /** A matching Allow statement and no matching Deny. */
    ALLOW,
    /** A matching Deny statement: wins over every Allow. */
    EXPLICIT_DENY,
    /** No statement matches. */
    IMPLICIT_DENY
}
