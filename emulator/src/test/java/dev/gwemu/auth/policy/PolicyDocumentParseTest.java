package dev.gwemu.auth.policy;

import static dev.gwemu.auth.policy.Requests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** Malformed policies are refused with a message that says where and what. */
class PolicyDocumentParseTest {
    private static final String OK_STATEMENT =
            "{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}";

    private static String statement(String members) {
        return "{\"Statement\":[{" + members + "}]}";
    }

    static Stream<Arguments> identityPolicies() {
        return Stream.of(
                Arguments.of("[]", "a policy must be a JSON object, got array"),
                Arguments.of("\"Allow\"", "a policy must be a JSON object, got string"),
                Arguments.of("{}", "the policy has no Statement"),
                Arguments.of("{\"Version\":\"2012-10-17\"}", "the policy has no Statement"),
                Arguments.of("{\"statement\":[]}",
                        "the policy has an unknown element \"statement\" (elements are case-sensitive: Version, Id, Statement)"),
                Arguments.of("{\"Version\":\"2012-10-18\",\"Statement\":[]}",
                        "Version must be \"2012-10-17\" or \"2008-10-17\", got \"2012-10-18\""),
                Arguments.of("{\"Version\":20121017,\"Statement\":[]}",
                        "Version must be \"2012-10-17\" or \"2008-10-17\", got number"),
                Arguments.of("{\"Id\":7,\"Statement\":[]}", "Id must be a string, got number"),
                Arguments.of("{\"Statement\":\"Allow\"}", "Statement must be an object or an array of objects, got string"),
                Arguments.of("{\"Statement\":null}", "Statement must be an object or an array of objects, got null"),
                Arguments.of("{\"Statement\":[" + OK_STATEMENT + ",7]}", "Statement[1] must be an object, got number"),
                Arguments.of(statement("\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\""), "Statement[0] has no Effect"),
                Arguments.of(statement("\"Effect\":\"Permit\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\""),
                        "Statement[0]: Effect must be Allow or Deny, got \"Permit\""),
                Arguments.of(statement("\"Effect\":\" Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\""),
                        "Statement[0]: Effect must be Allow or Deny, got \" Allow\""),
                Arguments.of(statement("\"Effect\":true,\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\""),
                        "Statement[0]: Effect must be Allow or Deny, got boolean"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Resource\":\"*\""), "Statement[0] has no Action or NotAction"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"NotAction\":\"s3:*\",\"Resource\":\"*\""),
                        "Statement[0] has both Action and NotAction"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":{\"a\":1},\"Resource\":\"*\""),
                        "Statement[0]: Action must be a string or an array of strings, got object"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\""),
                        "Statement[0]: Action is an empty array"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":[\"execute-api:Invoke\",3],\"Resource\":\"*\""),
                        "Statement[0]: Action[1] must be a string, got number"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"Invoke\",\"Resource\":\"*\""),
                        "Statement[0]: Action \"Invoke\" is not service:action or *"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"NotAction\":\":Invoke\",\"Resource\":\"*\""),
                        "Statement[0]: NotAction \":Invoke\" is not service:action or *"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\""),
                        "Statement[0] has no Resource or NotResource"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\",\"NotResource\":\"*\""),
                        "Statement[0] has both Resource and NotResource"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":null"),
                        "Statement[0]: Resource must be a string or an array of strings, got null"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":[\"*\",\"\"]"),
                        "Statement[0]: Resource has an empty string"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:" + "x".repeat(509) + "\""),
                        "Statement[0]: Resource is 513 characters long; at most 512 are allowed"),
                Arguments.of(statement("\"Sid\":1,\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\""),
                        "Statement[0]: Sid must be a string, got number"),
                Arguments.of(statement("\"effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\""),
                        "Statement[0] has an unknown element \"effect\" (elements are case-sensitive: Sid, Effect, Principal, "
                                + "NotPrincipal, Action, NotAction, Resource, NotResource, Condition)"),
                Arguments.of("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resources\":\"*\"}}",
                        "Statement has an unknown element \"Resources\" (elements are case-sensitive: Sid, Effect, Principal, "
                                + "NotPrincipal, Action, NotAction, Resource, NotResource, Condition)"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Principal\":\"*\",\"NotPrincipal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\""),
                        "Statement[0] has both Principal and NotPrincipal"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Principal\":\"someone\",\"Action\":\"*\",\"Resource\":\"*\""),
                        "Statement[0]: Principal must be \"*\" or an object such as {\"AWS\": [...]}, got \"someone\""),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Principal\":{},\"Action\":\"*\",\"Resource\":\"*\""),
                        "Statement[0]: Principal must be \"*\" or an object such as {\"AWS\": [...]}, got object"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Principal\":{\"IAM\":\"*\"},\"Action\":\"*\",\"Resource\":\"*\""),
                        "Statement[0]: Principal has an unknown principal type \"IAM\" (AWS, Service, Federated or CanonicalUser)"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[]},\"Action\":\"*\",\"Resource\":\"*\""),
                        "Statement[0]: Principal.AWS is an empty array"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/*\"},\"Action\":\"*\",\"Resource\":\"*\""),
                        "Statement[0]: Principal.AWS \"arn:aws:iam::111122223333:user/*\" has a wildcard; "
                                + "a principal is \"*\" alone or a whole account id or ARN"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"bob\"},\"Action\":\"*\",\"Resource\":\"*\""),
                        "Statement[0]: NotPrincipal.AWS \"bob\" is not an account id, an IAM or STS ARN, or *"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"11112222333\"},\"Action\":\"*\",\"Resource\":\"*\""),
                        "Statement[0]: Principal.AWS \"11112222333\" is not an account id, an IAM or STS ARN, or *"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:s3:::bucket\"},\"Action\":\"*\",\"Resource\":\"*\""),
                        "Statement[0]: Principal.AWS \"arn:aws:s3:::bucket\" is not an account id, an IAM or STS ARN, or *"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":[]"),
                        "Statement[0]: Condition must be an object, got array"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEqual\":{\"aws:SourceVpce\":\"v\"}}"),
                        "Statement[0]: Condition: unknown condition operator \"StringEqual\""),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"stringequals\":{\"aws:SourceVpce\":\"v\"}}"),
                        "Statement[0]: Condition: unknown condition operator \"stringequals\""),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"ForSomeValues:StringEquals\":{\"aws:SourceVpce\":\"v\"}}"),
                        "Statement[0]: Condition: unknown condition operator \"ForSomeValues:StringEquals\""),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"BinaryEquals\":{\"aws:SourceVpce\":\"dg==\"}}"),
                        "Statement[0]: Condition: condition operator \"BinaryEquals\" is not supported by gwemu"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"NullIfExists\":{\"aws:SourceVpce\":\"true\"}}"),
                        "Statement[0]: Condition: condition operator \"NullIfExists\": Null takes neither IfExists nor ForAnyValue/ForAllValues"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":\"aws:SourceVpce\"}"),
                        "Statement[0]: Condition.StringEquals must be an object of condition keys to values, got \"aws:SourceVpce\""),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{}}"),
                        "Statement[0]: Condition.StringEquals must be an object of condition keys to values, got object"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"\":\"v\"}}"),
                        "Statement[0]: Condition.StringEquals has an empty condition key"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":{\"v\":1}}}"),
                        "Statement[0]: Condition.StringEquals.aws:SourceVpce must be a string, number or boolean, or an array of them, got object"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":[]}}"),
                        "Statement[0]: Condition.StringEquals.aws:SourceVpce is an empty array"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":[\"a\",null]}}"),
                        "Statement[0]: Condition.StringEquals.aws:SourceVpce[1] must be a string, number or boolean, got null"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"aws:EpochTime\":\"soon\"}}"),
                        "Statement[0]: Condition.NumericLessThan.aws:EpochTime value \"soon\" is not a number"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"aws:EpochTime\":\"1e9\"}}"),
                        "Statement[0]: Condition.NumericLessThan.aws:EpochTime value \"1e9\" is not a number"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"2026-13-01T00:00:00Z\"}}"),
                        "Statement[0]: Condition.DateLessThan.aws:CurrentTime value \"2026-13-01T00:00:00Z\" is not an ISO 8601 date or epoch seconds"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"yes\"}}"),
                        "Statement[0]: Condition.Bool.aws:SecureTransport value \"yes\" is not true or false"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"10.0.0.0/33\"]}}"),
                        "Statement[0]: Condition.IpAddress.aws:SourceIp value \"10.0.0.0/33\" is not an IP address or CIDR block"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":\"intranet.example.com\"}}"),
                        "Statement[0]: Condition.NotIpAddress.aws:SourceIp value \"intranet.example.com\" is not an IP address or CIDR block"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Null\":{\"aws:SourceVpce\":\"maybe\"}}"),
                        "Statement[0]: Condition.Null.aws:SourceVpce value \"maybe\" is not true or false"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("identityPolicies")
    void refused(String policy, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PolicyDocument.parse(json(policy)));
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> resourcePolicies() {
        return Stream.of(
                Arguments.of(statement("\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\""),
                        "Statement[0] has no Principal or NotPrincipal; a resource policy statement names who it applies to"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:*\""),
                        "Statement[0]: Resource \"execute-api:*\" is not an ARN, execute-api:/{stage}/{VERB}/{path} or *"),
                Arguments.of(statement("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"NotResource\":[\"abc123/*\"]"),
                        "Statement[0]: NotResource \"abc123/*\" is not an ARN, execute-api:/{stage}/{VERB}/{path} or *"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("resourcePolicies")
    void refusedAsResourcePolicy(String policy, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolicyDocument.parse(json(policy), PolicyKind.RESOURCE_BASED));
        assertEquals(message, e.getMessage());
    }
}
