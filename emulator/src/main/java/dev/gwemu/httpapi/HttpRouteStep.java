package dev.gwemu.httpapi;

import dev.gwemu.model.HttpRoute;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Step;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Chooses the request's route (data-plane.md §3.1), or answers 404 {"message":"Not Found"}. */
public final class HttpRouteStep implements Step {
    private final HttpRouteTable table;
    private final Map<String, HttpRoute> routes = new HashMap<>();

    /** @throws IllegalArgumentException when two routes are the same (checked at load) */
    public HttpRouteStep(List<HttpRoute> routes) {
        routes.forEach(r -> this.routes.put(r.routeKey(), r));
        this.table = new HttpRouteTable(routes.stream().map(r -> RouteKey.parse(r.routeKey())).toList());
    }

    @Override
    public void apply(Invocation inv) {
        HttpRouteMatch match = table.match(inv.request().method(), inv.routingPath());
        if (match == null) {
            throw HttpApiErrors.notFound("no route matches " + inv.request().method() + " " + inv.routingPath());
        }
        inv.httpRoute(new HttpRouteState(routes.get(match.routeKey().toString()), match.pathParameters()));
    }
}
