package dev.gwemu.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One API as API Gateway holds it after an import and a deployment.
 *
 * @param name             the name in api.yaml
 * @param id               the 10-character API id ({@code restApiId})
 * @param type             REST, HTTP or WEBSOCKET
 * @param definition       the OpenAPI / Swagger file it was read from
 * @param resources        every resource, including those without methods
 * @param stages           by stage name
 * @param binaryMediaTypes {@code x-amazon-apigateway-binary-media-types}
 * @param gatewayResponses {@code x-amazon-apigateway-gateway-responses}: response type name (e.g. DEFAULT_4XX) to its
 *                         customisation
 * @param apiKeySource     HEADER (the X-API-Key header) or AUTHORIZER (the authorizer's usageIdentifierKey)
 * @param endpointType     EDGE, REGIONAL or PRIVATE
 * @param vpcEndpointIds   the VPC endpoints a PRIVATE API is associated with (its {@code {apiId}-{vpceId}} host names)
 * @param policy           the resource policy ({@code x-amazon-apigateway-policy}) as JSON text, or null for none
 * @param http             an HTTP API's routes and CORS; null otherwise
 * @param websocket        a WebSocket API's routes and limits; null otherwise
 */
public record Api(String name, String id, ApiType type, Path definition, List<Resource> resources,
                  Map<String, Stage> stages, List<String> binaryMediaTypes, Map<String, GatewayResponseSpec> gatewayResponses,
                  String apiKeySource, EndpointType endpointType, List<String> vpcEndpointIds, String policy,
                  HttpApiSpec http, WebSocketApiSpec websocket) {
    public Api {
        resources = List.copyOf(resources);
        stages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stages));
        binaryMediaTypes = List.copyOf(binaryMediaTypes);
        gatewayResponses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(gatewayResponses));
        vpcEndpointIds = List.copyOf(vpcEndpointIds);
    }

    /** A REST API. */
    public Api(String name, String id, ApiType type, Path definition, List<Resource> resources,
               Map<String, Stage> stages, List<String> binaryMediaTypes, Map<String, GatewayResponseSpec> gatewayResponses,
               String apiKeySource, EndpointType endpointType, List<String> vpcEndpointIds, String policy) {
        this(name, id, type, definition, resources, stages, binaryMediaTypes, gatewayResponses, apiKeySource,
                endpointType, vpcEndpointIds, policy, null, null);
    }

    /** An EDGE API without a resource policy. */
    public Api(String name, String id, ApiType type, Path definition, List<Resource> resources,
               Map<String, Stage> stages, List<String> binaryMediaTypes, Map<String, GatewayResponseSpec> gatewayResponses,
               String apiKeySource) {
        this(name, id, type, definition, resources, stages, binaryMediaTypes, gatewayResponses, apiKeySource,
                EndpointType.EDGE, List.of(), null);
    }

    /** The same API serving other resources (a canary deployment's). */
    public Api withResources(Path definition, List<Resource> resources) {
        return new Api(name, id, type, definition, resources, stages, binaryMediaTypes, gatewayResponses, apiKeySource,
                endpointType, vpcEndpointIds, policy, http, websocket);
    }

    /** An API whose gateway responses are AWS's defaults, with keys from the X-API-Key header. */
    public Api(String name, String id, ApiType type, Path definition, List<Resource> resources,
               Map<String, Stage> stages, List<String> binaryMediaTypes) {
        this(name, id, type, definition, resources, stages, binaryMediaTypes, Map.of(), "HEADER");
    }
}
