package dev.gwemu.model;

import dev.gwemu.mapping.GatewayResponseTemplate;
import dev.gwemu.mapping.ParameterSource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A customised gateway response ({@code x-amazon-apigateway-gateway-responses}, data-plane.md §6.2).
 *
 * @param statusCode         the status, or null for the type's default
 * @param responseParameters {@code gatewayresponse.header.NAME} to a source ({@code 'static'}, {@code method.request.*},
 *                           {@code stageVariables.*}, {@code context.*})
 * @param responseTemplates  content type to template (simple substitution, not VTL)
 */
public record GatewayResponseSpec(Integer statusCode, Map<String, ParameterSource> responseParameters,
                                  Map<String, GatewayResponseTemplate> responseTemplates) {
    public GatewayResponseSpec {
        responseParameters = Collections.unmodifiableMap(new LinkedHashMap<>(responseParameters));
        responseTemplates = Collections.unmodifiableMap(new LinkedHashMap<>(responseTemplates));
    }
}
