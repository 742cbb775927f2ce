package dev.gwemu.httpapi.jwt;

import dev.gwemu.httpapi.HttpApiErrors;
import dev.gwemu.pipeline.GatewayException;

/**
 * How a JWT authorizer says no (security-and-operations.md §3.4): 401 {@code {"message":"Unauthorized"}} or 403
 * {@code {"message":"Forbidden"}}, with {@code www-authenticate: Bearer scope="" error="..." error_description="..."}.
 * AWS documents two descriptions; the others are gwemu's, worded like those two, and marked [unc].
 */
public final class BearerChallenge {
    public static final String HEADER = "www-authenticate";
    public static final String INVALID_TOKEN = "invalid_token";
    /** RFC 6750's error for a valid token without the scope the resource needs (§3.4 [unc]). */
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";
    /** The {@code scope} parameter: AWS's one recorded header sends it empty; gwemu does so in every challenge [unc]. */
    static final String CHALLENGE_SCOPE = "";

    /** §3.4 [doc] ("Troubleshooting issues with HTTP API JWT authorizers"). */
    public static final String INVALID_AUDIENCE = "the token does not have a valid audience";
    /** §3.4 [doc]. */
    public static final String EXPIRED = "the token has expired";
    /** The identity source is absent or empty [unc] §3.4. */
    public static final String MISSING = "the token is missing";
    /** Not three base64url parts of JSON, or claims that are not JSON or have the wrong type [unc] §3.4. */
    public static final String MALFORMED = "the token is malformed";
    /** {@code alg} is not an RSA signature algorithm (HS256, ES256, none) [unc] §3.4; the algorithm is appended. */
    public static final String UNSUPPORTED_ALGORITHM = "the token is not signed with an RSA algorithm: ";
    /** No {@code kid}, or one the issuer's JWKS lacks [unc] §3.4. */
    public static final String UNKNOWN_KEY = "the token does not have a valid kid";
    /** The signature does not verify with the key its {@code kid} names [unc] §3.4. */
    public static final String INVALID_SIGNATURE = "the token does not have a valid signature";
    /** {@code iss} is not the authorizer's issuer [unc] §3.4. */
    public static final String INVALID_ISSUER = "the token does not have a valid issuer";
    /** No numeric {@code exp}: gwemu requires one (see {@link JwtAuthorizer#EXPIRY_REQUIRED}) [unc] §3.4. */
    public static final String NO_EXPIRY = "the token does not have a valid exp";
    /** {@code nbf} after now [unc] §3.4. */
    public static final String NOT_YET_VALID = "the token is not valid yet";
    /** {@code iat} after now [unc] §3.4. */
    public static final String ISSUED_IN_THE_FUTURE = "the token was issued in the future";
    /** The issuer's keys cannot be fetched (discovery or JWKS down): still a 401, as AWS cannot verify either [unc] §3.4. */
    public static final String KEYS_UNAVAILABLE = "the signing keys of the issuer cannot be retrieved";
    /** None of the route's {@code authorizationScopes} is in {@code scope} or {@code scp} [unc] §3.4. */
    public static final String MISSING_SCOPE = "the token does not have a valid scope";

    private BearerChallenge() {
    }

    /** 401 with {@code error="invalid_token"}; {@code why} is for the console only. */
    public static GatewayException invalidToken(String description, String why) {
        return HttpApiErrors.unauthorized(why).header(HEADER, value(INVALID_TOKEN, description));
    }

    /** 403 with {@code error="insufficient_scope"}; {@code why} is for the console only. */
    public static GatewayException insufficientScope(String why) {
        return HttpApiErrors.forbidden(why).header(HEADER, value(INSUFFICIENT_SCOPE, MISSING_SCOPE));
    }

    /** {@code Bearer scope="" error="..." error_description="..."}, quotes in the description made safe. */
    static String value(String error, String description) {
        return "Bearer scope=\"" + CHALLENGE_SCOPE + "\" error=\"" + error + "\" error_description=\""
                + description.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
