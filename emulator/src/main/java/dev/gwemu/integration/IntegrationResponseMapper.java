package dev.gwemu.integration;

import dev.gwemu.mapping.VtlTemplate;
import dev.gwemu.model.ContentHandling;
import dev.gwemu.model.Integration;
import dev.gwemu.model.IntegrationResponse;
import dev.gwemu.model.Method;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The integration response and method response of a non-proxy integration (data-plane.md §4.2,
 * §6.4): select a response by pattern, map headers, render the template for the client's Accept,
 * convert content, apply {@code $context.responseOverride}.
 */
final class IntegrationResponseMapper {
    /** Mapped response headers API Gateway renames to x-amzn-Remapped-NAME for HTTP and AWS integrations [V]. */
    private static final Set<String> REMAPPED = caseInsensitive("Authorization", "Connection", "Content-Length",
            "Content-MD5", "Date", "Expect", "Host", "Max-Forwards", "Proxy-Authenticate", "Server", "Trailer", "Upgrade",
            "User-Agent", "WWW-Authenticate");
    private static final Set<String> DROPPED = caseInsensitive("Transfer-Encoding");

    private final BinaryMediaTypes binaryMediaTypes;

    IntegrationResponseMapper(BinaryMediaTypes binaryMediaTypes) {
        this.binaryMediaTypes = binaryMediaTypes;
    }

    /**
     * @param selector        what selection patterns are matched against: a Lambda errorMessage ("" on success), the
     *                        backend status, or the MOCK status
     * @param backendHeaders  the integration's response headers (none for Lambda and MOCK)
     * @param backendBody     the integration's response payload
     * @param backendBinary   whether that payload is binary (its Content-Type is a binary media type)
     */
    HttpResponse map(Invocation inv, IntegrationRequestMapper.IntegrationRequest request, String selector,
                     Map<String, List<String>> backendHeaders, byte[] backendBody, boolean backendBinary) {
        Method method = inv.route().method();
        Integration integration = method.integration();
        IntegrationResponse selected = select(integration.responses(), selector);
        if (selected == null) {
            throw GatewayException.configurationError("Execution failed due to configuration error: "
                    + "no integration response matches '" + selector + "' and there is no default response");
        }
        if (!method.responses().isEmpty() && !method.responses().containsKey(selected.statusCode())) {
            throw GatewayException.configurationError("Execution failed due to configuration error: "
                    + "no method response for status " + selected.statusCode());
        }
        String backendText = backendBinary ? Base64.getEncoder().encodeToString(backendBody)
                : new String(backendBody, StandardCharsets.UTF_8);

        HeaderList headers = new HeaderList();
        selected.responseParameters().forEach((target, source) -> {
            List<String> values = source.resolve(request.input(), backendHeaders, backendText);
            if (!values.isEmpty()) {
                addMapped(headers, target.substring("method.response.header.".length()), String.join(",", values));
            }
        });

        String accept = dev.gwemu.pipeline.MediaTypes.essence(inv.request().headers().first("Accept"),
                IntegrationRequestMapper.DEFAULT_CONTENT_TYPE);
        VtlTemplate template = template(selected.responseTemplates(), accept);
        byte[] body;
        boolean bodyBinary = backendBinary;
        if (template != null) {
            body = template.render(withBody(request, backendText), request.overrides()).getBytes(StandardCharsets.UTF_8);
            bodyBinary = false;
        } else {
            body = backendBody;
        }
        body = convert(body, bodyBinary, binaryMediaTypes.matchesFirstAccept(inv.request().headers().first("Accept")),
                selected.contentHandling());

        int status = Integer.parseInt(selected.statusCode());
        Integer override = request.overrides().responseStatus();
        if (override != null) {
            status = override;
        }
        request.overrides().responseHeaders().forEach((name, value) -> {
            headers.remove(name);
            addMapped(headers, name, value);
        });
        if (!headers.contains("Content-Type")) {
            headers.add("Content-Type", "application/json"); // API Gateway's default for integration responses [D]
        }
        return new HttpResponse(status, headers, body);
    }

    /** The first pattern matching the whole selector wins; otherwise the default response (or null). */
    static IntegrationResponse select(List<IntegrationResponse> responses, String selector) {
        String tested = selector == null ? "" : selector;
        IntegrationResponse fallback = null;
        for (IntegrationResponse response : responses) {
            if (response.isDefault()) {
                if (fallback == null) {
                    fallback = response;
                }
            } else if (response.selectionPattern().matcher(tested).matches()) {
                return response;
            }
        }
        return fallback;
    }

    /** By the request's Accept; else application/json; else the first template (§4.2). */
    private static VtlTemplate template(Map<String, VtlTemplate> templates, String accept) {
        if (templates.isEmpty()) {
            return null;
        }
        VtlTemplate exact = templates.get(accept);
        if (exact != null) {
            return exact;
        }
        VtlTemplate json = templates.get("application/json");
        return json != null ? json : templates.values().iterator().next();
    }

    /** The response template's $input is the integration's response payload. */
    private static dev.gwemu.mapping.MappingInput withBody(IntegrationRequestMapper.IntegrationRequest request, String body) {
        dev.gwemu.mapping.MappingInput in = request.input();
        return new dev.gwemu.mapping.MappingInput(body, in.path(), in.query(), in.headers(), in.context(), in.stageVariables());
    }

    /** The response content-handling table of §4.2. */
    static byte[] convert(byte[] body, boolean binaryPayload, boolean binaryAccept, ContentHandling handling) {
        if (!binaryPayload) {
            boolean decode = handling == ContentHandling.CONVERT_TO_BINARY || (handling == null && binaryAccept);
            return decode ? IntegrationRequestMapper.decodeBase64(new String(body, StandardCharsets.UTF_8)) : body;
        }
        boolean encode = handling == ContentHandling.CONVERT_TO_TEXT || (handling == null && !binaryAccept);
        return encode ? Base64.getEncoder().encode(body) : body;
    }

    private static void addMapped(HeaderList headers, String name, String value) {
        if (DROPPED.contains(name)) {
            return;
        }
        headers.add(REMAPPED.contains(name) ? "x-amzn-Remapped-" + name : name, value);
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
