package dev.gwemu.auth.policy;

/**
 * The answer to "may this caller invoke this method?" once the caller's side (an AWS_IAM caller's identity policy,
 * or a Lambda authorizer's policy) and the API's resource policy have both spoken (security-and-operations.md §4.3).
 *
 * @param decision ALLOW, EXPLICIT_DENY or IMPLICIT_DENY
 * @param deniedBy the policy that denied, or for an implicit deny the one whose Allow was missing; null when allowed
 */
public record AccessDecision(PolicyDecision decision, PolicyKind deniedBy) {
    public static final AccessDecision ALLOWED = new AccessDecision(PolicyDecision.ALLOW, null);

    public AccessDecision {
        if ((decision == PolicyDecision.ALLOW) != (deniedBy == null)) {
            throw new IllegalArgumentException("an allowed decision names no denying policy, a denial names one: "
                    + decision + " by " + deniedBy);
        }
    }

    public boolean allowed() {
        return decision == PolicyDecision.ALLOW;
    }

    /**
     * The resource policy's first look, before a Lambda authorizer is invoked (§4.2 [doc]): only an explicit Deny
     * stops the request here; Allow and silence wait for the authorizer's policy and {@link #combine}.
     */
    public static AccessDecision beforeLambdaAuthorizer(PolicyDecision resourcePolicy) {
        return resourcePolicy == PolicyDecision.EXPLICIT_DENY
                ? new AccessDecision(PolicyDecision.EXPLICIT_DENY, PolicyKind.RESOURCE_BASED) : ALLOWED;
    }

    /**
     * §4.3 tables [doc]. Any explicit Deny denies (the resource policy's is reported when both deny: API Gateway
     * evaluates it first). Same account (table A): either Allow suffices. Cross account (table B): both must Allow.
     * No resource policy: the caller's side alone decides, and a cross-account caller is denied (§4.2).
     *
     * @param identity          the caller's side: the identity policy of an AWS_IAM caller or a Lambda authorizer's
     *                          policy; null when the method has neither (NONE, COGNITO_USER_POOLS), which then needs
     *                          the resource policy's explicit Allow
     * @param resourcePolicy    the resource policy's decision; ignored when {@code hasResourcePolicy} is false
     * @param crossAccount      the AWS_IAM caller belongs to another account than the API
     * @param hasResourcePolicy the deployed API has a resource policy
     * @throws IllegalArgumentException for a cross-account call without an identity decision (only signed callers
     *                                  have an account), or a resource policy without a decision
     */
    public static AccessDecision combine(PolicyDecision identity, PolicyDecision resourcePolicy, boolean crossAccount,
                                         boolean hasResourcePolicy) {
        if (crossAccount && identity == null) {
            throw new IllegalArgumentException("a cross-account caller is a signed caller with an identity decision");
        }
        if (!hasResourcePolicy) {
            if (identity == null || identity == PolicyDecision.ALLOW && !crossAccount) {
                return ALLOWED;
            }
            if (identity == PolicyDecision.EXPLICIT_DENY) {
                return new AccessDecision(PolicyDecision.EXPLICIT_DENY, PolicyKind.IDENTITY_BASED);
            }
            // A cross-account caller needs the resource policy's Allow, and there is no resource policy.
            return new AccessDecision(PolicyDecision.IMPLICIT_DENY,
                    crossAccount && identity == PolicyDecision.ALLOW ? PolicyKind.RESOURCE_BASED : PolicyKind.IDENTITY_BASED);
        }
        if (resourcePolicy == null) {
            throw new IllegalArgumentException("an API with a resource policy has its decision");
        }
        if (resourcePolicy == PolicyDecision.EXPLICIT_DENY) {
            return new AccessDecision(PolicyDecision.EXPLICIT_DENY, PolicyKind.RESOURCE_BASED);
        }
        if (identity == PolicyDecision.EXPLICIT_DENY) {
            return new AccessDecision(PolicyDecision.EXPLICIT_DENY, PolicyKind.IDENTITY_BASED);
        }
        boolean identityAllows = identity == PolicyDecision.ALLOW;
        boolean resourceAllows = resourcePolicy == PolicyDecision.ALLOW;
        if (crossAccount) {
            if (!identityAllows) {
                return new AccessDecision(PolicyDecision.IMPLICIT_DENY, PolicyKind.IDENTITY_BASED);
            }
            return resourceAllows ? ALLOWED : new AccessDecision(PolicyDecision.IMPLICIT_DENY, PolicyKind.RESOURCE_BASED);
        }
        if (identityAllows || resourceAllows) {
            return ALLOWED;
        }
        return new AccessDecision(PolicyDecision.IMPLICIT_DENY,
                identity == null ? PolicyKind.RESOURCE_BASED : PolicyKind.IDENTITY_BASED);
    }
}
