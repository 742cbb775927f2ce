package dev.gwemu.pipeline;

import dev.gwemu.mapping.GatewayResponseTemplate;
import dev.gwemu.mapping.MappingInput;
import dev.gwemu.model.GatewayResponseSpec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link GatewayException} as the response AWS sends (data-plane.md §6): the type's
 * status, the default template {@code {"message":$context.error.messageString}} (compact, no space)
 * and {@code x-amzn-ErrorType} — or the API's customisation of that type, or of DEFAULT_4XX /
 * DEFAULT_5XX, which a type left uncustomised inherits.
 */
public final class GatewayResponses {
    private final Map<String, GatewayResponseSpec> custom;
    private final String accountId;

    /** AWS's defaults only. */
    public GatewayResponses() {
        this(Map.of(), "");
    }

    /** @param custom the API's {@code x-amazon-apigateway-gateway-responses}, by type name */
    public GatewayResponses(Map<String, GatewayResponseSpec> custom, String accountId) {
        this.custom = Map.copyOf(custom);
        this.accountId = accountId;
    }

    public HttpResponse render(GatewayException e) {
        return render(e, null);
    }

    /** @param inv the request the road stopped on, for $context and method.request values; may be null */
    public HttpResponse render(GatewayException e, Invocation inv) {
        GatewayResponseSpec spec = inv == null ? null : customisation(e);
        if (spec == null) {
            return builtIn(e);
        }
        try {
            return custom(e, inv, spec);
        } catch (RuntimeException broken) {
            // A customisation that cannot render must not hide the error it was rendering.
            return builtIn(e);
        }
    }

    private HttpResponse custom(GatewayException e, Invocation inv, GatewayResponseSpec spec) {
        MappingInput input = MappingInputs.of(inv, accountId, null);
        int status = spec.statusCode() != null ? spec.statusCode() : e.status();
        HeaderList headers = new HeaderList();
        spec.responseParameters().forEach((target, source) -> {
            List<String> values = source.resolve(input);
            if (!values.isEmpty()) {
                headers.add(target.substring("gatewayresponse.header.".length()), values.get(values.size() - 1));
            }
        });
        byte[] body = e.fixedBody();
        GatewayResponseTemplate template = template(spec, inv);
        if (template != null) {
            body = template.render(input).getBytes(StandardCharsets.UTF_8);
        } else if (body == null) {
            body = defaultBody(e);
        }
        if (!headers.contains("Content-Type")) {
            headers.add("Content-Type", "application/json");
        }
        if (e.errorType() != null) {
            headers.add("x-amzn-ErrorType", e.errorType());
        }
        return new HttpResponse(status, headers, body);
    }

    /** The type's own customisation, else DEFAULT_4XX / DEFAULT_5XX's (§6.2); fixed-body errors AWS does not type stay as they are. */
    private GatewayResponseSpec customisation(GatewayException e) {
        if (custom.isEmpty() || e.type() == null) {
            return null;
        }
        GatewayResponseSpec own = custom.get(e.type().name());
        if (own != null) {
            return own;
        }
        return custom.get(e.status() >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX");
    }

    /** By the request's Accept (MIME), else application/json, else the first (§6.3). */
    private static GatewayResponseTemplate template(GatewayResponseSpec spec, Invocation inv) {
        if (spec.responseTemplates().isEmpty()) {
            return null;
        }
        String mime = MediaTypes.essence(inv.request().headers().first("Accept"), "application/json");
        GatewayResponseTemplate exact = spec.responseTemplates().get(mime);
        if (exact != null) {
            return exact;
        }
        GatewayResponseTemplate json = spec.responseTemplates().get("application/json");
        return json != null ? json : spec.responseTemplates().values().iterator().next();
    }

    private static HttpResponse builtIn(GatewayException e) {
        HeaderList headers = new HeaderList();
        byte[] body = e.fixedBody();
        if (body == null) {
            body = defaultBody(e);
        }
        headers.add("Content-Type", e.contentType() == null ? "application/json" : e.contentType());
        if (e.errorType() != null) {
            headers.add("x-amzn-ErrorType", e.errorType());
        }
        e.headers().forEach(h -> headers.add(h.name(), h.value()));
        return new HttpResponse(e.status(), headers, body);
    }

    private static byte[] defaultBody(GatewayException e) {
        return ("{\"message\":" + ContextVariables.messageString(e.getMessage()) + "}").getBytes(StandardCharsets.UTF_8);
    }
}
