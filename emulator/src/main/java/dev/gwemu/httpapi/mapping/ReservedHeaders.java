package dev.gwemu.httpapi.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The headers HTTP API parameter mapping refuses, in requests and responses alike ("Reserved headers" in AWS's
 * "Transform API requests and responses for HTTP APIs in API Gateway"): a mapping to one is a load error.
 */
final class ReservedHeaders {
    /** The docs' list, lower-cased; names are compared ignoring case, as HTTP does. */
    private static final Set<String> NAMES = Set.of("authorization", "connection", "content-encoding",
            "content-length", "content-location", "forwarded", "keep-alive", "origin", "proxy-authenticate",
            "proxy-authorization", "te", "trailers", "transfer-encoding", "upgrade", "x-forwarded-for",
            "x-forwarded-host", "x-forwarded-proto", "via",
            // [U] the docs spell it "Trailers"; the HTTP header is "Trailer", refused too so neither slips through.
            "trailer");
    /** The docs' wildcard entries: access-control-*, apigw-*, x-amz-*, x-amzn-*. */
    private static final List<String> PREFIXES = List.of("access-control-", "apigw-", "x-amz-", "x-amzn-");

    private ReservedHeaders() {
    }

    static boolean isReserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (NAMES.contains(lower)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
