package dev.gwemu.auth.cognito;

/**
 * The {@code iss} of a user pool's tokens. Cognito names a pool {@code {region}_{suffix}} and serves it from that
 * region, so the issuer follows from the pool id alone: a token says the same whatever region api.yaml is set to.
 */
public final class PoolIssuer {
    private PoolIssuer() {
    }

    /** {@code https://cognito-idp.{region}.amazonaws.com/{poolId}}, the region being the pool id's prefix. */
    public static String of(String poolId) {
        int separator = poolId.indexOf('_');
        if (separator <= 0) {
            throw new IllegalArgumentException("a user pool id starts with its region (us-east-1_AbCdEf123), got '" + poolId + "'");
        }
        return "https://cognito-idp." + poolId.substring(0, separator) + ".amazonaws.com/" + poolId;
    }
}
