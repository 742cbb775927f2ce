package dev.gwemu.auth.sigv4;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SigV4's canonical request,
 * {@code METHOD\nCanonicalURI\nCanonicalQueryString\nCanonicalHeaders\n\nSignedHeaders\nPayloadHash}
 * (security-and-operations.md §3.1), spelled as the AWS SDK for Java v2 spells it: built from what reached the gateway
 * when verifying, and from what is about to be sent when signing a call to an AWS service.
 */
final class CanonicalRequest {
    /** The presigned form's own signature, which cannot be part of what it signs. */
    static final String SIGNATURE_PARAMETER = "X-Amz-Signature";

    private static final Comparator<QueryParameters.Parameter> CANONICAL_ORDER =
            Comparator.comparing(QueryParameters.Parameter::canonicalName)
                    .thenComparing(QueryParameters.Parameter::canonicalValue);

    private CanonicalRequest() {
    }

    /**
     * A request that reached the gateway (an {@code execute-api} call, whose path is double-encoded).
     *
     * @param signedHeaders the client's SignedHeaders value as sent (names separated by ';')
     * @param presigned     true to leave X-Amz-Signature out of the query
     */
    static String build(HttpRequest request, QueryParameters query, boolean presigned, String signedHeaders,
                        String payloadHash) {
        return build(request.method(), CanonicalPath.of(request.rawPath()), query, presigned, request.headers(),
                signedHeaders, payloadHash);
    }

    /**
     * @param canonicalUri  the path already in canonical form ({@link CanonicalPath})
     * @param headers       the header lines; only those named in {@code signedHeaders} are read
     * @param signedHeaders lower-case names separated by ';', in the order they are signed
     */
    static String build(String method, String canonicalUri, QueryParameters query, boolean presigned, HeaderList headers,
                        String signedHeaders, String payloadHash) {
        StringBuilder out = new StringBuilder(256);
        out.append(method).append('\n');
        out.append(canonicalUri).append('\n');
        appendQuery(query, presigned, out);
        out.append('\n');
        for (String name : signedHeaders.split(";", -1)) {
            appendHeader(name, headers, out);
        }
        out.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        return out.toString();
    }

    /** Sorted by encoded name, then encoded value; parameters with an empty name are left out, as the SDK does. */
    private static void appendQuery(QueryParameters query, boolean presigned, StringBuilder out) {
        List<QueryParameters.Parameter> included = new ArrayList<>(query.all().size());
        for (QueryParameters.Parameter p : query.all()) {
            if (!p.name().isEmpty() && !(presigned && p.name().equals(SIGNATURE_PARAMETER))) {
                included.add(p);
            }
        }
        included.sort(CANONICAL_ORDER);
        for (int i = 0; i < included.size(); i++) {
            if (i > 0) {
                out.append('&');
            }
            out.append(included.get(i).canonicalName()).append('=').append(included.get(i).canonicalValue());
        }
    }

    /** {@code name:v1,v2\n}: every line of that header in arrival order, each trimmed with inner whitespace collapsed. */
    private static void appendHeader(String name, HeaderList headers, StringBuilder out) {
        out.append(name).append(':');
        boolean first = true;
        for (HeaderList.Header h : headers.lines()) {
            if (h.name().equalsIgnoreCase(name)) {
                if (!first) {
                    out.append(',');
                }
                appendTrimmed(h.value(), out);
                first = false;
            }
        }
        out.append('\n');
    }

    private static void appendTrimmed(String value, StringBuilder out) {
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isWhitespace(c)) {
                pendingSpace = started;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
                started = true;
            }
        }
    }

    /** The SDK's whitespace set, which is wider than HTTP's. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f';
    }
}
