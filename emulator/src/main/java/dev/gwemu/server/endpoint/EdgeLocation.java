package dev.gwemu.server.endpoint;

/**
 * The simulated CloudFront edge in front of EDGE APIs (security-and-operations.md §5.1). In AWS the
 * edge nearest the viewer answers; locally one fixed edge does, with values shaped like real ones.
 *
 * @param serverHost    the edge server named in {@code Via}: {@code <32 hex>.cloudfront.net}
 * @param address       the edge's IP address: the last {@code X-Forwarded-For} entry, appended after the viewer's
 * @param pop           {@code X-Amz-Cf-Pop}, the point of presence that served the request
 * @param viewerAsn     {@code CloudFront-Viewer-ASN}
 * @param viewerCountry {@code CloudFront-Viewer-Country}
 */
public record EdgeLocation(String serverHost, String address, String pop, String viewerAsn, String viewerCountry) {
    /**
     * The ASN and country are those of the spec's recorded EDGE event [snap]; the server name, an address in
     * CloudFront's origin-facing range and a North Virginia point of presence are shaped like real values [unc].
     */
    public static final EdgeLocation DEFAULT = new EdgeLocation("0f1e2d3c4b5a69788796a5b4c3d2e1f0.cloudfront.net",
            "130.176.98.71", "IAD89-C1", "16509", "US");
}
