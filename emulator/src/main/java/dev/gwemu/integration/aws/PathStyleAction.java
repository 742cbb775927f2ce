package dev.gwemu.integration.aws;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.QueryString;

import java.util.Locale;
import java.util.Set;

/**
 * Which API action a {@code path/} call invokes, named the way the service's API reference names it: for S3 from the
 * method and the path's shape, for the query protocol from the {@code Action} parameter, for the JSON protocols from
 * {@code X-Amz-Target}. The service decides this from the same request; gwemu only names it for the capture log and
 * the capture backend. Null when the request does not tell.
 */
final class PathStyleAction {
    /** S3 subresources that turn a request into another action (GET ?acl is GetObjectAcl, not GetObject). */
    private static final Set<String> S3_SUBRESOURCES = Set.of("acl", "tagging", "uploads", "uploadId", "partNumber",
            "versioning", "policy", "cors", "lifecycle", "website", "location", "logging", "notification",
            "replication", "encryption", "retention", "legal-hold", "torrent", "restore", "select", "attributes",
            "delete", "versions", "accelerate", "analytics", "inventory", "metrics", "ownershipControls",
            "publicAccessBlock", "requestPayment", "object-lock", "intelligent-tiering");

    private PathStyleAction() {
    }

    static String of(String service, String method, String host, String rawPath, String rawQuery, HeaderList headers,
                     byte[] body) {
        ServiceProtocols.ServiceProtocol facts = ServiceProtocols.of(service);
        if (service.equals("s3")) {
            return s3(method, S3Address.of(host, rawPath), rawQuery, headers);
        }
        String target = headers.last("X-Amz-Target");
        if (target != null && target.indexOf('.') > 0) {
            return target.substring(target.lastIndexOf('.') + 1);
        }
        if (facts != null && facts.protocol() == ServiceProtocols.WireProtocol.AWS_QUERY) {
            return QueryParameters.of(rawQuery, headers, body).first("Action");
        }
        return null;
    }

    /** The S3 action of a request without subresources [D] (S3 API reference, each action's request syntax). */
    static String s3(String method, S3Address address, String rawQuery, HeaderList headers) {
        QueryString query = QueryString.parse(rawQuery);
        for (String name : query.all().keySet()) {
            if (S3_SUBRESOURCES.contains(name)) {
                return null;
            }
        }
        String m = method.toUpperCase(Locale.ROOT);
        if (!address.hasBucket()) {
            return m.equals("GET") ? "ListBuckets" : null;
        }
        if (!address.hasKey()) {
            return switch (m) {
                case "GET" -> "2".equals(query.lastValues().get("list-type")) ? "ListObjectsV2" : "ListObjects";
                case "PUT" -> "CreateBucket";
                case "DELETE" -> "DeleteBucket";
                case "HEAD" -> "HeadBucket";
                default -> null;
            };
        }
        return switch (m) {
            case "GET" -> "GetObject";
            case "PUT" -> headers.contains("x-amz-copy-source") ? "CopyObject" : "PutObject";
            case "HEAD" -> "HeadObject";
            case "DELETE" -> "DeleteObject";
            default -> null;
        };
    }
}
