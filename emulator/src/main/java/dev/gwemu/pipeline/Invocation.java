package dev.gwemu.pipeline;

import dev.gwemu.model.Api;
import dev.gwemu.model.Stage;
import dev.gwemu.routing.RouteMatch;

/**
 * One request's walk down the road: what came in, what each step found out, and what goes back.
 * Steps read and fill it in order; it lives on one thread.
 */
public final class Invocation {
    private final HttpRequest request;
    private final RequestIds ids;
    private final Api api;
    private final Stage stage;
    private final String path;
    private final String contextPath;
    private QueryString query;
    private RouteMatch route;
    private HttpResponse response;
    private boolean traced;
    private GatewayException error;

    /**
     * @param path        the request path after the stage, percent-encoding kept ({@code /pets/1})
     * @param contextPath the path with the stage as {@code $context.path} shows it ({@code /dev/pets/1})
     */
    public Invocation(HttpRequest request, RequestIds ids, Api api, Stage stage, String path, String contextPath) {
        this.request = request;
        this.ids = ids;
        this.api = api;
        this.stage = stage;
        this.path = path;
        this.contextPath = contextPath;
    }

    public HttpRequest request() {
        return request;
    }

    public RequestIds ids() {
        return ids;
    }

    public Api api() {
        return api;
    }

    public Stage stage() {
        return stage;
    }

    public String path() {
        return path;
    }

    public String contextPath() {
        return contextPath;
    }

    public QueryString query() {
        if (query == null) {
            query = QueryString.parse(request.rawQuery());
        }
        return query;
    }

    public RouteMatch route() {
        return route;
    }

    public void route(RouteMatch route) {
        this.route = route;
    }

    public HttpResponse response() {
        return response;
    }

    public void response(HttpResponse response) {
        this.response = response;
    }

    /** True when the response carries {@code X-Amzn-Trace-Id}: AWS adds it only to successful integration responses. */
    public boolean traced() {
        return traced;
    }

    public void traced(boolean traced) {
        this.traced = traced;
    }

    /** The gateway error that stopped the road, or null. */
    public GatewayException error() {
        return error;
    }

    public void error(GatewayException error) {
        this.error = error;
    }
}
