package dev.gwemu.auth.policy;

import static dev.gwemu.auth.policy.PolicyDecision.ALLOW;
import static dev.gwemu.auth.policy.PolicyDecision.EXPLICIT_DENY;
import static dev.gwemu.auth.policy.PolicyDecision.IMPLICIT_DENY;
import static dev.gwemu.auth.policy.Requests.identityPolicy;
import static dev.gwemu.auth.policy.Requests.statements;
import static dev.gwemu.auth.policy.Requests.to;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A Lambda authorizer's policy against method ARNs (security-and-operations.md §3.3, Response contract). */
class PolicyDocumentEvaluationTest {
    private static final String A = Requests.ARN_PREFIX;

    @Test
    void theSpecExampleAllowsEveryGetOnEveryStage() {
        PolicyDocument policy = identityPolicy("""
                {"Version":"2012-10-17","Statement":[
                  {"Action":"execute-api:Invoke","Effect":"Allow",
                   "Resource":"arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/GET/*"}]}""");
        String api = "arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/";
        assertEquals(ALLOW, policy.evaluate(Requests.request().arn(api + "dev/GET/pets/7").facts()));
        assertEquals(ALLOW, policy.evaluate(Requests.request().arn(api + "prod/GET/").facts()));
        assertEquals(IMPLICIT_DENY, policy.evaluate(Requests.request().arn(api + "dev/POST/pets").facts()));
        assertEquals(IMPLICIT_DENY, policy.evaluate(Requests.request().arn(api.replace("us-west-2", "us-east-1") + "dev/GET/pets").facts()));
    }

    @Test
    void anExplicitDenyWinsWhereverItStands() {
        String allowAll = "{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"" + A + "*\"}";
        String denyDelete = "{\"Effect\":\"Deny\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"" + A + "*/DELETE/*\"}";
        for (PolicyDocument policy : new PolicyDocument[] {statements(allowAll + "," + denyDelete), statements(denyDelete + "," + allowAll)}) {
            assertEquals(EXPLICIT_DENY, policy.evaluate(to("dev/DELETE/pets/7").facts()));
            assertEquals(ALLOW, policy.evaluate(to("dev/GET/pets/7").facts()));
        }
    }

    @Test
    void aDenyAloneIsExplicitWhereItMatchesAndSilentElsewhere() {
        PolicyDocument policy = statements("{\"Effect\":\"Deny\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"" + A + "dev/*\"}");
        assertEquals(EXPLICIT_DENY, policy.evaluate(to("dev/GET/pets").facts()));
        assertEquals(IMPLICIT_DENY, policy.evaluate(to("prod/GET/pets").facts()));
    }

    @Test
    void statementsAndResourceListsAreOred() {
        PolicyDocument policy = statements("""
                {"Effect":"Allow","Action":"execute-api:Invoke","Resource":"%1$sdev/GET/pets"},
                {"Effect":"Allow","Action":"execute-api:Invoke","Resource":["%1$sdev/POST/pets","%1$sdev/GET/"]}""".formatted(A));
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/pets").facts()));
        assertEquals(ALLOW, policy.evaluate(to("dev/POST/pets").facts()));
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/").facts()));
        assertEquals(IMPLICIT_DENY, policy.evaluate(to("dev/PUT/pets").facts()));
        assertEquals(IMPLICIT_DENY, policy.evaluate(to("dev/GET/pets/1").facts()));
    }

    @Test
    void aSingleStatementObjectIsAStatementList() {
        PolicyDocument policy = identityPolicy("""
                {"Statement":{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"%sdev/GET/pets"}}""".formatted(A));
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/pets").facts()));
        assertEquals(IMPLICIT_DENY, policy.evaluate(to("dev/GET/toys").facts()));
    }

    @Test
    void noStatementsDenyImplicitly() {
        assertEquals(IMPLICIT_DENY, identityPolicy("{\"Version\":\"2008-10-17\",\"Statement\":[]}").evaluate(to("dev/GET/pets").facts()));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "Action    | \"execute-api:Invoke\"                     | ALLOW",
            "Action    | \"execute-api:*\"                          | ALLOW",
            "Action    | \"*\"                                      | ALLOW",
            "Action    | \"EXECUTE-API:INVOKE\"                     | ALLOW",
            "Action    | \"Execute-Api:invoke\"                     | ALLOW",
            "Action    | \"execute-api:Inv*\"                       | ALLOW",
            "Action    | \"execute-api:Invok?\"                     | ALLOW",
            "Action    | \"*:Invoke\"                               | ALLOW",
            "Action    | [\"s3:GetObject\",\"execute-api:Invoke\"]  | ALLOW",
            "Action    | \"execute-api:Invoke?\"                    | IMPLICIT_DENY",
            "Action    | \"execute-api:ManageConnections\"          | IMPLICIT_DENY",
            "Action    | \"execute-api:InvokeX\"                    | IMPLICIT_DENY",
            "Action    | \"apigateway:*\"                           | IMPLICIT_DENY",
            "Action    | \"s3:*\"                                   | IMPLICIT_DENY",
            "NotAction | \"s3:*\"                                   | ALLOW",
            "NotAction | \"execute-api:ManageConnections\"          | ALLOW",
            "NotAction | \"execute-api:*\"                          | IMPLICIT_DENY",
            "NotAction | [\"s3:*\",\"execute-api:invoke\"]         | IMPLICIT_DENY",
            "NotAction | \"*\"                                      | IMPLICIT_DENY",
    })
    void actionForms(String element, String actions, PolicyDecision expected) {
        PolicyDocument policy = statements("{\"Effect\":\"Allow\",\"" + element + "\":" + actions + ",\"Resource\":\"*\"}");
        assertEquals(expected, policy.evaluate(to("dev/GET/pets").facts()));
    }

    @Test
    void notResourceAppliesEverywhereElse() {
        PolicyDocument policy = statements("""
                {"Effect":"Allow","Action":"execute-api:Invoke","Resource":"%1$s*"},
                {"Effect":"Deny","Action":"execute-api:Invoke","NotResource":["%1$s*/GET/*","%1$s*/HEAD/*"]}""".formatted(A));
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/pets").facts()));
        assertEquals(ALLOW, policy.evaluate(to("dev/HEAD/pets").facts()));
        assertEquals(EXPLICIT_DENY, policy.evaluate(to("dev/POST/pets").facts()));
    }

    @Test
    void aStatementWithAPrincipalInAnAuthorizerPolicyIsMatchedAgainstTheCaller() {
        // An authorizer's request has no signed caller: only "*" covers it.
        PolicyDocument everyone = statements("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}");
        PolicyDocument bob = statements("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/bob\"},"
                + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}");
        assertEquals(ALLOW, everyone.evaluate(to("dev/GET/pets").facts()));
        assertEquals(IMPLICIT_DENY, bob.evaluate(to("dev/GET/pets").facts()));
        assertEquals(ALLOW, bob.evaluate(to("dev/GET/pets").by(Requests.BOB).facts()));
    }

    @Test
    void theCachedPolicyIsReevaluatedForEachMethodArn() {
        // §3.3 Caching: a policy for the first method ARN denies the others during the TTL.
        PolicyDocument firstAnswer = statements("{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"" + A + "dev/GET/pets\"}");
        assertEquals(ALLOW, firstAnswer.evaluate(to("dev/GET/pets").facts()));
        assertEquals(IMPLICIT_DENY, firstAnswer.evaluate(to("dev/GET/pets/1").facts()));
    }
}
