package dev.gwemu.auth.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.gwemu.auth.CallerIdentity;

import java.time.Instant;

/** Test fixtures: requests to API abc123 in us-east-1, account 123456789012, and policies from JSON text. */
final class Requests {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    static final String API = "abc123";
    static final String ARN_PREFIX = "arn:aws:execute-api:us-east-1:123456789012:abc123/";
    static final Instant NOW = Instant.parse("2026-11-25T21:06:17Z");

    static final CallerIdentity BOB = new CallerIdentity("AKIDBOB", "111122223333", "AIDABOB0000000000000", "AIDABOB0000000000000",
            "arn:aws:iam::111122223333:user/bob");
    static final CallerIdentity ALICE = new CallerIdentity("AKIDALICE", "111122223333", "AIDAALICE00000000000",
            "AIDAALICE00000000000", "arn:aws:iam::111122223333:user/engineering/alice");
    static final CallerIdentity DEV_SESSION = new CallerIdentity("ASIADEV", "111122223333", "AROADEV0000000000000:s1",
            "AROADEV0000000000000:s1", "arn:aws:sts::111122223333:assumed-role/dev/s1");
    static final CallerIdentity STRANGER = new CallerIdentity("AKIDEVE", "999999999999", "AIDAEVE0000000000000",
            "AIDAEVE0000000000000", "arn:aws:iam::999999999999:user/bob");

    private static final ObjectMapper JSON = new ObjectMapper();

    private String methodArn = ARN_PREFIX + "dev/GET/pets";
    private CallerIdentity caller;
    private String sourceIp = "203.0.113.9";
    private String sourceVpc;
    private String sourceVpce;
    private Instant now = NOW;
    private boolean secureTransport = true;
    private String userAgent = "curl/8.5.0";
    private String referer;

    private Requests() {
    }

    /** GET /pets on stage dev, anonymous, from 203.0.113.9 over HTTPS with curl. */
    static Requests request() {
        return new Requests();
    }

    /** @param pathAfterArnPrefix e.g. {@code dev/GET/pets} */
    static Requests to(String pathAfterArnPrefix) {
        return new Requests().arn(ARN_PREFIX + pathAfterArnPrefix);
    }

    Requests arn(String arn) {
        this.methodArn = arn;
        return this;
    }

    Requests by(CallerIdentity caller) {
        this.caller = caller;
        return this;
    }

    Requests from(String ip) {
        this.sourceIp = ip;
        return this;
    }

    Requests throughVpce(String vpc, String vpce) {
        this.sourceVpc = vpc;
        this.sourceVpce = vpce;
        return this;
    }

    Requests at(Instant now) {
        this.now = now;
        return this;
    }

    Requests insecure() {
        this.secureTransport = false;
        return this;
    }

    Requests userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    Requests referer(String referer) {
        this.referer = referer;
        return this;
    }

    RequestFacts facts() {
        return new RequestFacts(methodArn, caller, sourceIp, sourceVpc, sourceVpce, now, secureTransport, userAgent, referer);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An authorizer-style (identity-based) policy. */
    static PolicyDocument identityPolicy(String json) {
        return PolicyDocument.parse(json(json));
    }

    static PolicyDocument resourceBased(String json) {
        return PolicyDocument.parse(json(json), PolicyKind.RESOURCE_BASED);
    }

    /** {"Statement":[...statements...]} as an identity policy. */
    static PolicyDocument statements(String statementsJson) {
        return identityPolicy("{\"Version\":\"2012-10-17\",\"Statement\":[" + statementsJson + "]}");
    }

    /** One Allow-everything identity statement guarded by {@code conditionJson}. */
    static PolicyDocument allowWhen(String conditionJson) {
        return statements("{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\",\"Condition\":"
                + conditionJson + "}");
    }
}
