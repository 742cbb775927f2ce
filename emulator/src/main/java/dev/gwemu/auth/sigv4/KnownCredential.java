package dev.gwemu.auth.sigv4;

import dev.gwemu.auth.CallerIdentity;
import dev.gwemu.model.CredentialSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * One access key prepared at load: its caller identity, its session token as bytes for a
 * constant-time comparison, and the signing key of the day it last signed for.
 */
final class KnownCredential {
    private record DayKey(String day, byte[] key) {
    }

    private final CredentialSpec spec;
    private final CallerIdentity identity;
    private final byte[] secretSeed;
    private final byte[] sessionToken;
    private final String region;
    private final String service;
    // One day's key: requests within the skew span at most two days, so a map would only grow.
    private volatile DayKey lastKey;

    KnownCredential(CredentialSpec spec, String region, String service) {
        if (spec.accessKeyId() == null || spec.accessKeyId().isEmpty() || spec.secretAccessKey() == null
                || spec.secretAccessKey().isEmpty()) {
            throw new IllegalArgumentException("credential " + spec.accessKeyId() + ": needs an access key id and a secret");
        }
        this.spec = spec;
        this.identity = ArnPrincipals.identityOf(spec);
        this.secretSeed = Signatures.secretSeed(spec.secretAccessKey());
        this.sessionToken = spec.sessionToken() == null ? null : spec.sessionToken().getBytes(StandardCharsets.UTF_8);
        this.region = region;
        this.service = service;
    }

    CallerIdentity identity() {
        return identity;
    }

    String accessKeyId() {
        return spec.accessKeyId();
    }

    /** The HMAC chain over "AWS4"+secret, the day, region, service and "aws4_request". */
    byte[] signingKey(String day) {
        DayKey cached = lastKey;
        if (cached != null && cached.day.equals(day)) {
            return cached.key;
        }
        byte[] key = Signatures.signingKey(secretSeed, day, region, service);
        lastKey = new DayKey(day, key);
        return key;
    }

    /** Temporary credentials need their own token; permanent ones accept none. */
    boolean acceptsSessionToken(String presented) {
        if (sessionToken == null || presented == null) {
            return sessionToken == null && presented == null;
        }
        return MessageDigest.isEqual(sessionToken, presented.getBytes(StandardCharsets.UTF_8));
    }

    boolean hasExpiredAt(Instant now) {
        return spec.expires() != null && !now.isBefore(spec.expires());
    }
}
