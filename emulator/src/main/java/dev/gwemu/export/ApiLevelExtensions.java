package dev.gwemu.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.mapping.GatewayResponseTemplate;
import dev.gwemu.model.Api;
import dev.gwemu.model.EndpointType;
import dev.gwemu.model.GatewayResponseSpec;

import java.util.Map;

/**
 * The API-wide extensions {@code extensions=apigateway} adds to a REST API's export, at the document's root: gateway
 * responses, resource policy, request validators, API key source, minimum compression size and binary media types.
 * Each appears only when the API sets it: the API key source only when it is AUTHORIZER, as AWS's export of an
 * API without these settings carries none of them. The order among them is gwemu's choice (AWS's is not recorded).
 */
final class ApiLevelExtensions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiLevelExtensions() {
    }

    static void write(Api api, DefinitionSource source, ObjectNode root) {
        if (!api.gatewayResponses().isEmpty()) {
            ObjectNode responses = root.putObject("x-amazon-apigateway-gateway-responses");
            api.gatewayResponses().forEach((type, spec) -> responses.set(type, gatewayResponse(spec)));
        }
        if (api.policy() != null) {
            root.set("x-amazon-apigateway-policy", policy(api.policy()));
        }
        if (source.validators().isObject() && !source.validators().isEmpty()) {
            ObjectNode validators = root.putObject(DefinitionSource.VALIDATORS);
            source.validators().fields().forEachRemaining(e -> {
                ObjectNode validator = validators.putObject(e.getKey());
                validator.put("validateRequestParameters", e.getValue().path("validateRequestParameters").asBoolean(false));
                validator.put("validateRequestBody", e.getValue().path("validateRequestBody").asBoolean(false));
            });
        }
        if ("AUTHORIZER".equals(api.apiKeySource())) {
            root.put("x-amazon-apigateway-api-key-source", api.apiKeySource());
        }
        if (source.minimumCompressionSize().isNumber()) {
            root.set("x-amazon-apigateway-minimum-compression-size", source.minimumCompressionSize().deepCopy());
        }
        if (!api.binaryMediaTypes().isEmpty()) {
            api.binaryMediaTypes().forEach(root.putArray("x-amazon-apigateway-binary-media-types")::add);
        }
    }

    /**
     * {@code x-amazon-apigateway-endpoint-configuration}, or null for an EDGE API without VPC endpoints. AWS documents
     * {@code vpcEndpointIds} (and {@code disableExecuteApiEndpoint}, which gwemu does not model); the endpoint type is an
     * import parameter there, so {@code types} is gwemu's addition, written so the file loads back with its type.
     */
    static ObjectNode endpointConfiguration(Api api) {
        if (api.endpointType() == EndpointType.EDGE && api.vpcEndpointIds().isEmpty()) {
            return null;
        }
        ObjectNode configuration = JSON.createObjectNode();
        configuration.putArray("types").add(api.endpointType().name());
        if (!api.vpcEndpointIds().isEmpty()) {
            api.vpcEndpointIds().forEach(configuration.putArray("vpcEndpointIds")::add);
        }
        return configuration;
    }

    private static ObjectNode gatewayResponse(GatewayResponseSpec spec) {
        ObjectNode out = JSON.createObjectNode();
        if (spec.statusCode() != null) {
            out.put("statusCode", String.valueOf(spec.statusCode()));
        }
        if (!spec.responseParameters().isEmpty()) {
            ObjectNode parameters = out.putObject("responseParameters");
            spec.responseParameters().forEach((header, value) -> parameters.put(header, value.expression()));
        }
        if (!spec.responseTemplates().isEmpty()) {
            ObjectNode templates = out.putObject("responseTemplates");
            for (Map.Entry<String, GatewayResponseTemplate> template : spec.responseTemplates().entrySet()) {
                templates.put(template.getKey(), template.getValue().text());
            }
        }
        return out;
    }

    private static JsonNode policy(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the loaded resource policy is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
