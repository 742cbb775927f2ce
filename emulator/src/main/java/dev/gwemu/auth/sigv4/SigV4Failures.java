package dev.gwemu.auth.sigv4;

import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The answers API Gateway gives to requests for AWS_IAM methods that fail SigV4
 * (security-and-operations.md §3.1 table). Every text is a constant so a wording found to differ
 * in AWS is changed in one place; each names its evidence ([obs], [unc], and where the wording
 * comes from the same AWS signature front end measured on other services, "Coral").
 * <p>
 * API Gateway has no gateway response type of its own for IncompleteSignatureException and
 * UnrecognizedClientException. Both are failures to validate the signature's claims, so they use
 * INVALID_SIGNATURE (403, customisable, else DEFAULT_4XX) with their own x-amzn-ErrorType.
 */
final class SigV4Failures {
    static final String INCOMPLETE_SIGNATURE = "IncompleteSignatureException";
    static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";

    /** [obs, measured] No Authorization header and no presign parameters. */
    static final String MISSING_TOKEN = "Missing Authentication Token";
    /** [obs] Unknown access key, or a session token that does not belong to the key. */
    static final String TOKEN_INVALID = "The security token included in the request is invalid.";
    /** [unc] Temporary credentials past their expiry; no trailing period, as the spec records it. */
    static final String TOKEN_EXPIRED = "The security token included in the request is expired";

    /** [obs] One sentence per missing part, in this order, then {@code Authorization=<header as sent>}. */
    static final String HEADER_REQUIRES_CREDENTIAL = "Authorization header requires 'Credential' parameter.";
    static final String HEADER_REQUIRES_SIGNATURE = "Authorization header requires 'Signature' parameter.";
    static final String HEADER_REQUIRES_SIGNED_HEADERS = "Authorization header requires 'SignedHeaders' parameter.";
    static final String HEADER_REQUIRES_DATE =
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";
    /**
     * [obs] A part without '=' (e.g. {@code Bearer abc}). The hash is SHA-256 of the whole header value,
     * Base64 with padding: checked against a published capture of {@code Authorization: x-api-key <key>}.
     */
    static final String KEY_VALUE_PAIR_MISSING_EQUALS =
            "Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '%s'.";
    /** [unc] AWS's answer to a repeated Credential/Signature/SignedHeaders is unknown; gwemu refuses it. */
    static final String HEADER_DUPLICATE_PARAMETER = "Authorization header has more than one '%s' parameter. Authorization=%s";

    /** [unc] Coral's query-string texts; the spec does not record API Gateway's. */
    static final String QUERY_MUST_INCLUDE = "AWS query-string parameters must include '%s'.";
    static final String QUERY_REEXAMINE = "Re-examine the query-string parameters.";
    static final String QUERY_DUPLICATE_PARAMETER = "AWS query-string parameters must include '%s' only once.";
    /** [unc] Coral's text for a request signed both ways. */
    static final String FOUND_BOTH =
            "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.";
    /** [unc] S3's texts for a bad X-Amz-Expires; 604800 s is SigV4's documented maximum. */
    static final String EXPIRES_NOT_A_NUMBER = "X-Amz-Expires should be a number";
    static final String EXPIRES_TOO_LONG = "X-Amz-Expires must be less than a week (in seconds) that is 604800";

    /** [unc] Coral's text; the value is echoed as sent. */
    static final String DATE_NOT_ISO8601 =
            "Date must be in ISO-8601 'basic format'. Got '%s'. See http://en.wikipedia.org/wiki/ISO_8601";
    /** [obs] {@code <date> is now earlier than <now - skew> (<now> - 5 min.)}. */
    static final String SIGNATURE_EXPIRED = "Signature expired: %s is now earlier than %s (%s - %s.)";
    /** [obs, serverless/enterprise#11] {@code <date> is still later than <now + skew> (<now> + 5 min.)}. */
    static final String SIGNATURE_NOT_YET_CURRENT = "Signature not yet current: %s is still later than %s (%s + %s.)";
    /** [obs] Newer wording of "'Host' must be a 'SignedHeader' in the AWS Authorization.". */
    static final String HOST_NOT_SIGNED = "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";
    /** [unc] Coral's text, trailing space included. */
    static final String UNSUPPORTED_ALGORITHM = "Unsupported AWS 'algorithm': '%s' (only AWS4-HMAC-SHA256 for now). ";
    /** [unc] Coral's text. */
    static final String CREDENTIAL_NOT_FIVE_PARTS =
            "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '%s'";

    /*
     * The credential scope sentences are concatenated, in this order, as Coral does; each but the
     * last ends with ". ". [obs] for the region (newer form, without "not '<region>'"); [unc] others.
     */
    static final String SCOPE_REGION = "Credential should be scoped to a valid region. ";
    static final String SCOPE_SERVICE = "Credential should be scoped to correct service: '%s'. ";
    static final String SCOPE_TERMINATOR = "Credential should be scoped with a valid terminator: 'aws4_request', not '%s'. ";
    static final String SCOPE_DATE =
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '%s' != '%s', from '%s'.";

    /** [obs] The canonical request and string to sign AWS computed, each quoted on its own lines. */
    static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you provided."
            + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
            + "The Canonical String for this request should have been\n'%s'\n\n"
            + "The String-to-Sign should have been\n'%s'\n";

    private SigV4Failures() {
    }

    static GatewayException missingToken() {
        return GatewayException.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, MISSING_TOKEN);
    }

    static GatewayException incomplete(String message) {
        return GatewayException.of(GatewayResponseType.INVALID_SIGNATURE, message, INCOMPLETE_SIGNATURE);
    }

    static GatewayException invalid(String message) {
        return GatewayException.of(GatewayResponseType.INVALID_SIGNATURE, message);
    }

    static GatewayException unrecognizedClient(String why) {
        return GatewayException.of(GatewayResponseType.INVALID_SIGNATURE, TOKEN_INVALID, UNRECOGNIZED_CLIENT).because(why);
    }

    static GatewayException expiredToken(String why) {
        return GatewayException.of(GatewayResponseType.EXPIRED_TOKEN, TOKEN_EXPIRED).because(why);
    }

    static GatewayException keyValuePairMissingEquals(String authorization) {
        return incomplete(KEY_VALUE_PAIR_MISSING_EQUALS.formatted(sha256Base64(authorization)));
    }

    static GatewayException signatureMismatch(String canonicalRequest, String stringToSign) {
        return invalid(SIGNATURE_MISMATCH.formatted(canonicalRequest, stringToSign));
    }

    private static String sha256Base64(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
