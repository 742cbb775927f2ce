package dev.gwemu.auth.policy;

import dev.gwemu.auth.CallerIdentity;

import java.util.Set;

/**
 * A resource policy statement's Principal (or NotPrincipal) list, matched against the request's caller
 * (security-and-operations.md §4.2; IAM User Guide, "AWS JSON policy elements: Principal").
 */
final class PrincipalMatcher {
    /**
     * {@code {"AWS": "*"}} means every principal, anonymous callers included, the same as {@code "*"}: the IAM
     * User Guide lists both forms for anonymous (public) access [doc]. A few services read them differently; set
     * to false to let {@code {"AWS": "*"}} match signed callers only.
     */
    static final boolean AWS_WILDCARD_INCLUDES_ANONYMOUS = true;

    /** {@code "*"}: everyone, anonymous callers included. */
    static final PrincipalMatcher EVERYONE = new PrincipalMatcher(true, true, Set.of(), Set.of(), Set.of());

    private final boolean anonymousToo;
    private final boolean everySignedCaller;
    private final Set<String> accounts;
    private final Set<String> arns;
    /** {@code account/roleName} of each role ARN listed: its sessions are the role (IAM, "IAM role principals"). */
    private final Set<String> roles;

    PrincipalMatcher(boolean anonymousToo, boolean everySignedCaller, Set<String> accounts, Set<String> arns,
                     Set<String> roles) {
        this.anonymousToo = anonymousToo;
        this.everySignedCaller = everySignedCaller;
        this.accounts = Set.copyOf(accounts);
        this.arns = Set.copyOf(arns);
        this.roles = Set.copyOf(roles);
    }

    /** {@code {"AWS": "*"}}. */
    static PrincipalMatcher everyAwsPrincipal() {
        return new PrincipalMatcher(AWS_WILDCARD_INCLUDES_ANONYMOUS, true, Set.of(), Set.of(), Set.of());
    }

    /**
     * An account id ({@code 111122223333} or {@code arn:aws:iam::111122223333:root}) matches every signed caller of
     * that account; a user or session ARN matches that caller; a role ARN matches that role's sessions.
     */
    boolean matches(CallerIdentity caller) {
        if (caller == null) {
            return anonymousToo;
        }
        if (everySignedCaller) {
            return true;
        }
        CallerArn arn = CallerArn.of(caller);
        return arns.contains(arn.arn())
                || arn.account() != null && accounts.contains(arn.account())
                || arn.roleName() != null && roles.contains(arn.account() + "/" + arn.roleName());
    }
}
