package dev.gwemu.auth.policy;

import static dev.gwemu.auth.policy.PolicyDecision.ALLOW;
import static dev.gwemu.auth.policy.PolicyDecision.EXPLICIT_DENY;
import static dev.gwemu.auth.policy.PolicyDecision.IMPLICIT_DENY;
import static dev.gwemu.auth.policy.Requests.statements;
import static dev.gwemu.auth.policy.Requests.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Duration;

/** Policies written to slip past a careless evaluator. */
class HostilePolicyTest {
    private static final String A = Requests.ARN_PREFIX;

    private static PolicyDocument allow(String resource) {
        return statements("{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"" + resource + "\"}");
    }

    @Test
    void anAllowForAnotherApiStageOrAccountDoesNotCoverThisOne() {
        assertEquals(IMPLICIT_DENY, allow("arn:aws:execute-api:us-east-1:123456789012:otherapi/*").evaluate(to("dev/GET/pets").facts()));
        assertEquals(IMPLICIT_DENY, allow(A + "prod/*").evaluate(to("dev/GET/pets").facts()));
        assertEquals(IMPLICIT_DENY, allow("arn:aws:execute-api:us-east-1:999999999999:abc123/*").evaluate(to("dev/GET/pets").facts()));
        assertEquals(IMPLICIT_DENY, allow("arn:aws:execute-api:eu-west-1:123456789012:abc123/*").evaluate(to("dev/GET/pets").facts()));
        // An API whose id starts with ours is another API...
        assertEquals(IMPLICIT_DENY, allow(A + "*").evaluate(Requests.request()
                .arn("arn:aws:execute-api:us-east-1:123456789012:abc1234/dev/GET/pets").facts()));
        // ...unless the policy's star sits before the slash, as IAM reads it.
        assertEquals(ALLOW, allow("arn:aws:execute-api:us-east-1:123456789012:abc123*").evaluate(Requests.request()
                .arn("arn:aws:execute-api:us-east-1:123456789012:abc1234/dev/GET/pets").facts()));
        // A stage that starts with ours is another stage.
        assertEquals(IMPLICIT_DENY, allow(A + "dev/*").evaluate(to("devel/GET/pets").facts()));
    }

    @Test
    void notResourceAllowsEverythingElseIncludingOtherApis() {
        PolicyDocument policy = statements("{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"NotResource\":\"" + A + "dev/GET/admin\"}");
        assertEquals(IMPLICIT_DENY, policy.evaluate(to("dev/GET/admin").facts()));
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/admin/").facts()));
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/pets").facts()));
        assertEquals(ALLOW, policy.evaluate(Requests.request().arn("arn:aws:execute-api:us-east-1:999999999999:x/dev/GET/admin").facts()));
    }

    @Test
    void aDenyWithNotResourceOfAnotherApiDeniesThisOne() {
        PolicyDocument policy = statements("""
                {"Effect":"Allow","Action":"*","Resource":"*"},
                {"Effect":"Deny","Action":"execute-api:Invoke","NotResource":"arn:aws:execute-api:us-east-1:123456789012:otherapi/*"}""");
        assertEquals(EXPLICIT_DENY, policy.evaluate(to("dev/GET/pets").facts()));
        assertEquals(ALLOW, policy.evaluate(Requests.request().arn("arn:aws:execute-api:us-east-1:123456789012:otherapi/dev/GET/").facts()));
    }

    @Test
    void effectCaseGamesStillDeny() {
        for (String deny : new String[] {"deny", "DENY", "dEnY"}) {
            PolicyDocument policy = statements("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                    + "{\"Effect\":\"" + deny + "\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}");
            assertEquals(EXPLICIT_DENY, policy.evaluate(to("dev/GET/pets").facts()), deny);
        }
        assertTrue(Effect.CASE_INSENSITIVE);
        assertEquals(ALLOW, allowEffect("ALLOW").evaluate(to("dev/GET/pets").facts()));
        for (String almost : new String[] {"Deny ", "Denied", "Allow\u0000", "Alow", ""}) {
            assertThrows(IllegalArgumentException.class, () -> allowEffect(almost), almost);
        }
    }

    private static PolicyDocument allowEffect(String effect) {
        return statements("{\"Effect\":\"" + effect + "\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}");
    }

    @Test
    void doubleStarsAreStars() {
        assertEquals(ALLOW, allow(A + "**").evaluate(to("dev/GET/pets/1").facts()));
        assertEquals(ALLOW, allow("**").evaluate(to("dev/GET/pets/1").facts()));
        assertEquals(IMPLICIT_DENY, allow(A + "**/POST/**").evaluate(to("dev/GET/pets/1").facts()));
        assertEquals(ALLOW, allow(A + "**/GET/**").evaluate(to("dev/GET/pets/1").facts()));
    }

    @Test
    void aStarFloodEvaluatesQuickly() {
        // 229 times "*a" against a 1600-byte ARN of a's: exponential for a backtracking matcher.
        String flood = "arn:aws:execute-api:us-east-1:123456789012:abc123/" + "*a".repeat(229) + "*b*";
        PolicyDocument policy = allow(flood);
        String arn = A + "dev/GET/" + "a".repeat(1600 - A.length() - 8);
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertEquals(IMPLICIT_DENY, policy.evaluate(Requests.request().arn(arn).facts())));
    }

    @Test
    void resourceLengthLimit() {
        String at512 = A + "dev/GET/" + "p".repeat(512 - A.length() - 8);
        assertEquals(512, at512.length());
        assertEquals(ALLOW, allow(at512).evaluate(Requests.request().arn(at512).facts()));
        assertEquals("Statement[0]: Resource is 513 characters long; at most 512 are allowed",
                assertThrows(IllegalArgumentException.class, () -> allow(at512 + "p")).getMessage());
    }

    @Test
    void manyStatementsTheLastDecides() {
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            json.append("{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"").append(A).append("dev/GET/r").append(i).append("\"},");
        }
        json.append("{\"Effect\":\"Deny\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"").append(A).append("dev/GET/r499\"}");
        PolicyDocument policy = statements(json.toString());
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/r0").facts()));
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/r498").facts()));
        assertEquals(EXPLICIT_DENY, policy.evaluate(to("dev/GET/r499").facts()));
        assertEquals(IMPLICIT_DENY, policy.evaluate(to("dev/GET/r500").facts()));
    }

    @Test
    void aHugeResourcePolicyIsRefused() {
        StringBuilder json = new StringBuilder("{\"Statement\":[");
        while (json.length() <= ResourcePolicy.MAX_LENGTH) {
            json.append("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\"},");
        }
        json.setLength(json.length() - 1);
        json.append("]}");
        assertThrows(IllegalArgumentException.class,
                () -> ResourcePolicy.compile(json.toString(), Requests.REGION, Requests.ACCOUNT, Requests.API));
    }

    @Test
    void aDuplicatedEffectCannotTurnADenyIntoAnAllow() {
        assertThrows(IllegalArgumentException.class, () -> ResourcePolicy.compile("""
                {"Statement":[{"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*","Effect":"Allow"}]}""",
                Requests.REGION, Requests.ACCOUNT, Requests.API));
    }

    @Test
    void misspelledElementsAreRefusedNotIgnored() {
        // Ignoring "condition" would turn a guarded Allow into an unconditional one.
        assertThrows(IllegalArgumentException.class, () -> statements(
                "{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\",\"condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}"));
    }

    @Test
    void aPrincipalWildcardInsideAnArnIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Requests.resourceBased(
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::*:root\"},\"Action\":\"*\",\"Resource\":\"*\"}]}"));
    }

    @Test
    void anIpv4MappedAddressCannotDodgeAnIpDeny() {
        PolicyDocument policy = statements("""
                {"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"},
                {"Effect":"Deny","Action":"execute-api:Invoke","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"198.51.100.0/24"}}}""");
        assertEquals(EXPLICIT_DENY, policy.evaluate(to("dev/GET/pets").from("198.51.100.7").facts()));
        assertEquals(EXPLICIT_DENY, policy.evaluate(to("dev/GET/pets").from("::ffff:198.51.100.7").facts()));
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/pets").from("203.0.113.9").facts()));
    }

    @Test
    void aQuestionMarkIsNotAStar() {
        assertEquals(IMPLICIT_DENY, allow(A + "dev/GET/?").evaluate(to("dev/GET/pets").facts()));
        assertEquals(IMPLICIT_DENY, allow(A + "?").evaluate(to("dev/GET/pets").facts()));
    }
}
