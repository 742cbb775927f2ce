package dev.gwemu.auth.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An IAM policy document (a Lambda authorizer's {@code policyDocument} or an API's resource policy),
 * parsed once and evaluated per request for the action {@code execute-api:Invoke}. Immutable: one parsed
 * authorizer policy is cached and evaluated against later method ARNs (security-and-operations.md §3.3).
 */
public final class PolicyDocument {
    private final List<Statement> statements;
    private final Set<String> unsupportedConditionKeys;

    PolicyDocument(List<Statement> statements, Set<String> unsupportedConditionKeys) {
        this.statements = List.copyOf(statements);
        this.unsupportedConditionKeys = Set.copyOf(unsupportedConditionKeys);
    }

    /**
     * An identity-based policy: a Lambda authorizer's {@code policyDocument}, whose statements need no Principal.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static PolicyDocument parse(JsonNode document) {
        return parse(document, PolicyKind.IDENTITY_BASED);
    }

    /**
     * A resource-based policy also needs Principal or NotPrincipal in every statement and ARNs (or {@code *}) as
     * resources; {@link ResourcePolicy#compile} rewrites the {@code execute-api:/} shorthand before calling this.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static PolicyDocument parse(JsonNode document, PolicyKind kind) {
        return PolicyParser.parse(document, kind);
    }

    /**
     * Explicit Deny wins, then Allow, else implicit deny (security-and-operations.md §3.3, §4.2). Principal blocks
     * are matched against the caller; a statement without one applies to whoever asks.
     */
    public PolicyDecision evaluate(RequestFacts facts) {
        Objects.requireNonNull(facts.methodArn(), "methodArn");
        boolean allowed = false;
        for (Statement statement : statements) {
            // Once allowed, only a Deny can change the answer.
            if (allowed && statement.effect() == Effect.ALLOW) {
                continue;
            }
            if (statement.applies(facts)) {
                if (statement.effect() == Effect.DENY) {
                    return PolicyDecision.EXPLICIT_DENY;
                }
                allowed = true;
            }
        }
        return allowed ? PolicyDecision.ALLOW : PolicyDecision.IMPLICIT_DENY;
    }

    /**
     * Condition keys the policy tests that gwemu never fills (aws:PrincipalOrgID, aws:PrincipalTag/..., aws:VpcSourceIp,
     * service keys...), as written, sorted. They are absent from every request, as IAM treats unknown keys, so a
     * loader should warn about them once.
     */
    public Set<String> unsupportedConditionKeys() {
        return unsupportedConditionKeys;
    }
}
