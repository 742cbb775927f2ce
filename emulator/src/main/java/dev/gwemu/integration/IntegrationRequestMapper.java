package dev.gwemu.integration;

import dev.gwemu.mapping.MappingInput;
import dev.gwemu.mapping.Overrides;
import dev.gwemu.mapping.VtlTemplate;
import dev.gwemu.model.ContentHandling;
import dev.gwemu.model.Integration;
import dev.gwemu.model.PassthroughBehavior;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.MappingInputs;
import dev.gwemu.pipeline.MediaTypes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The integration request of a non-proxy integration (data-plane.md §4.1): parameter mapping,
 * template selection and passthrough, content handling, template rendering and the
 * {@code $context.requestOverride} values on top.
 */
final class IntegrationRequestMapper {
    /** A request without Content-Type is mapped as JSON [D]. */
    static final String DEFAULT_CONTENT_TYPE = "application/json";

    private final String accountId;
    private final BinaryMediaTypes binaryMediaTypes;

    IntegrationRequestMapper(String accountId, BinaryMediaTypes binaryMediaTypes) {
        this.accountId = accountId;
        this.binaryMediaTypes = binaryMediaTypes;
    }

    IntegrationRequest map(Invocation inv) {
        Integration integration = inv.route().method().integration();
        String contentTypeHeader = inv.request().headers().first("Content-Type");
        String mime = MediaTypes.essence(contentTypeHeader, DEFAULT_CONTENT_TYPE);
        byte[] raw = inv.request().body();
        boolean binary = binaryMediaTypes.matchesContentType(contentTypeHeader);
        MappingInput input = input(inv);
        Overrides overrides = new Overrides();

        MappedParameters mapped = parameters(integration, input);
        Map<String, String> path = mapped.path();
        Map<String, List<String>> query = mapped.query();
        Map<String, String> headers = mapped.headers();

        VtlTemplate template = template(integration, mime);
        byte[] body;
        if (template == null) {
            passthroughAllowed(integration, mime);
            body = convert(raw, binary, integration.contentHandling());
        } else {
            String rendered = template.render(input, overrides);
            body = integration.contentHandling() == ContentHandling.CONVERT_TO_BINARY
                    ? decodeBase64(rendered) : rendered.getBytes(StandardCharsets.UTF_8);
        }
        path.putAll(overrides.requestPath());
        overrides.requestQuery().forEach((name, value) -> query.put(name, new ArrayList<>(List.of(value))));
        headers.putAll(overrides.requestHeaders());
        return new IntegrationRequest(body, path, query, headers, input, overrides, template != null);
    }

    /** What templates and mappings see of the request: binary bodies as their base64 text. */
    MappingInput input(Invocation inv) {
        byte[] raw = inv.request().body();
        boolean binary = binaryMediaTypes.matchesContentType(inv.request().headers().first("Content-Type"));
        String text = raw.length == 0 ? null
                : binary ? Base64.getEncoder().encodeToString(raw) : new String(raw, StandardCharsets.UTF_8);
        return MappingInputs.of(inv, accountId, text);
    }

    /** Step 1 of §4.1 alone: what the integration's requestParameters resolve to (all HTTP_PROXY uses). */
    static MappedParameters parameters(Integration integration, MappingInput input) {
        MappedParameters mapped = new MappedParameters(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        integration.requestParameters().forEach((target, source) -> {
            List<String> values = source.resolve(input);
            if (values.isEmpty()) {
                return; // a source that resolves to nothing adds nothing [E], [V] for HTTP_PROXY (§8.1)
            }
            if (target.startsWith("integration.request.path.")) {
                mapped.path().put(target.substring("integration.request.path.".length()), values.get(values.size() - 1));
            } else if (target.startsWith("integration.request.querystring.")) {
                mapped.query().computeIfAbsent(target.substring("integration.request.querystring.".length()),
                        k -> new ArrayList<>()).addAll(values);
            } else {
                mapped.headers().put(target.substring("integration.request.header.".length()), String.join(",", values));
            }
        });
        return mapped;
    }

    /** The parameter-mapping results: URI path values, query parameters, headers (mutable, in mapping order). */
    record MappedParameters(Map<String, String> path, Map<String, List<String>> query, Map<String, String> headers) {
        static final MappedParameters NONE = new MappedParameters(Map.of(), Map.of(), Map.of());
    }

    /** The template for the request's content type, or the {@code $default} one [E]. */
    private static VtlTemplate template(Integration integration, String mime) {
        VtlTemplate template = integration.requestTemplates().get(mime);
        return template != null ? template : integration.requestTemplates().get("$default");
    }

    /** The passthrough table of §4.1: a body no template matches is passed on, or refused with 415. */
    private static void passthroughAllowed(Integration integration, String mime) {
        PassthroughBehavior behavior = integration.passthroughBehavior();
        boolean refused = behavior == PassthroughBehavior.NEVER
                || (behavior == PassthroughBehavior.WHEN_NO_TEMPLATES && !integration.requestTemplates().isEmpty());
        if (refused) {
            throw GatewayException.of(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type")
                    .because("no mapping template for " + mime + " and passthroughBehavior " + behavior);
        }
    }

    /** Content handling of a passed-through payload (§4.1 table). */
    static byte[] convert(byte[] body, boolean binary, ContentHandling handling) {
        if (handling == ContentHandling.CONVERT_TO_TEXT && binary) {
            return Base64.getEncoder().encode(body);
        }
        if (handling == ContentHandling.CONVERT_TO_BINARY && !binary) {
            return decodeBase64(new String(body, StandardCharsets.UTF_8));
        }
        return body;
    }

    static byte[] decodeBase64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw GatewayException.configurationError("Execution failed due to configuration error: "
                    + "unable to base64-decode the payload (contentHandling CONVERT_TO_BINARY)");
        }
    }

    /** Kept for the integration response: the same input and the overrides the request template set. */
    record IntegrationRequest(byte[] body, Map<String, String> path, Map<String, List<String>> query,
                              Map<String, String> headers, MappingInput input, Overrides overrides, boolean templated) {
    }
}
