package dev.gwemu.server.endpoint;

import dev.gwemu.model.Api;
import dev.gwemu.model.EndpointType;
import dev.gwemu.model.VpcEndpointSpec;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;

/**
 * What stands between the client and API Gateway for each endpoint type (security-and-operations.md §5):
 * CloudFront for EDGE, nothing for REGIONAL, an interface VPC endpoint for PRIVATE. It refuses requests
 * that could not arrive that way, and adds what the network in between adds, both ways.
 */
public final class EndpointPath {
    /**
     * A request as API Gateway receives it.
     *
     * @param request      with the headers CloudFront or the VPC endpoint added
     * @param vpcEndpoint  the endpoint a PRIVATE API's request came through ({@code aws:SourceVpce}), else null
     * @param cloudFrontId the {@code X-Amz-Cf-Id} of an EDGE API's request, else null
     */
    public record Arrival(HttpRequest request, VpcEndpointSpec vpcEndpoint, String cloudFrontId) {
    }

    private final CloudFrontDistribution cloudFront;

    public EndpointPath(EdgeLocation edge) {
        this.cloudFront = new CloudFrontDistribution(edge);
    }

    /**
     * @param through the VPC endpoint the request was addressed through, or null for the API's public name, the
     *                default API and custom domains
     * @throws dev.gwemu.pipeline.GatewayException 403 Forbidden when the API cannot be reached that way
     */
    public Arrival arrive(Api api, HttpRequest request, VpcEndpointSpec through) {
        EndpointType type = api.endpointType();
        if (type == EndpointType.PRIVATE && through == null) {
            // AWS has no public DNS name for it; the emulator's answer is §5.3's [unc] one.
            throw ForbiddenResponse.because("API " + api.name() + " is PRIVATE: reach it through a VPC endpoint, Host "
                    + api.id() + "-{vpceId}.execute-api.localhost or Host {vpceId}.execute-api.localhost with "
                    + ExecuteApiHosts.API_ID_HEADER + ": " + api.id());
        }
        if (type != EndpointType.PRIVATE && through != null) {
            // A VPC endpoint serves private APIs only: public ones answer 403 there (§5.3 point 1).
            throw ForbiddenResponse.because("API " + api.name() + " is " + type + ", not reachable through VPC endpoint "
                    + through.id());
        }
        return switch (type) {
            case EDGE -> {
                String id = cloudFront.newRequestId();
                yield new Arrival(cloudFront.forward(request, id), null, id);
            }
            case REGIONAL -> new Arrival(request, null, null);
            case PRIVATE -> new Arrival(VpcEndpointHeaders.forward(request, through), through, null);
        };
    }

    /** Adds CloudFront's response headers to every answer to an EDGE API's request, gateway errors included (§0). */
    public HttpResponse respond(Arrival arrival, HttpResponse response) {
        if (arrival != null && arrival.cloudFrontId() != null) {
            cloudFront.addResponseHeaders(response, arrival.cloudFrontId());
        }
        return response;
    }
}
