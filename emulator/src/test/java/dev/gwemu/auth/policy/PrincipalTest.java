package dev.gwemu.auth.policy;

import static dev.gwemu.auth.policy.PolicyDecision.ALLOW;
import static dev.gwemu.auth.policy.PolicyDecision.EXPLICIT_DENY;
import static dev.gwemu.auth.policy.PolicyDecision.IMPLICIT_DENY;
import static dev.gwemu.auth.policy.Requests.ALICE;
import static dev.gwemu.auth.policy.Requests.BOB;
import static dev.gwemu.auth.policy.Requests.DEV_SESSION;
import static dev.gwemu.auth.policy.Requests.STRANGER;
import static dev.gwemu.auth.policy.Requests.resourceBased;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwemu.auth.CallerIdentity;

import org.junit.jupiter.api.Test;

/** Resource-policy Principal and NotPrincipal (security-and-operations.md §4.2). */
class PrincipalTest {
    private static final CallerIdentity ROOT = new CallerIdentity("AKIDROOT", "111122223333", "111122223333", "111122223333",
            "arn:aws:iam::111122223333:root");
    private static final CallerIdentity DEVOPS_SESSION = new CallerIdentity("ASIADEVOPS", "111122223333",
            "AROADEVOPS:s1", "AROADEVOPS:s1", "arn:aws:sts::111122223333:assumed-role/devops/s1");
    private static final CallerIdentity DEV_SESSION_2 = new CallerIdentity("ASIADEV2", "111122223333", "AROADEV:s2",
            "AROADEV:s2", "arn:aws:sts::111122223333:assumed-role/dev/s2");
    private static final CallerIdentity OTHER_DEV_SESSION = new CallerIdentity("ASIAXDEV", "999999999999", "AROAXDEV:s1",
            "AROAXDEV:s1", "arn:aws:sts::999999999999:assumed-role/dev/s1");

    private static PolicyDocument allowFor(String principal) {
        return resourceBased("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}]}");
    }

    private static PolicyDecision decide(PolicyDocument policy, CallerIdentity caller) {
        return policy.evaluate(Requests.request().by(caller).facts());
    }

    @Test
    void starIsEveryoneIncludingAnonymous() {
        PolicyDocument policy = allowFor("\"*\"");
        assertEquals(ALLOW, decide(policy, null));
        assertEquals(ALLOW, decide(policy, BOB));
        assertEquals(ALLOW, decide(policy, STRANGER));
    }

    @Test
    void awsStarIsEveryoneIncludingAnonymousAsIamDocumentsIt() {
        assertTrue(PrincipalMatcher.AWS_WILDCARD_INCLUDES_ANONYMOUS);
        PolicyDocument policy = allowFor("{\"AWS\":\"*\"}");
        assertEquals(ALLOW, decide(policy, null));
        assertEquals(ALLOW, decide(policy, STRANGER));
        assertEquals(ALLOW, decide(allowFor("{\"AWS\":[\"arn:aws:iam::111122223333:user/bob\",\"*\"]}"), null));
    }

    @Test
    void anAccountIdCoversEverySignedCallerOfThatAccount() {
        for (String account : new String[] {"{\"AWS\":\"111122223333\"}", "{\"AWS\":\"arn:aws:iam::111122223333:root\"}",
                "{\"AWS\":[\"222233334444\",\"111122223333\"]}"}) {
            PolicyDocument policy = allowFor(account);
            assertEquals(ALLOW, decide(policy, BOB), account);
            assertEquals(ALLOW, decide(policy, ALICE), account);
            assertEquals(ALLOW, decide(policy, DEV_SESSION), account);
            assertEquals(ALLOW, decide(policy, ROOT), account);
            assertEquals(IMPLICIT_DENY, decide(policy, STRANGER), account);
            assertEquals(IMPLICIT_DENY, decide(policy, null), account);
        }
    }

    @Test
    void aUserArnCoversThatUserOnly() {
        PolicyDocument policy = allowFor("{\"AWS\":\"arn:aws:iam::111122223333:user/bob\"}");
        assertEquals(ALLOW, decide(policy, BOB));
        assertEquals(IMPLICIT_DENY, decide(policy, ALICE));
        // Same user name, other account.
        assertEquals(IMPLICIT_DENY, decide(policy, STRANGER));
        assertEquals(IMPLICIT_DENY, decide(policy, null));
        assertEquals(ALLOW, decide(allowFor("{\"AWS\":[\"arn:aws:iam::111122223333:user/engineering/alice\"]}"), ALICE));
    }

    @Test
    void aRoleArnCoversTheRolesSessions() {
        PolicyDocument policy = allowFor("{\"AWS\":\"arn:aws:iam::111122223333:role/dev\"}");
        assertEquals(ALLOW, decide(policy, DEV_SESSION));
        assertEquals(ALLOW, decide(policy, DEV_SESSION_2));
        assertEquals(IMPLICIT_DENY, decide(policy, DEVOPS_SESSION));
        assertEquals(IMPLICIT_DENY, decide(policy, OTHER_DEV_SESSION));
        assertEquals(IMPLICIT_DENY, decide(policy, BOB));
        // A role ARN with a path names the same role; the session ARN carries no path.
        assertEquals(ALLOW, decide(allowFor("{\"AWS\":\"arn:aws:iam::111122223333:role/team/dev\"}"), DEV_SESSION));
    }

    @Test
    void aSessionArnCoversThatSessionOnly() {
        PolicyDocument policy = allowFor("{\"AWS\":\"arn:aws:sts::111122223333:assumed-role/dev/s1\"}");
        assertEquals(ALLOW, decide(policy, DEV_SESSION));
        assertEquals(IMPLICIT_DENY, decide(policy, DEV_SESSION_2));
    }

    @Test
    void servicePrincipalsNeverCallThroughGwemu() {
        PolicyDocument policy = allowFor("{\"Service\":\"lambda.amazonaws.com\"}");
        assertEquals(IMPLICIT_DENY, decide(policy, null));
        assertEquals(IMPLICIT_DENY, decide(policy, BOB));
        assertEquals(ALLOW, decide(allowFor("{\"Service\":\"lambda.amazonaws.com\",\"AWS\":\"111122223333\"}"), BOB));
    }

    @Test
    void notPrincipalAppliesToEveryoneElse() {
        PolicyDocument policy = resourceBased("""
                {"Statement":[
                  {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"*"},
                  {"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::111122223333:user/bob"]},
                   "Action":"execute-api:Invoke","Resource":"*"}]}""");
        assertEquals(ALLOW, decide(policy, BOB));
        assertEquals(EXPLICIT_DENY, decide(policy, ALICE));
        assertEquals(EXPLICIT_DENY, decide(policy, STRANGER));
        assertEquals(EXPLICIT_DENY, decide(policy, null));
    }
}
