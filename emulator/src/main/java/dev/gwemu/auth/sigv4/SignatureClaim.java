package dev.gwemu.auth.sigv4;

/**
 * What a request says about its own signature, read from the Authorization header or from the
 * presigned query parameters, before any of it is checked.
 *
 * @param presigned           true for the query-string form
 * @param algorithm           e.g. AWS4-HMAC-SHA256
 * @param credential          {@code keyId/yyyymmdd/region/service/aws4_request} as sent
 * @param signedHeaders       the SignedHeaders value as sent, names separated by ';'
 * @param signature           the hex signature as sent
 * @param date                the timestamp text as sent
 * @param dateFromDateHeader  true when the timestamp came from the HTTP {@code Date} header
 * @param securityToken       X-Amz-Security-Token, or null
 * @param expires             X-Amz-Expires (presigned only), or null
 * @param declaredPayloadHash X-Amz-Content-Sha256 as sent, or null
 */
record SignatureClaim(boolean presigned, String algorithm, String credential, String signedHeaders, String signature,
                      String date, boolean dateFromDateHeader, String securityToken, String expires,
                      String declaredPayloadHash) {
    static final String X_AMZ_DATE = "X-Amz-Date";
    static final String X_AMZ_SECURITY_TOKEN = "X-Amz-Security-Token";
    static final String X_AMZ_CONTENT_SHA256 = "X-Amz-Content-Sha256";
}
