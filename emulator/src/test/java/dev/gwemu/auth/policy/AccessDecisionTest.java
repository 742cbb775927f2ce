package dev.gwemu.auth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** security-and-operations.md §4.3 combination tables and §4.2 "no policy". */
class AccessDecisionTest {
    private static PolicyDecision decision(String text) {
        return text.equals("none") ? null : PolicyDecision.valueOf(text);
    }

    private static void check(String identity, String resource, boolean crossAccount, boolean hasPolicy, String expected,
                              String deniedBy) {
        AccessDecision result = AccessDecision.combine(decision(identity), decision(resource), crossAccount, hasPolicy);
        assertEquals(PolicyDecision.valueOf(expected), result.decision());
        assertEquals(deniedBy.equals("-") ? null : PolicyKind.valueOf(deniedBy), result.deniedBy());
    }

    @ParameterizedTest(name = "caller {0} + resource policy {1} -> {2} by {3}")
    @CsvSource({
            // Table A, same account: either Allow suffices, any Deny denies.
            "ALLOW,         ALLOW,         ALLOW,         -",
            "ALLOW,         IMPLICIT_DENY, ALLOW,         -",
            "IMPLICIT_DENY, ALLOW,         ALLOW,         -",
            "IMPLICIT_DENY, IMPLICIT_DENY, IMPLICIT_DENY, IDENTITY_BASED",
            "EXPLICIT_DENY, ALLOW,         EXPLICIT_DENY, IDENTITY_BASED",
            "EXPLICIT_DENY, IMPLICIT_DENY, EXPLICIT_DENY, IDENTITY_BASED",
            "ALLOW,         EXPLICIT_DENY, EXPLICIT_DENY, RESOURCE_BASED",
            "IMPLICIT_DENY, EXPLICIT_DENY, EXPLICIT_DENY, RESOURCE_BASED",
            "EXPLICIT_DENY, EXPLICIT_DENY, EXPLICIT_DENY, RESOURCE_BASED",
            // No caller-side policy (NONE, COGNITO_USER_POOLS): the resource policy must Allow.
            "none,          ALLOW,         ALLOW,         -",
            "none,          IMPLICIT_DENY, IMPLICIT_DENY, RESOURCE_BASED",
            "none,          EXPLICIT_DENY, EXPLICIT_DENY, RESOURCE_BASED",
    })
    void sameAccount(String identity, String resource, String expected, String deniedBy) {
        check(identity, resource, false, true, expected, deniedBy);
    }

    @ParameterizedTest(name = "caller {0} + resource policy {1} -> {2} by {3}")
    @CsvSource({
            // Table B, cross account: both must Allow.
            "ALLOW,         ALLOW,         ALLOW,         -",
            "ALLOW,         IMPLICIT_DENY, IMPLICIT_DENY, RESOURCE_BASED",
            "IMPLICIT_DENY, ALLOW,         IMPLICIT_DENY, IDENTITY_BASED",
            "IMPLICIT_DENY, IMPLICIT_DENY, IMPLICIT_DENY, IDENTITY_BASED",
            "EXPLICIT_DENY, ALLOW,         EXPLICIT_DENY, IDENTITY_BASED",
            "ALLOW,         EXPLICIT_DENY, EXPLICIT_DENY, RESOURCE_BASED",
            "IMPLICIT_DENY, EXPLICIT_DENY, EXPLICIT_DENY, RESOURCE_BASED",
            "EXPLICIT_DENY, EXPLICIT_DENY, EXPLICIT_DENY, RESOURCE_BASED",
    })
    void crossAccount(String identity, String resource, String expected, String deniedBy) {
        check(identity, resource, true, true, expected, deniedBy);
    }

    @ParameterizedTest(name = "caller {0}, cross account {1} -> {2} by {3}")
    @CsvSource({
            "none,          false, ALLOW,         -",
            "ALLOW,         false, ALLOW,         -",
            "IMPLICIT_DENY, false, IMPLICIT_DENY, IDENTITY_BASED",
            "EXPLICIT_DENY, false, EXPLICIT_DENY, IDENTITY_BASED",
            // §4.2: without a resource policy a cross-account caller has nothing granting it access.
            "ALLOW,         true,  IMPLICIT_DENY, RESOURCE_BASED",
            "IMPLICIT_DENY, true,  IMPLICIT_DENY, IDENTITY_BASED",
            "EXPLICIT_DENY, true,  EXPLICIT_DENY, IDENTITY_BASED",
    })
    void noResourcePolicy(String identity, boolean crossAccount, String expected, String deniedBy) {
        check(identity, "none", crossAccount, false, expected, deniedBy);
        // Whatever a missing policy "decided" is ignored.
        check(identity, "EXPLICIT_DENY", crossAccount, false, expected, deniedBy);
    }

    @Test
    void beforeTheLambdaAuthorizerOnlyAnExplicitDenyStops() {
        assertEquals(new AccessDecision(PolicyDecision.EXPLICIT_DENY, PolicyKind.RESOURCE_BASED),
                AccessDecision.beforeLambdaAuthorizer(PolicyDecision.EXPLICIT_DENY));
        assertEquals(AccessDecision.ALLOWED, AccessDecision.beforeLambdaAuthorizer(PolicyDecision.IMPLICIT_DENY));
        assertEquals(AccessDecision.ALLOWED, AccessDecision.beforeLambdaAuthorizer(PolicyDecision.ALLOW));
    }

    @Test
    void contradictoryArgumentsAreRefused() {
        assertEquals("a cross-account caller is a signed caller with an identity decision",
                assertThrows(IllegalArgumentException.class, () -> AccessDecision.combine(null, PolicyDecision.ALLOW, true, true))
                        .getMessage());
        assertEquals("an API with a resource policy has its decision",
                assertThrows(IllegalArgumentException.class, () -> AccessDecision.combine(PolicyDecision.ALLOW, null, false, true))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AccessDecision(PolicyDecision.ALLOW, PolicyKind.RESOURCE_BASED));
        assertThrows(IllegalArgumentException.class, () -> new AccessDecision(PolicyDecision.IMPLICIT_DENY, null));
    }
}
