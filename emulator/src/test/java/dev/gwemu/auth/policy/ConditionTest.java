package dev.gwemu.auth.policy;

import static dev.gwemu.auth.policy.Requests.BOB;
import static dev.gwemu.auth.policy.Requests.DEV_SESSION;
import static dev.gwemu.auth.policy.Requests.NOW;
import static dev.gwemu.auth.policy.Requests.allowWhen;
import static dev.gwemu.auth.policy.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwemu.auth.CallerIdentity;

import org.junit.jupiter.api.Test;

import java.util.Set;

/**
 * Condition operators and keys (security-and-operations.md §4.2; IAM User Guide, "Condition operators"). Each
 * policy allows everything when its condition holds, so ALLOW means "holds" and IMPLICIT_DENY "does not".
 */
class ConditionTest {
    private static boolean holds(String condition, Requests request) {
        return allowWhen(condition).evaluate(request.facts()) == PolicyDecision.ALLOW;
    }

    private static final Requests VPCE_1 = request().throughVpce("vpc-1", "vpce-1");
    private static final Requests VPCE_2 = request().throughVpce("vpc-2", "vpce-2");
    private static final Requests NO_VPCE = request();

    @Test
    void stringEqualsIsExactAndOrsItsValues() {
        String c = "{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}";
        assertTrue(holds(c, VPCE_1));
        assertFalse(holds(c, VPCE_2));
        assertFalse(holds(c, NO_VPCE));
        assertFalse(holds("{\"StringEquals\":{\"aws:SourceVpce\":\"VPCE-1\"}}", VPCE_1));
        assertFalse(holds("{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-*\"}}", VPCE_1));
        String either = "{\"StringEquals\":{\"aws:SourceVpce\":[\"vpce-2\",\"vpce-1\"]}}";
        assertTrue(holds(either, VPCE_1));
        assertTrue(holds(either, VPCE_2));
        assertFalse(holds(either, request().throughVpce("vpc-3", "vpce-3")));
    }

    @Test
    void stringNotEqualsHoldsWhenNoValueMatchesAndWhenTheKeyIsAbsent() {
        String c = "{\"StringNotEquals\":{\"aws:SourceVpce\":[\"vpce-1\",\"vpce-2\"]}}";
        assertFalse(holds(c, VPCE_1));
        assertFalse(holds(c, VPCE_2));
        assertTrue(holds(c, request().throughVpce("vpc-3", "vpce-3")));
        // IAM: "If the policy condition requires that the key is not matched ... and the right key is not present,
        // the condition is true."
        assertTrue(holds(c, NO_VPCE));
    }

    @Test
    void ignoreCaseVariants() {
        assertTrue(holds("{\"StringEqualsIgnoreCase\":{\"aws:SourceVpce\":\"VPCE-1\"}}", VPCE_1));
        assertFalse(holds("{\"StringEqualsIgnoreCase\":{\"aws:SourceVpce\":\"VPCE-2\"}}", VPCE_1));
        assertFalse(holds("{\"StringEqualsIgnoreCase\":{\"aws:SourceVpce\":\"VPCE-1\"}}", NO_VPCE));
        assertFalse(holds("{\"StringNotEqualsIgnoreCase\":{\"aws:SourceVpce\":\"VPCE-1\"}}", VPCE_1));
        assertTrue(holds("{\"StringNotEqualsIgnoreCase\":{\"aws:SourceVpce\":\"VPCE-1\"}}", VPCE_2));
        assertTrue(holds("{\"StringNotEqualsIgnoreCase\":{\"aws:SourceVpce\":\"VPCE-1\"}}", NO_VPCE));
    }

    @Test
    void stringLikeHasWildcardsAndCase() {
        assertTrue(holds("{\"StringLike\":{\"aws:UserAgent\":\"curl/*\"}}", request()));
        assertTrue(holds("{\"StringLike\":{\"aws:UserAgent\":\"?url/8.?.0\"}}", request()));
        assertFalse(holds("{\"StringLike\":{\"aws:UserAgent\":\"Curl/*\"}}", request()));
        assertFalse(holds("{\"StringLike\":{\"aws:UserAgent\":\"Mozilla/*\"}}", request()));
        assertTrue(holds("{\"StringLike\":{\"aws:UserAgent\":[\"Mozilla/*\",\"*curl*\"]}}", request()));
        assertFalse(holds("{\"StringLike\":{\"aws:UserAgent\":\"*\"}}", request().userAgent(null)));
        assertFalse(holds("{\"StringNotLike\":{\"aws:UserAgent\":\"curl/*\"}}", request()));
        assertTrue(holds("{\"StringNotLike\":{\"aws:UserAgent\":\"Mozilla/*\"}}", request()));
        assertTrue(holds("{\"StringNotLike\":{\"aws:UserAgent\":\"*\"}}", request().userAgent(null)));
    }

    @Test
    void ipAddressTakesCidrBlocksAndSingleAddressesOfBothFamilies() {
        String c = "{\"IpAddress\":{\"aws:SourceIp\":[\"192.0.2.0/24\",\"198.51.100.7\",\"2001:db8::/32\"]}}";
        assertTrue(holds(c, request().from("192.0.2.200")));
        assertTrue(holds(c, request().from("198.51.100.7")));
        assertTrue(holds(c, request().from("2001:db8:1234::5")));
        assertTrue(holds(c, request().from("::ffff:192.0.2.1")));
        assertFalse(holds(c, request().from("198.51.100.8")));
        assertFalse(holds(c, request().from("2001:db9::5")));
        assertFalse(holds(c, request().from("203.0.113.9")));
        assertFalse(holds(c, request().from("not-an-ip")));
        assertFalse(holds(c, request().from(null)));
    }

    @Test
    void notIpAddressHoldsOutsideEveryBlock() {
        String c = "{\"NotIpAddress\":{\"aws:SourceIp\":[\"192.0.2.0/24\",\"2001:db8::/32\"]}}";
        assertFalse(holds(c, request().from("192.0.2.1")));
        assertFalse(holds(c, request().from("2001:db8::1")));
        assertTrue(holds(c, request().from("203.0.113.9")));
        assertTrue(holds(c, request().from("2001:db9::1")));
        // An address gwemu cannot read is outside every block.
        assertTrue(holds(c, request().from("not-an-ip")));
    }

    @Test
    void datesOnCurrentTime() {
        // NOW is 2026-11-25T21:06:17Z.
        assertTrue(holds("{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-11-25T21:06:16Z\"}}", request()));
        assertFalse(holds("{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-11-25T21:06:17Z\"}}", request()));
        assertTrue(holds("{\"DateGreaterThanEquals\":{\"aws:CurrentTime\":\"2026-11-25T21:06:17Z\"}}", request()));
        assertTrue(holds("{\"DateLessThan\":{\"aws:CurrentTime\":\"2026-11-25T21:06:18Z\"}}", request()));
        assertFalse(holds("{\"DateLessThan\":{\"aws:CurrentTime\":\"2026-11-25T21:06:17Z\"}}", request()));
        assertTrue(holds("{\"DateLessThanEquals\":{\"aws:CurrentTime\":\"2026-11-25T21:06:17Z\"}}", request()));
        assertTrue(holds("{\"DateEquals\":{\"aws:CurrentTime\":\"2026-11-25T23:06:17+02:00\"}}", request()));
        assertFalse(holds("{\"DateNotEquals\":{\"aws:CurrentTime\":\"2026-11-25T21:06:17Z\"}}", request()));
        assertTrue(holds("{\"DateNotEquals\":{\"aws:CurrentTime\":\"2026-11-25T21:06:18Z\"}}", request()));
        // A date alone is midnight UTC; epoch seconds are accepted too.
        assertTrue(holds("{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-11-25\"}}", request()));
        assertFalse(holds("{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-11-26\"}}", request()));
        assertTrue(holds("{\"DateLessThan\":{\"aws:CurrentTime\":" + (NOW.getEpochSecond() + 1) + "}}", request()));
        // A time window: both operators must hold.
        String window = "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-11-01T00:00:00Z\"},"
                + "\"DateLessThan\":{\"aws:CurrentTime\":\"2026-12-01T00:00:00Z\"}}";
        assertTrue(holds(window, request()));
        assertFalse(holds(window, request().at(NOW.plusSeconds(86_400 * 10))));
    }

    @Test
    void numbersAndDatesOnEpochTime() {
        long now = NOW.getEpochSecond();
        assertTrue(holds("{\"NumericLessThan\":{\"aws:EpochTime\":" + (now + 1) + "}}", request()));
        assertFalse(holds("{\"NumericLessThan\":{\"aws:EpochTime\":" + now + "}}", request()));
        assertTrue(holds("{\"NumericLessThanEquals\":{\"aws:EpochTime\":\"" + now + "\"}}", request()));
        assertTrue(holds("{\"NumericGreaterThan\":{\"aws:EpochTime\":" + (now - 1) + "}}", request()));
        assertFalse(holds("{\"NumericGreaterThan\":{\"aws:EpochTime\":" + now + "}}", request()));
        assertTrue(holds("{\"NumericGreaterThanEquals\":{\"aws:EpochTime\":" + now + "}}", request()));
        assertTrue(holds("{\"NumericEquals\":{\"aws:EpochTime\":[1," + now + "]}}", request()));
        assertFalse(holds("{\"NumericNotEquals\":{\"aws:EpochTime\":[1," + now + "]}}", request()));
        assertTrue(holds("{\"NumericNotEquals\":{\"aws:EpochTime\":[1,2]}}", request()));
        assertTrue(holds("{\"NumericLessThan\":{\"aws:EpochTime\":" + now + ".5}}", request()));
        assertTrue(holds("{\"DateLessThan\":{\"aws:EpochTime\":\"2026-11-25T21:06:18Z\"}}", request()));
        // A key that does not read as a number matches no Numeric value.
        assertFalse(holds("{\"NumericGreaterThan\":{\"aws:UserAgent\":0}}", request()));
    }

    @Test
    void boolOnSecureTransport() {
        assertTrue(holds("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", request()));
        assertTrue(holds("{\"Bool\":{\"aws:SecureTransport\":true}}", request()));
        assertTrue(holds("{\"Bool\":{\"aws:SecureTransport\":\"True\"}}", request()));
        assertFalse(holds("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", request().insecure()));
        assertTrue(holds("{\"Bool\":{\"aws:SecureTransport\":false}}", request().insecure()));
        assertFalse(holds("{\"Bool\":{\"aws:SecureTransport\":false}}", request()));
    }

    @Test
    void ifExistsHoldsForAnAbsentKeyAndTestsAPresentOne() {
        String c = "{\"StringEqualsIfExists\":{\"aws:SourceVpce\":\"vpce-1\"}}";
        assertTrue(holds(c, NO_VPCE));
        assertTrue(holds(c, VPCE_1));
        assertFalse(holds(c, VPCE_2));
        String not = "{\"StringNotEqualsIfExists\":{\"aws:SourceVpce\":\"vpce-1\"}}";
        assertTrue(holds(not, NO_VPCE));
        assertFalse(holds(not, VPCE_1));
        assertTrue(holds(not, VPCE_2));
        assertTrue(holds("{\"IpAddressIfExists\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}", request().from(null)));
        assertFalse(holds("{\"IpAddressIfExists\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}", request()));
        assertTrue(holds("{\"ForAnyValue:StringEqualsIfExists\":{\"aws:SourceVpce\":\"vpce-1\"}}", NO_VPCE));
    }

    @Test
    void setOperatorsTreatOneValueAsAOneElementSet() {
        assertTrue(holds("{\"ForAnyValue:StringEquals\":{\"aws:SourceVpce\":[\"vpce-1\",\"vpce-9\"]}}", VPCE_1));
        assertFalse(holds("{\"ForAnyValue:StringEquals\":{\"aws:SourceVpce\":\"vpce-9\"}}", VPCE_1));
        assertTrue(holds("{\"ForAllValues:StringLike\":{\"aws:SourceVpce\":\"vpce-*\"}}", VPCE_1));
        assertFalse(holds("{\"ForAllValues:StringLike\":{\"aws:SourceVpce\":\"vpc-*\"}}", VPCE_1));
        assertTrue(holds("{\"ForAnyValue:StringNotEquals\":{\"aws:SourceVpce\":\"vpce-9\"}}", VPCE_1));
        assertFalse(holds("{\"ForAllValues:StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}", VPCE_1));
    }

    @Test
    void setOperatorsOnAnAbsentKey() {
        // IAM: ForAllValues holds for an absent key (an empty set), ForAnyValue does not, negated or not.
        assertTrue(holds("{\"ForAllValues:StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}", NO_VPCE));
        assertTrue(holds("{\"ForAllValues:StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}", NO_VPCE));
        assertFalse(holds("{\"ForAnyValue:StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}", NO_VPCE));
        assertFalse(holds("{\"ForAnyValue:StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}", NO_VPCE));
    }

    @Test
    void nullTestsPresence() {
        assertTrue(holds("{\"Null\":{\"aws:SourceVpce\":\"true\"}}", NO_VPCE));
        assertFalse(holds("{\"Null\":{\"aws:SourceVpce\":\"true\"}}", VPCE_1));
        assertTrue(holds("{\"Null\":{\"aws:SourceVpce\":false}}", VPCE_1));
        assertFalse(holds("{\"Null\":{\"aws:SourceVpce\":false}}", NO_VPCE));
    }

    @Test
    void keyNamesIgnoreCase() {
        assertTrue(holds("{\"IpAddress\":{\"AWS:SOURCEIP\":\"203.0.113.0/24\"}}", request()));
        assertTrue(holds("{\"StringEquals\":{\"aws:sourcevpce\":\"vpce-1\"}}", VPCE_1));
    }

    @Test
    void keysAndOperatorsAreAnded() {
        String twoKeys = "{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\",\"aws:SourceVpc\":\"vpc-1\"}}";
        assertTrue(holds(twoKeys, VPCE_1));
        assertFalse(holds(twoKeys, request().throughVpce("vpc-2", "vpce-1")));
        String twoOperators = "{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"},\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}";
        assertTrue(holds(twoOperators, VPCE_1));
        assertFalse(holds(twoOperators, request().throughVpce("vpc-1", "vpce-1").from("192.0.2.1")));
    }

    @Test
    void principalKeysForAUser() {
        Requests bob = request().by(BOB);
        assertTrue(holds("{\"StringEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:user/bob\"}}", bob));
        assertTrue(holds("{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:user/*\"}}", bob));
        assertTrue(holds("{\"StringEquals\":{\"aws:PrincipalAccount\":\"111122223333\"}}", bob));
        assertTrue(holds("{\"StringEquals\":{\"aws:userid\":\"AIDABOB0000000000000\"}}", bob));
        assertTrue(holds("{\"StringEquals\":{\"aws:username\":\"bob\"}}", bob));
        assertTrue(holds("{\"StringEquals\":{\"aws:username\":\"alice\"}}", request().by(Requests.ALICE)));
    }

    @Test
    void numbersAndBooleansInAStringConditionAreTheirText() {
        assertTrue(holds("{\"StringEquals\":{\"aws:PrincipalAccount\":111122223333}}", request().by(BOB)));
        assertTrue(holds("{\"StringEquals\":{\"aws:SecureTransport\":true}}", request()));
    }

    @Test
    void principalKeysForARoleSession() {
        Requests session = request().by(DEV_SESSION);
        // aws:PrincipalArn of a role session is the role's ARN, not the session's.
        assertTrue(holds("{\"StringEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:role/dev\"}}", session));
        assertFalse(holds("{\"StringEquals\":{\"aws:PrincipalArn\":\"arn:aws:sts::111122223333:assumed-role/dev/s1\"}}", session));
        assertTrue(holds("{\"StringEquals\":{\"aws:userid\":\"AROADEV0000000000000:s1\"}}", session));
        assertTrue(holds("{\"StringLike\":{\"aws:userid\":\"*:s1\"}}", session));
        // Role sessions have no aws:username.
        assertFalse(holds("{\"StringLike\":{\"aws:username\":\"*\"}}", session));
        assertTrue(holds("{\"Null\":{\"aws:username\":\"true\"}}", session));
    }

    @Test
    void principalKeysAreAbsentForAnonymousCallers() {
        for (String key : new String[] {"aws:PrincipalArn", "aws:PrincipalAccount", "aws:userid", "aws:username"}) {
            assertFalse(holds("{\"StringLike\":{\"" + key + "\":\"*\"}}", request()), key);
            assertTrue(holds("{\"Null\":{\"" + key + "\":\"true\"}}", request()), key);
        }
    }

    @Test
    void accountFromTheArnWhenTheIdentityHasNone() {
        CallerIdentity noAccount = new CallerIdentity("AKID", null, "AIDA", "AIDA", "arn:aws:iam::444455556666:user/carol");
        assertTrue(holds("{\"StringEquals\":{\"aws:PrincipalAccount\":\"444455556666\"}}", request().by(noAccount)));
    }

    @Test
    void sourceArnIsTheMethodArn() {
        assertTrue(holds("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/*\"}}", request()));
        assertFalse(holds("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:execute-api:us-east-1:123456789012:abc123/*/POST/*\"}}", request()));
        assertTrue(holds("{\"ArnEquals\":{\"aws:SourceArn\":\"" + Requests.ARN_PREFIX + "dev/GET/pets\"}}", request()));
        assertFalse(holds("{\"ArnNotLike\":{\"aws:SourceArn\":\"arn:aws:execute-api:*\"}}", request()));
        assertTrue(holds("{\"ArnNotEquals\":{\"aws:SourceArn\":\"arn:aws:execute-api:*:*:other/*\"}}", request()));
    }

    @Test
    void refererAndUserAgent() {
        assertTrue(holds("{\"StringLike\":{\"aws:Referer\":\"https://example.com/*\"}}", request().referer("https://example.com/app")));
        assertFalse(holds("{\"StringLike\":{\"aws:Referer\":\"https://example.com/*\"}}", request()));
        assertTrue(holds("{\"StringEquals\":{\"aws:UserAgent\":\"curl/8.5.0\"}}", request()));
    }

    @Test
    void unsupportedKeysAreAbsentAndListed() {
        PolicyDocument policy = allowWhen("{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-1\",\"aws:PrincipalTag/team\":\"a\"},"
                + "\"StringNotEquals\":{\"aws:VpcSourceIp\":\"10.0.0.1\"}}");
        assertEquals(Set.of("aws:PrincipalOrgID", "aws:PrincipalTag/team", "aws:VpcSourceIp"), policy.unsupportedConditionKeys());
        assertEquals(PolicyDecision.IMPLICIT_DENY, policy.evaluate(request().by(BOB).facts()));
        assertTrue(holds("{\"StringNotEquals\":{\"aws:PrincipalOrgID\":\"o-1\"}}", request().by(BOB)));
        assertEquals(Set.of(), allowWhen("{\"StringEquals\":{\"aws:SourceVpce\":\"v\"}}").unsupportedConditionKeys());
    }
}
