package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.mapping.GatewayResponseTemplate;
import dev.gwemu.mapping.ParameterSource;
import dev.gwemu.model.GatewayResponseSpec;
import dev.gwemu.pipeline.GatewayResponseType;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads {@code x-amazon-apigateway-gateway-responses} (data-plane.md §6.2). */
final class GatewayResponsesReader {
    static final String GATEWAY_RESPONSES = "x-amazon-apigateway-gateway-responses";
    private static final Pattern HEADER_TARGET = Pattern.compile("gatewayresponse\\.header\\.[a-zA-Z0-9._$-]+");
    private static final Pattern SOURCE = Pattern.compile("'[^']*'|method\\.request\\.(header|path|querystring|multivalueheader"
            + "|multivaluequerystring)\\.[a-zA-Z0-9._$-]+|stageVariables\\.[a-zA-Z0-9._$-]+|context\\.[a-zA-Z0-9._$-]+");

    private GatewayResponsesReader() {
    }

    static Map<String, GatewayResponseSpec> read(JsonNode root, SourceLines lines, List<Problem> problems) {
        Map<String, GatewayResponseSpec> responses = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path(GATEWAY_RESPONSES).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String at = "/" + GATEWAY_RESPONSES + "/" + ProjectFileReader.escape(entry.getKey());
            String type = entry.getKey().toUpperCase(Locale.ROOT);
            try {
                GatewayResponseType.valueOf(type);
            } catch (IllegalArgumentException e) {
                problems.add(lines.problem(at, "'" + entry.getKey() + "' is not a gateway response type"));
                continue;
            }
            JsonNode spec = entry.getValue();
            Integer status = null;
            if (spec.hasNonNull("statusCode")) {
                String text = spec.get("statusCode").asText();
                if (!text.matches("[1-5]\\d\\d")) {
                    problems.add(lines.problem(at + "/statusCode", "statusCode must be a status like \"403\", got '" + text + "'"));
                    continue;
                }
                status = Integer.valueOf(text);
            }
            Map<String, ParameterSource> parameters = new LinkedHashMap<>();
            spec.path("responseParameters").fields().forEachRemaining(p -> {
                String here = at + "/responseParameters/" + ProjectFileReader.escape(p.getKey());
                if (!HEADER_TARGET.matcher(p.getKey()).matches()) {
                    problems.add(lines.problem(here, "'" + p.getKey() + "' is not gatewayresponse.header.NAME"));
                } else if (!SOURCE.matcher(p.getValue().asText()).matches()) {
                    problems.add(lines.problem(here, "'" + p.getValue().asText() + "' is not a gateway response source "
                            + "('static', method.request.*, stageVariables.* or context.*)"));
                } else {
                    parameters.put(p.getKey(), ParameterSource.parse(p.getValue().asText())); // compiled once, here
                }
            });
            Map<String, GatewayResponseTemplate> templates = new LinkedHashMap<>();
            spec.path("responseTemplates").fields().forEachRemaining(t ->
                    templates.put(t.getKey().toLowerCase(Locale.ROOT), GatewayResponseTemplate.compile(t.getValue().asText())));
            responses.put(type, new GatewayResponseSpec(status, parameters, templates));
        }
        return responses;
    }
}
