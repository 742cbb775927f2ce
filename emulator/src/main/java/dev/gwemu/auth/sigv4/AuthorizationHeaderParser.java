package dev.gwemu.auth.sigv4;

import dev.gwemu.pipeline.HeaderList;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}
 * the way API Gateway does (security-and-operations.md §3.1): the first word is the algorithm,
 * the rest are key=value parts separated by commas or whitespace. A part without '=' fails at once;
 * otherwise every missing part is listed. The algorithm itself is judged later, as AWS does.
 */
final class AuthorizationHeaderParser {
    private AuthorizationHeaderParser() {
    }

    /** @param authorization the header value as sent (several lines joined with ", ") */
    static SignatureClaim parse(String authorization, HeaderList headers) {
        String value = authorization.strip();
        int end = firstSeparator(value, 0, false);
        String algorithm = value.substring(0, end);
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        int i = end;
        while (i < value.length()) {
            if (isSeparator(value.charAt(i), true)) {
                i++;
                continue;
            }
            int tokenEnd = firstSeparator(value, i, true);
            String token = value.substring(i, tokenEnd);
            i = tokenEnd;
            int eq = token.indexOf('=');
            if (eq < 0) {
                throw SigV4Failures.keyValuePairMissingEquals(authorization);
            }
            String key = token.substring(0, eq);
            String part = token.substring(eq + 1);
            switch (key) {
                case "Credential" -> credential = once(credential, key, part, authorization);
                case "SignedHeaders" -> signedHeaders = once(signedHeaders, key, part, authorization);
                case "Signature" -> signature = once(signature, key, part, authorization);
                default -> {
                    // AWS ignores parts it does not know.
                }
            }
        }
        String amzDate = headers.first(SignatureClaim.X_AMZ_DATE);
        String date = amzDate != null ? amzDate : headers.first("Date");
        List<String> missing = new ArrayList<>(4);
        if (credential == null) {
            missing.add(SigV4Failures.HEADER_REQUIRES_CREDENTIAL);
        }
        if (signature == null) {
            missing.add(SigV4Failures.HEADER_REQUIRES_SIGNATURE);
        }
        if (signedHeaders == null) {
            missing.add(SigV4Failures.HEADER_REQUIRES_SIGNED_HEADERS);
        }
        if (date == null) {
            missing.add(SigV4Failures.HEADER_REQUIRES_DATE);
        }
        if (!missing.isEmpty()) {
            throw SigV4Failures.incomplete(String.join(" ", missing) + " Authorization=" + authorization);
        }
        return new SignatureClaim(false, algorithm, credential, signedHeaders, signature, date, amzDate == null,
                headers.first(SignatureClaim.X_AMZ_SECURITY_TOKEN), null, headers.first(SignatureClaim.X_AMZ_CONTENT_SHA256));
    }

    /** A repeated part is refused rather than letting one copy win (§3.1 does not record AWS's choice). */
    private static String once(String seen, String key, String value, String authorization) {
        if (seen != null) {
            throw SigV4Failures.incomplete(SigV4Failures.HEADER_DUPLICATE_PARAMETER.formatted(key, authorization));
        }
        return value;
    }

    private static int firstSeparator(String value, int from, boolean commaToo) {
        int i = from;
        while (i < value.length() && !isSeparator(value.charAt(i), commaToo)) {
            i++;
        }
        return i;
    }

    private static boolean isSeparator(char c, boolean commaToo) {
        return c == ' ' || c == '\t' || (commaToo && c == ',');
    }
}
