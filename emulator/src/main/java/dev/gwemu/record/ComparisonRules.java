package dev.gwemu.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a replay compares besides the status: which response headers, and which parts of JSON bodies it leaves out.
 *
 * @param comparedHeaders the only headers compared; empty compares every header either response has
 * @param ignoredHeaders  headers never compared
 * @param ignoredPaths    parts of JSON bodies never compared
 */
public record ComparisonRules(Set<String> comparedHeaders, Set<String> ignoredHeaders, List<JsonPointerPattern> ignoredPaths) {
    /**
     * Different on every request, so ignored unless {@code --strict}: AWS's request ids and trace header (REST and
     * HTTP APIs), and the per-request CloudFront headers of EDGE APIs ({@code Via} and {@code X-Amz-Cf-Pop} name the
     * edge that served the request).
     */
    public static final List<String> VOLATILE_HEADERS = List.of("x-amzn-RequestId", "x-amz-apigw-id", "apigw-requestid",
            "X-Amzn-Trace-Id", "X-Amz-Cf-Id", "X-Amz-Cf-Pop", "Via");
    /**
     * Written by the HTTP server, not by the gateway, so a replay (in-process, without a server) has none of them:
     * never compared, even with {@code --strict}. Content-Length follows the body, which is compared itself.
     */
    public static final List<String> SERVER_HEADERS = List.of("Date", "Connection", "Keep-Alive", "Content-Length",
            "Transfer-Encoding");

    public ComparisonRules {
        comparedHeaders = Collections.unmodifiableSet(caseInsensitive(comparedHeaders));
        ignoredHeaders = Collections.unmodifiableSet(caseInsensitive(ignoredHeaders));
        ignoredPaths = List.copyOf(ignoredPaths);
    }

    /** Every header but the volatile ones, the whole body. */
    public static ComparisonRules defaults() {
        return new ComparisonRules(Set.of(), Set.copyOf(VOLATILE_HEADERS), List.of());
    }

    /** Every header, volatile ones too, the whole body. */
    public static ComparisonRules strict() {
        return new ComparisonRules(Set.of(), Set.of(), List.of());
    }

    /** These rules, comparing only these headers (added to any already chosen). */
    public ComparisonRules onlyHeaders(Collection<String> names) {
        Set<String> compared = caseInsensitive(comparedHeaders);
        compared.addAll(names);
        return new ComparisonRules(compared, ignoredHeaders, ignoredPaths);
    }

    public ComparisonRules ignoringHeaders(Collection<String> names) {
        Set<String> ignored = caseInsensitive(ignoredHeaders);
        ignored.addAll(names);
        return new ComparisonRules(comparedHeaders, ignored, ignoredPaths);
    }

    public ComparisonRules ignoringPaths(Collection<JsonPointerPattern> paths) {
        List<JsonPointerPattern> ignored = new ArrayList<>(ignoredPaths);
        ignored.addAll(paths);
        return new ComparisonRules(comparedHeaders, ignoredHeaders, ignored);
    }

    /** Whether a header of this name is compared. */
    public boolean compares(String header) {
        if (SERVER_HEADERS.stream().anyMatch(header::equalsIgnoreCase) || ignoredHeaders.contains(header)) {
            return false;
        }
        return comparedHeaders.isEmpty() || comparedHeaders.contains(header);
    }

    boolean ignores(List<String> jsonPath) {
        for (JsonPointerPattern pattern : ignoredPaths) {
            if (pattern.matches(jsonPath)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> caseInsensitive(Collection<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }
}
