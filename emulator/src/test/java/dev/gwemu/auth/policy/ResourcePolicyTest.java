package dev.gwemu.auth.policy;

import static dev.gwemu.auth.policy.PolicyDecision.ALLOW;
import static dev.gwemu.auth.policy.PolicyDecision.EXPLICIT_DENY;
import static dev.gwemu.auth.policy.PolicyDecision.IMPLICIT_DENY;
import static dev.gwemu.auth.policy.Requests.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Set;

/** Storage and normalisation (security-and-operations.md §4.1) and evaluation (§4.2) of an API's resource policy. */
class ResourcePolicyTest {
    private static ResourcePolicy compile(String json) {
        return ResourcePolicy.compile(json, Requests.REGION, Requests.ACCOUNT, Requests.API);
    }

    private static String refusal(String json) {
        return assertThrows(IllegalArgumentException.class, () -> compile(json)).getMessage();
    }

    @Test
    void theSnapshotsShorthandBecomesTheApisArn() {
        // LocalStack test_create_execute_api_vpc_endpoint [snap]: ["execute-api:/*"] is stored as
        // "arn:aws:execute-api:<region>:111111111111:<id>/*", a one-element list as a string.
        ResourcePolicy policy = ResourcePolicy.compile("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                  "Action": "execute-api:Invoke", "Resource": ["execute-api:/*"]}]}""", "eu-west-1", "111111111111", "a1b2c3d4e5");
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:eu-west-1:111111111111:a1b2c3d4e5/*\"}]}",
                policy.storedText());
        assertEquals(ALLOW, policy.evaluate(Requests.request().arn("arn:aws:execute-api:eu-west-1:111111111111:a1b2c3d4e5/dev/GET/").facts()));
        assertEquals(IMPLICIT_DENY, policy.evaluate(Requests.request().arn("arn:aws:execute-api:eu-west-1:111111111111:other/dev/GET/").facts()));
    }

    @Test
    void theShorthandNamesStageVerbAndPath() {
        ResourcePolicy policy = compile("""
                {"Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke",
                  "Resource":["execute-api:/dev/GET/pets","execute-api:/*/POST/*","arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/"]}]}""");
        assertEquals("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
                + "\"Resource\":[\"arn:aws:execute-api:us-east-1:123456789012:abc123/dev/GET/pets\","
                + "\"arn:aws:execute-api:us-east-1:123456789012:abc123/*/POST/*\","
                + "\"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/\"]}]}", policy.storedText());
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/pets").facts()));
        assertEquals(ALLOW, policy.evaluate(to("test/POST/pets/1").facts()));
        assertEquals(ALLOW, policy.evaluate(to("prod/GET/").facts()));
        assertEquals(IMPLICIT_DENY, policy.evaluate(to("dev/GET/pets/1").facts()));
        assertEquals(IMPLICIT_DENY, policy.evaluate(to("prod/GET/pets").facts()));
    }

    @Test
    void notResourceShorthandIsRewrittenToo() {
        ResourcePolicy policy = compile("""
                {"Statement":[
                  {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*"},
                  {"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","NotResource":"execute-api:/*/GET/*"}]}""");
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/pets").facts()));
        assertEquals(EXPLICIT_DENY, policy.evaluate(to("dev/DELETE/pets").facts()));
    }

    @Test
    void aOneElementAwsPrincipalListIsStoredAsAString() {
        ResourcePolicy policy = compile("""
                {"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:user/bob"]},
                  "Action":"execute-api:Invoke","Resource":"execute-api:/*"}]}""");
        assertEquals("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/bob\"},"
                + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:us-east-1:123456789012:abc123/*\"}]}",
                policy.storedText());
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/pets").by(Requests.BOB).facts()));
        assertEquals(IMPLICIT_DENY, policy.evaluate(to("dev/GET/pets").facts()));
    }

    @Test
    void theUsualVpcEndpointPolicy() {
        // API Gateway developer guide, private API example: deny unless through one VPC endpoint.
        ResourcePolicy policy = compile("""
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*",
                   "Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}},
                  {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*"}]}""");
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/pets").throughVpce("vpc-1", "vpce-1a2b3c4d").facts()));
        assertEquals(EXPLICIT_DENY, policy.evaluate(to("dev/GET/pets").throughVpce("vpc-1", "vpce-99").facts()));
        assertEquals(EXPLICIT_DENY, policy.evaluate(to("dev/GET/pets").facts()));
    }

    @Test
    void theUsualIpAllowList() {
        ResourcePolicy policy = compile("""
                {"Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke",
                  "Resource":"execute-api:/*","Condition":{"IpAddress":{"aws:SourceIp":["192.0.2.0/24","2001:db8::/32"]}}}]}""");
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/pets").from("192.0.2.9").facts()));
        assertEquals(ALLOW, policy.evaluate(to("dev/GET/pets").from("2001:db8::9").facts()));
        assertEquals(IMPLICIT_DENY, policy.evaluate(to("dev/GET/pets").from("203.0.113.9").facts()));
    }

    @Test
    void unsupportedConditionKeysAreReported() {
        ResourcePolicy policy = compile("""
                {"Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*",
                  "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}]}""");
        assertEquals(Set.of("aws:PrincipalOrgID"), policy.unsupportedConditionKeys());
    }

    @Test
    void atMost8192Characters() {
        String head = "{\"Statement\":[{\"Sid\":\"";
        String tail = "\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\"}]}";
        String exactly = head + "x".repeat(ResourcePolicy.MAX_LENGTH - head.length() - tail.length()) + tail;
        assertEquals(8192, exactly.length());
        assertEquals(ALLOW, compile(exactly).evaluate(to("dev/GET/pets").facts()));
        String over = head + "x".repeat(ResourcePolicy.MAX_LENGTH - head.length() - tail.length() + 1) + tail;
        assertEquals("the resource policy is 8193 characters long; API Gateway allows at most 8192", refusal(over));
    }

    @Test
    void malformedText() {
        assertEquals("the resource policy is empty", refusal(" "));
        assertEquals("the resource policy is empty", assertThrows(IllegalArgumentException.class,
                () -> ResourcePolicy.compile(null, "r", "a", "i")).getMessage());
        // The reason after the location is Jackson's.
        String truncated = refusal("{\"Statement\":[");
        assertTrue(truncated.startsWith("the resource policy is not valid JSON (line 1, column 15): Unexpected end-of-input"),
                truncated);
        assertEquals("the policy has no Statement", refusal("{}"));
    }

    @Test
    void duplicateKeysAndTrailingTextAreRefused() {
        String duplicate = refusal("""
                {"Statement":[{"Effect":"Deny","Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"*"}]}""");
        // Jackson words the reason; the location and the field are what matter.
        assertTrue(duplicate.startsWith("the resource policy is not valid JSON (line 1, column 40): Duplicate"), duplicate);
        assertTrue(duplicate.endsWith("'Effect'"), duplicate);
        String trailing = refusal("{\"Statement\":[]} {\"Statement\":[]}");
        assertTrue(trailing.startsWith("the resource policy is not valid JSON (line 1, column 18): Trailing token"), trailing);
    }

    @Test
    void statementsNeedAPrincipal() {
        assertEquals("Statement[0] has no Principal or NotPrincipal; a resource policy statement names who it applies to",
                refusal("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\"}]}"));
    }

    @Test
    void resourcesThatAreNeitherArnsNorShorthandAreRefused() {
        assertEquals("Statement[0]: Resource \"execute-api:*\" is not an ARN, execute-api:/{stage}/{VERB}/{path} or *",
                refusal("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:*\"}]}"));
    }
}
