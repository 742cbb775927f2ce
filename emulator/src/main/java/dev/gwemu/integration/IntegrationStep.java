package dev.gwemu.integration;

import dev.gwemu.mapping.InvalidJsonBodyException;
import dev.gwemu.mapping.TemplateRenderException;
import dev.gwemu.model.IntegrationType;
import dev.gwemu.pipeline.GatewayResponseType;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Step;

import java.util.EnumMap;
import java.util.Map;

/** Calls the matched method's integration with the handler for its type. */
public final class IntegrationStep implements Step {
    private final Map<IntegrationType, IntegrationHandler> handlers;

    public IntegrationStep(Map<IntegrationType, IntegrationHandler> handlers) {
        this.handlers = new EnumMap<>(handlers);
    }

    @Override
    public void apply(Invocation inv) {
        IntegrationType type = inv.route().method().integration().type();
        IntegrationHandler handler = handlers.get(type);
        if (handler == null) {
            // The loader refuses unsupported types; reaching here is a gwemu defect, answered as AWS answers a broken integration.
            throw GatewayException.configurationError("no handler for integration type " + type);
        }
        long started = System.nanoTime();
        HttpResponse response = null;
        try {
            response = handler.call(inv);
            inv.response(response);
        } catch (TemplateRenderException e) {
            throw GatewayException.configurationError("Execution failed due to configuration error: " + e.getMessage());
        } catch (InvalidJsonBodyException e) {
            if (e.integrationResponse()) {
                throw GatewayException.configurationError("Execution failed due to configuration error: " + e.getMessage());
            }
            // data-plane.md §4.1 [E/U]: a body mapping over a body that is not JSON.
            throw GatewayException.of(GatewayResponseType.BAD_REQUEST_BODY, "Invalid JSON in request body")
                    .because(e.getMessage());
        } finally {
            inv.integrationTook(System.nanoTime() - started, response == null ? 0 : response.status()); // for access logs
        }
    }
}
