package dev.gwemu.server.endpoint;

import dev.gwemu.model.Api;
import dev.gwemu.model.VpcEndpointSpec;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HttpRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which API an {@code execute-api} Host names, and through which simulated VPC endpoint the request came
 * (security-and-operations.md §5.3, "How to invoke a private API"). The local names mirror AWS's, with
 * {@code localhost} (any port) where AWS has {@code {region}.amazonaws.com}:
 * <ul>
 *   <li>{@code {apiId}.execute-api.localhost}: the API's public name, no VPC endpoint;</li>
 *   <li>{@code {apiId}-{vpceId}.execute-api.localhost}: the Route 53 alias AWS creates for each endpoint in the
 *       API's {@code vpcEndpointIds}, so the endpoint must be declared and associated;</li>
 *   <li>{@code {vpceId}.execute-api.localhost} (or {@code {vpceId}-anything}, like AWS's endpoint-specific name
 *       {@code vpce-0123-ab12cd34.execute-api.{region}.vpce.amazonaws.com}) with header
 *       {@code x-apigw-api-id: {apiId}}: any declared endpoint, associated or not, as in AWS.</li>
 * </ul>
 * AWS's other form for endpoint-specific names, the API's own name in the Host header, cannot be told apart
 * from the public name locally, where the Host is all the server sees. Tables are built once; a lookup is a
 * lower-casing and one or two hash lookups.
 */
public final class ExecuteApiHosts {
    /** The API and the VPC endpoint a request came through, or null for the public endpoint. */
    public record Address(Api api, VpcEndpointSpec vpcEndpoint) {
    }

    public static final String API_ID_HEADER = "x-apigw-api-id";
    private static final String EXECUTE_API = ".execute-api.";
    private static final String VPCE_PREFIX = "vpce-";
    private static final String ALIAS_MARKER = "-" + VPCE_PREFIX;

    private final Map<String, Api> apis = new HashMap<>();
    private final Map<String, VpcEndpointSpec> endpoints = new HashMap<>();
    /** The first Host label of every public name and every Route 53 alias. */
    private final Map<String, Address> byLabel = new HashMap<>();

    /** @param endpoints api.yaml's {@code vpcEndpoints} */
    public ExecuteApiHosts(List<Api> apis, List<VpcEndpointSpec> endpoints) {
        for (VpcEndpointSpec endpoint : endpoints) {
            this.endpoints.put(endpoint.id().toLowerCase(Locale.ROOT), endpoint);
        }
        for (Api api : apis) {
            this.apis.put(api.id(), api);
            byLabel.put(api.id(), new Address(api, null));
            for (String vpceId : api.vpcEndpointIds()) {
                VpcEndpointSpec endpoint = this.endpoints.get(vpceId.toLowerCase(Locale.ROOT));
                if (endpoint != null) {
                    byLabel.put(api.id() + "-" + vpceId.toLowerCase(Locale.ROOT), new Address(api, endpoint));
                }
            }
        }
    }

    /**
     * @return the address, or null when the Host is no {@code execute-api} name (the caller then serves its default API)
     * @throws GatewayException 404 for an API id this project does not have, 403 for a VPC endpoint name that reaches no API
     */
    public Address resolve(HttpRequest request) {
        String host = request.host().toLowerCase(Locale.ROOT);
        int marker = host.indexOf(EXECUTE_API);
        if (marker <= 0) {
            return null;
        }
        String label = host.substring(0, marker);
        Address address = byLabel.get(label);
        if (address != null) {
            return address;
        }
        if (label.startsWith(VPCE_PREFIX)) {
            return throughEndpointName(label, request);
        }
        int alias = label.indexOf(ALIAS_MARKER);
        String apiId = alias > 0 ? label.substring(0, alias) : label;
        Api api = apis.get(apiId);
        if (api != null) {
            // AWS has no such DNS name; locally the nearest answer is the refusal of a request from outside the VPC.
            throw ForbiddenResponse.because("no VPC endpoint " + label.substring(alias + 1) + " of api.yaml's vpcEndpoints"
                    + " is in the vpcEndpointIds of API " + api.name() + ", so " + label + " is no Route 53 alias of it");
        }
        throw unknownApi(apiId);
    }

    private Address throughEndpointName(String label, HttpRequest request) {
        int suffix = label.indexOf('-', VPCE_PREFIX.length());
        String vpceId = suffix < 0 ? label : label.substring(0, suffix);
        VpcEndpointSpec endpoint = endpoints.get(vpceId);
        if (endpoint == null) {
            throw ForbiddenResponse.because("VPC endpoint " + vpceId + " is not declared under vpcEndpoints in api.yaml");
        }
        String named = request.headers().first(API_ID_HEADER);
        if (named == null) {
            throw ForbiddenResponse.because("a request to VPC endpoint " + vpceId + " names its API in the "
                    + API_ID_HEADER + " header");
        }
        Api api = apis.get(named.trim().toLowerCase(Locale.ROOT));
        if (api == null) {
            // The endpoint exists in AWS too, so it answers rather than DNS failing [unc].
            throw ForbiddenResponse.because(API_ID_HEADER + " " + named + " names no API of this project");
        }
        return new Address(api, endpoint);
    }

    /** No DNS record in AWS; answered as LocalStack does (data-plane.md §1.1 [E]). */
    private static GatewayException unknownApi(String apiId) {
        return GatewayException.fixed(null, 404, "NotFoundException",
                "{\"message\":\"The API id '" + apiId + "' does not correspond to a deployed API Gateway API\"}");
    }
}
