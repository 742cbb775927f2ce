package dev.gwemu.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.mapping.ParameterSource;
import dev.gwemu.mapping.VtlTemplate;
import dev.gwemu.model.Integration;
import dev.gwemu.model.IntegrationResponse;
import dev.gwemu.model.IntegrationType;

import java.util.Locale;
import java.util.Map;

/**
 * Writes a REST method's {@code x-amazon-apigateway-integration} as API Gateway's export does: {@code type} and
 * {@code passthroughBehavior} in lower case and {@code type} last, integration responses keyed by selection pattern
 * ({@code default} for the default one), defaults left out ({@code timeoutInMillis} 29000, no cache namespace).
 * Key order follows AWS's recorded exports (LocalStack's AWS-validated snapshot {@code test_export_oas30_openapi}).
 * Stage variables stay as written.
 */
final class IntegrationWriter {
    /** What the serving model does not keep, copied from the integration as written. */
    private static final String[] FROM_SOURCE_AFTER_URI = {"credentials"};
    private static final String[] FROM_SOURCE_AFTER_PASSTHROUGH = {"connectionType", "connectionId"};

    private IntegrationWriter() {
    }

    static ObjectNode write(Integration integration, JsonNode written) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (integration.httpMethod() != null && integration.type() != IntegrationType.MOCK) {
            out.put("httpMethod", integration.httpMethod());
        }
        if (integration.uri() != null) {
            out.put("uri", integration.uri());
        }
        copy(written, out, FROM_SOURCE_AFTER_URI);
        if (!integration.responses().isEmpty()) {
            ObjectNode responses = out.putObject("responses");
            for (IntegrationResponse response : integration.responses()) {
                responses.set(response.isDefault() ? "default" : response.selectionPattern().pattern(), response(response));
            }
        }
        if (!integration.requestParameters().isEmpty()) {
            out.set("requestParameters", sources(integration.requestParameters()));
        }
        if (!integration.requestTemplates().isEmpty()) {
            out.set("requestTemplates", templates(integration.requestTemplates()));
        }
        out.put("passthroughBehavior", integration.passthroughBehavior().name().toLowerCase(Locale.ROOT));
        copy(written, out, FROM_SOURCE_AFTER_PASSTHROUGH);
        if (integration.cacheNamespace() != null) {
            out.put("cacheNamespace", integration.cacheNamespace());
        }
        if (!integration.cacheKeyParameters().isEmpty()) {
            integration.cacheKeyParameters().forEach(out.putArray("cacheKeyParameters")::add);
        }
        if (integration.contentHandling() != null) {
            out.put("contentHandling", integration.contentHandling().name());
        }
        if (integration.timeoutMillis() != Integration.DEFAULT_TIMEOUT_MILLIS) {
            out.put("timeoutInMillis", integration.timeoutMillis());
        }
        if (written.has("tlsConfig")) {
            out.set("tlsConfig", written.get("tlsConfig").deepCopy());
        }
        out.put("type", integration.type().name().toLowerCase(Locale.ROOT));
        return out;
    }

    private static ObjectNode response(IntegrationResponse response) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("statusCode", response.statusCode());
        if (!response.responseParameters().isEmpty()) {
            out.set("responseParameters", sources(response.responseParameters()));
        }
        if (!response.responseTemplates().isEmpty()) {
            out.set("responseTemplates", templates(response.responseTemplates()));
        }
        if (response.contentHandling() != null) {
            out.put("contentHandling", response.contentHandling().name());
        }
        return out;
    }

    private static ObjectNode sources(Map<String, ParameterSource> parameters) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        parameters.forEach((target, source) -> out.put(target, source.expression()));
        return out;
    }

    private static ObjectNode templates(Map<String, VtlTemplate> templates) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        templates.forEach((contentType, template) -> out.put(contentType, template.text()));
        return out;
    }

    private static void copy(JsonNode written, ObjectNode out, String[] fields) {
        for (String field : fields) {
            if (written.hasNonNull(field)) {
                out.set(field, written.get(field).deepCopy());
            }
        }
    }
}
