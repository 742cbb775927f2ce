package dev.gwemu.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The road a REST API request walks (design.md; data-plane.md §0): each step in AWS's order,
 * every {@link GatewayException} turned into a gateway response in one place, and the standard
 * headers added to whatever comes back.
 */
public final class RestApiRoad implements Road {
    private static final Logger LOG = LoggerFactory.getLogger(RestApiRoad.class);
    private final List<Step> steps;
    private final GatewayResponses gatewayResponses;

    public RestApiRoad(List<Step> steps, GatewayResponses gatewayResponses) {
        this.steps = List.copyOf(steps);
        this.gatewayResponses = gatewayResponses;
    }

    @Override
    public HttpResponse walk(Invocation inv) {
        try {
            for (Step step : steps) {
                step.apply(inv);
            }
        } catch (GatewayException e) {
            fail(inv, e);
        } catch (RuntimeException e) {
            // A gwemu defect must not cost the client more than AWS's own internal error.
            LOG.error("request {} failed inside gwemu", inv.ids().requestId(), e);
            fail(inv, GatewayException.configurationError("gwemu internal error: " + e));
        }
        return inv.response();
    }

    private void fail(Invocation inv, GatewayException e) {
        inv.traced(false);
        inv.error(e);
        inv.response(gatewayResponses.render(e, inv));
    }
}
