package dev.gwemu.routing;

import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Step;

/** Resolves the (resource, method) pair; a miss is AWS's 403 Missing Authentication Token (data-plane.md §1.6). */
public final class RouteStep implements Step {
    private final ResourceTree tree;

    public RouteStep(ResourceTree tree) {
        this.tree = tree;
    }

    @Override
    public void apply(Invocation inv) {
        RouteMatch match = tree.match(inv.routingPath(), inv.request().method());
        if (match == null) {
            throw GatewayException.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
        }
        inv.route(match);
    }
}
