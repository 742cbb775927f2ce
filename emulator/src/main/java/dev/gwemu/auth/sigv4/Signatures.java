package dev.gwemu.auth.sigv4;

import java.nio.charset.StandardCharsets;

/**
 * SigV4's steps after the canonical request, shared by signing and verifying: the credential scope, the string to
 * sign, the day's signing key and the hex signature.
 */
final class Signatures {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String TERMINATOR = "aws4_request";

    private Signatures() {
    }

    /** {@code yyyyMMdd/region/service/aws4_request}. */
    static String scope(String day, String region, String service) {
        return day + '/' + region + '/' + service + '/' + TERMINATOR;
    }

    static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + Sha256.hex(canonicalRequest);
    }

    /** {@code "AWS4" + secret}, the key the HMAC chain starts from. */
    static byte[] secretSeed(String secretAccessKey) {
        return ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
    }

    /** The HMAC chain over the secret seed, the day, region, service and "aws4_request". */
    static byte[] signingKey(byte[] secretSeed, String day, String region, String service) {
        byte[] key = Sha256.hmac(secretSeed, day);
        key = Sha256.hmac(key, region);
        key = Sha256.hmac(key, service);
        return Sha256.hmac(key, TERMINATOR);
    }

    /** The lower-case hex HMAC of the string to sign. */
    static String signature(byte[] signingKey, String stringToSign) {
        return Sha256.toHex(Sha256.hmac(signingKey, stringToSign));
    }
}
