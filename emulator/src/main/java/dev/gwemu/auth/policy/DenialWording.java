package dev.gwemu.auth.policy;

/**
 * Which generation of AccessDeniedException texts to write: AWS has changed the suffixes over time and both forms
 * are seen in the wild (security-and-operations.md §3.1, §3.3 Outcomes, §4.4, §10 item 1).
 */
public enum DenialWording {
    /** Before about 2024: an explicit deny ends {@code " with an explicit deny"}; an implicit deny has no suffix. */
    CLASSIC,
    /**
     * The newest measured form, and the default: an explicit deny names the policy type
     * ({@code " with an explicit deny in a resource-based policy"} / {@code "... in an identity-based policy"})
     * [obs 2024+, measured 2026]; an implicit deny has no suffix.
     */
    CURRENT,
    /**
     * As CURRENT, and an AWS_IAM or resource-policy implicit deny also says why:
     * {@code " because no identity-based policy allows the execute-api:Invoke action"} (§3.1 [obs 2024+]) or
     * {@code " because no resource-based policy allows the execute-api:Invoke action"} (§4.4 [unc]).
     */
    CURRENT_WITH_IMPLICIT_REASON;

    /** §10 item 1: default to the newest measured form. */
    public static final DenialWording DEFAULT = CURRENT;
}
