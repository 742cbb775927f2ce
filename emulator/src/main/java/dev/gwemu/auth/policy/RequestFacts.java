package dev.gwemu.auth.policy;

import dev.gwemu.auth.CallerIdentity;

import java.time.Instant;

/**
 * What policy statements are matched against: the resource and the {@code aws:*} condition keys.
 *
 * @param methodArn       {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{VERB}/{path}}
 * @param caller          the SigV4 caller, or null for an anonymous request
 * @param sourceIp        {@code aws:SourceIp}
 * @param sourceVpc       {@code aws:SourceVpc}, or null when not through a VPC endpoint
 * @param sourceVpce      {@code aws:SourceVpce}, or null when not through a VPC endpoint
 * @param now             {@code aws:CurrentTime} / {@code aws:EpochTime}
 * @param secureTransport {@code aws:SecureTransport}
 * @param userAgent       {@code aws:UserAgent}, or null
 * @param referer         {@code aws:Referer}, or null
 */
public record RequestFacts(String methodArn, CallerIdentity caller, String sourceIp, String sourceVpc,
                           String sourceVpce, Instant now, boolean secureTransport, String userAgent, String referer) {
}
