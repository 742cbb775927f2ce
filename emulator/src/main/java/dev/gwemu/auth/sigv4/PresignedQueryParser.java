package dev.gwemu.auth.sigv4;

import dev.gwemu.pipeline.HeaderList;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the presigned (query-string) form: X-Amz-Algorithm, -Credential, -Date, -SignedHeaders,
 * -Signature and optional -Security-Token, -Expires, -Content-Sha256. Every missing part is listed.
 */
final class PresignedQueryParser {
    static final String X_AMZ_ALGORITHM = "X-Amz-Algorithm";
    static final String X_AMZ_CREDENTIAL = "X-Amz-Credential";
    static final String X_AMZ_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String X_AMZ_EXPIRES = "X-Amz-Expires";
    private static final List<String> REQUIRED = List.of(X_AMZ_CREDENTIAL, CanonicalRequest.SIGNATURE_PARAMETER,
            X_AMZ_SIGNED_HEADERS, SignatureClaim.X_AMZ_DATE);
    private static final List<String> SINGLE = List.of(X_AMZ_ALGORITHM, X_AMZ_CREDENTIAL, CanonicalRequest.SIGNATURE_PARAMETER,
            X_AMZ_SIGNED_HEADERS, SignatureClaim.X_AMZ_DATE, SignatureClaim.X_AMZ_SECURITY_TOKEN, X_AMZ_EXPIRES);

    private PresignedQueryParser() {
    }

    static SignatureClaim parse(QueryParameters query, HeaderList headers) {
        List<String> missing = new ArrayList<>(4);
        for (String name : REQUIRED) {
            if (query.first(name) == null) {
                missing.add(SigV4Failures.QUERY_MUST_INCLUDE.formatted(name));
            }
        }
        if (!missing.isEmpty()) {
            throw SigV4Failures.incomplete(String.join(" ", missing) + " " + SigV4Failures.QUERY_REEXAMINE);
        }
        // A second copy of a signing parameter is refused rather than letting one copy win [unc].
        for (String name : SINGLE) {
            if (query.count(name) > 1) {
                throw SigV4Failures.incomplete(SigV4Failures.QUERY_DUPLICATE_PARAMETER.formatted(name) + " "
                        + SigV4Failures.QUERY_REEXAMINE);
            }
        }
        String declaredHash = query.first(SignatureClaim.X_AMZ_CONTENT_SHA256);
        return new SignatureClaim(true, query.first(X_AMZ_ALGORITHM), query.first(X_AMZ_CREDENTIAL),
                query.first(X_AMZ_SIGNED_HEADERS), query.first(CanonicalRequest.SIGNATURE_PARAMETER),
                query.first(SignatureClaim.X_AMZ_DATE), false, query.first(SignatureClaim.X_AMZ_SECURITY_TOKEN),
                query.first(X_AMZ_EXPIRES),
                declaredHash != null ? declaredHash : headers.first(SignatureClaim.X_AMZ_CONTENT_SHA256));
    }
}
