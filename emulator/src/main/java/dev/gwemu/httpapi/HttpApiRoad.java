package dev.gwemu.httpapi;

import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponses;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The road an HTTP API request walks (data-plane.md §3): a CORS preflight is answered before anything else (§3.5),
 * then route → authorization → throttling → integration; every {@link GatewayException} becomes the HTTP API's own
 * error (no gateway responses to customise), and CORS headers are put on whatever goes back.
 */
public final class HttpApiRoad implements dev.gwemu.pipeline.Road {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApiRoad.class);
    private static final GatewayResponses ERRORS = new GatewayResponses();
    private final List<Step> steps;
    private final CorsPolicy cors;

    /** @param cors the API's CORS policy, or null when CORS is not configured */
    public HttpApiRoad(List<Step> steps, CorsPolicy cors) {
        this.steps = List.copyOf(steps);
        this.cors = cors;
    }

    @Override
    public HttpResponse walk(Invocation inv) {
        if (cors != null && cors.isPreflight(inv.request())) {
            inv.response(cors.preflight(inv.request()));
            return inv.response();
        }
        try {
            for (Step step : steps) {
                step.apply(inv);
            }
        } catch (GatewayException e) {
            fail(inv, e);
        } catch (RuntimeException e) {
            LOG.error("request {} failed inside gwemu", inv.ids().requestId(), e);
            fail(inv, HttpApiErrors.internalServerError("gwemu internal error: " + e));
        }
        if (cors != null) {
            inv.response(cors.decorate(inv.request(), inv.response()));
        }
        return inv.response();
    }

    private static void fail(Invocation inv, GatewayException e) {
        inv.error(e);
        inv.response(ERRORS.render(e));
    }
}
