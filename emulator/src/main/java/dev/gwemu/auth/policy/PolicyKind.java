package dev.gwemu.auth.policy;

/** Which side of IAM's evaluation a policy sits on (security-and-operations.md §4.3). */
public enum PolicyKind {
    /**
     * The caller's policy: a Lambda authorizer's {@code policyDocument}, or the identity policy of an AWS_IAM
     * caller. Statements need no Principal: they apply to the caller.
     */
    IDENTITY_BASED,
    /** The API's resource policy: every statement names its Principal or NotPrincipal. */
    RESOURCE_BASED
}
