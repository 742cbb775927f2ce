package dev.gwemu.server.endpoint;

import dev.gwemu.model.VpcEndpointSpec;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;

/**
 * The headers an interface VPC endpoint adds to a request for a PRIVATE API before API Gateway sees
 * it (security-and-operations.md §5.3 [obs], in the order real events show them). The TLS values are
 * the ones captures show: execute-api endpoints speak TLS 1.2 only.
 */
final class VpcEndpointHeaders {
    /** [obs] the suite of every capture; nothing in gwemu negotiates it. */
    static final String CIPHER_SUITE = "ECDHE-RSA-AES128-GCM-SHA256";
    /** [obs] */
    static final String TLS_VERSION = "TLSv1.2";
    /** "1" in most captures, "0" in some; what it encodes is not documented [obs][unc]. */
    static final String VPCE_CONFIG = "1";

    private VpcEndpointHeaders() {
    }

    /** The request as the endpoint forwards it; a client's own values of these headers do not get through. */
    static HttpRequest forward(HttpRequest request, VpcEndpointSpec endpoint) {
        HeaderList headers = new HeaderList();
        for (HeaderList.Header h : request.headers().lines()) {
            if (!isEndpointHeader(h.name())) {
                headers.add(h.name(), h.value());
            }
        }
        headers.add("x-amzn-cipher-suite", CIPHER_SUITE);
        headers.add("x-amzn-tls-version", TLS_VERSION);
        headers.add("x-amzn-vpc-id", endpoint.vpcId());
        headers.add("x-amzn-vpce-config", VPCE_CONFIG);
        headers.add("x-amzn-vpce-id", endpoint.id());
        return new HttpRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body(),
                request.sourceIp(), request.protocol(), request.scheme(), request.serverPort());
    }

    private static boolean isEndpointHeader(String name) {
        return name.equalsIgnoreCase("x-amzn-cipher-suite") || name.equalsIgnoreCase("x-amzn-tls-version")
                || name.equalsIgnoreCase("x-amzn-vpc-id") || name.equalsIgnoreCase("x-amzn-vpce-config")
                || name.equalsIgnoreCase("x-amzn-vpce-id");
    }
}
