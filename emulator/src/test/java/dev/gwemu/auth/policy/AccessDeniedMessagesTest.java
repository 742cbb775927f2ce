package dev.gwemu.auth.policy;

import static dev.gwemu.auth.policy.PolicyDecision.EXPLICIT_DENY;
import static dev.gwemu.auth.policy.PolicyDecision.IMPLICIT_DENY;
import static dev.gwemu.auth.policy.PolicyKind.IDENTITY_BASED;
import static dev.gwemu.auth.policy.PolicyKind.RESOURCE_BASED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gwemu.auth.CallerIdentity;

import org.junit.jupiter.api.Test;

/** ACCESS_DENIED texts, byte for byte (security-and-operations.md §3.1, §3.3 Outcomes, §4.4). */
class AccessDeniedMessagesTest {
    private static final String ARN = "arn:aws:execute-api:us-west-2:123456782543:vd2gh6uqw3/api/GET/";
    private static final String MASKED = "arn:aws:execute-api:us-west-2:********2543:vd2gh6uqw3/api/GET/";
    private static final CallerIdentity BOB = new CallerIdentity("AKID", "111122223333", "AIDA", "AIDA",
            "arn:aws:iam::111122223333:user/bob");
    private static final CallerIdentity SESSION = new CallerIdentity("ASIA", "111122223333", "AROA:s", "AROA:s",
            "arn:aws:sts::111122223333:assumed-role/r/s");
    private static final AccessDecision RESOURCE_EXPLICIT = new AccessDecision(EXPLICIT_DENY, RESOURCE_BASED);
    private static final AccessDecision RESOURCE_IMPLICIT = new AccessDecision(IMPLICIT_DENY, RESOURCE_BASED);
    private static final AccessDecision IDENTITY_EXPLICIT = new AccessDecision(EXPLICIT_DENY, IDENTITY_BASED);
    private static final AccessDecision IDENTITY_IMPLICIT = new AccessDecision(IMPLICIT_DENY, IDENTITY_BASED);

    @Test
    void theSpecsAnonymousExample() {
        assertEquals("User: anonymous is not authorized to perform: execute-api:Invoke on resource: " + MASKED,
                AccessDeniedMessages.invokeDenied(null, ARN, RESOURCE_IMPLICIT, DenialWording.CURRENT));
    }

    @Test
    void theSpecsIamCallerExample() {
        assertEquals("User: arn:aws:iam::111122223333:user/bob is not authorized to perform: execute-api:Invoke on resource: "
                        + "arn:aws:execute-api:us-east-1:********3333:abc123/dev/GET/pets",
                AccessDeniedMessages.invokeDenied(BOB, "arn:aws:execute-api:us-east-1:111122223333:abc123/dev/GET/pets",
                        IDENTITY_IMPLICIT, DenialWording.CURRENT));
        assertEquals("User: arn:aws:sts::111122223333:assumed-role/r/s is not authorized to perform: execute-api:Invoke on "
                + "resource: " + MASKED, AccessDeniedMessages.invokeDenied(SESSION, ARN, RESOURCE_IMPLICIT, DenialWording.CURRENT));
    }

    @Test
    void explicitDenySuffixes() {
        String base = "User: anonymous is not authorized to perform: execute-api:Invoke on resource: " + MASKED;
        assertEquals(base + " with an explicit deny",
                AccessDeniedMessages.invokeDenied(null, ARN, RESOURCE_EXPLICIT, DenialWording.CLASSIC));
        assertEquals(base + " with an explicit deny in a resource-based policy",
                AccessDeniedMessages.invokeDenied(null, ARN, RESOURCE_EXPLICIT, DenialWording.CURRENT));
        assertEquals(base + " with an explicit deny in a resource-based policy",
                AccessDeniedMessages.invokeDenied(null, ARN, RESOURCE_EXPLICIT, DenialWording.CURRENT_WITH_IMPLICIT_REASON));
        String bob = "User: arn:aws:iam::111122223333:user/bob is not authorized to perform: execute-api:Invoke on resource: "
                + MASKED;
        assertEquals(bob + " with an explicit deny", AccessDeniedMessages.invokeDenied(BOB, ARN, IDENTITY_EXPLICIT, DenialWording.CLASSIC));
        assertEquals(bob + " with an explicit deny in an identity-based policy",
                AccessDeniedMessages.invokeDenied(BOB, ARN, IDENTITY_EXPLICIT, DenialWording.CURRENT));
    }

    @Test
    void implicitDenyReasonsOnlyWhenAsked() {
        String bob = "User: arn:aws:iam::111122223333:user/bob is not authorized to perform: execute-api:Invoke on resource: "
                + MASKED;
        assertEquals(bob, AccessDeniedMessages.invokeDenied(BOB, ARN, IDENTITY_IMPLICIT, DenialWording.CLASSIC));
        assertEquals(bob, AccessDeniedMessages.invokeDenied(BOB, ARN, IDENTITY_IMPLICIT, DenialWording.CURRENT));
        assertEquals(bob + " because no identity-based policy allows the execute-api:Invoke action",
                AccessDeniedMessages.invokeDenied(BOB, ARN, IDENTITY_IMPLICIT, DenialWording.CURRENT_WITH_IMPLICIT_REASON));
        assertEquals(bob + " because no resource-based policy allows the execute-api:Invoke action",
                AccessDeniedMessages.invokeDenied(BOB, ARN, RESOURCE_IMPLICIT, DenialWording.CURRENT_WITH_IMPLICIT_REASON));
    }

    @Test
    void theDefaultIsTheNewestMeasuredForm() {
        assertEquals(DenialWording.CURRENT, DenialWording.DEFAULT);
    }

    @Test
    void lambdaAuthorizerTexts() {
        assertEquals("User is not authorized to access this resource",
                AccessDeniedMessages.authorizerDenied(IMPLICIT_DENY, DenialWording.CLASSIC));
        assertEquals("User is not authorized to access this resource",
                AccessDeniedMessages.authorizerDenied(IMPLICIT_DENY, DenialWording.CURRENT_WITH_IMPLICIT_REASON));
        assertEquals("User is not authorized to access this resource with an explicit deny",
                AccessDeniedMessages.authorizerDenied(EXPLICIT_DENY, DenialWording.CLASSIC));
        assertEquals("User is not authorized to access this resource with an explicit deny in an identity-based policy",
                AccessDeniedMessages.authorizerDenied(EXPLICIT_DENY, DenialWording.CURRENT));
    }

    @Test
    void anAllowedRequestHasNoDenialText() {
        assertThrows(IllegalArgumentException.class,
                () -> AccessDeniedMessages.invokeDenied(null, ARN, AccessDecision.ALLOWED, DenialWording.CURRENT));
        assertThrows(IllegalArgumentException.class,
                () -> AccessDeniedMessages.authorizerDenied(PolicyDecision.ALLOW, DenialWording.CURRENT));
    }

    @Test
    void masking() {
        assertEquals(MASKED, AccessDeniedMessages.maskAccount(ARN));
        // The request path is kept as received, double slashes and colons included.
        assertEquals("arn:aws:execute-api:us-east-1:********9012:abc/Prod/GET/test//a:b",
                AccessDeniedMessages.maskAccount("arn:aws:execute-api:us-east-1:123456789012:abc/Prod/GET/test//a:b"));
        assertEquals("arn:aws:execute-api:us-east-1:********12:abc/dev/GET/",
                AccessDeniedMessages.maskAccount("arn:aws:execute-api:us-east-1:12:abc/dev/GET/"));
        assertEquals("not-an-arn", AccessDeniedMessages.maskAccount("not-an-arn"));
        assertEquals("arn:aws:execute-api:us-east-1", AccessDeniedMessages.maskAccount("arn:aws:execute-api:us-east-1"));
    }
}
