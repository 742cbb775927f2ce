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
    private Stage stage;
    private boolean canaryRequest;
    private final String path;
    private final String contextPath;
    private final String routingPath;
    private QueryString query;
    private RouteMatch route;
    private HttpResponse response;
    private boolean traced;
    private GatewayException error;
    private String apiKeyId;
    private String apiKey;
    private dev.gwemu.auth.CallerIdentity caller;
    private java.util.Map<String, Object> authorizer;
    private String usageIdentifierKey;
    private dev.gwemu.model.VpcEndpointSpec vpcEndpoint;
    private dev.gwemu.httpapi.HttpRouteState httpRoute;

    /**
     * @param path        the request path after the stage, percent-encoding kept ({@code /pets/1})
     * @param contextPath the path with the stage as {@code $context.path} shows it ({@code /dev/pets/1})
     */
    public Invocation(HttpRequest request, RequestIds ids, Api api, Stage stage, String path, String contextPath) {
        this(request, ids, api, stage, path, contextPath, path);
    }

    /**
     * @param routingPath what resources are matched against, when it differs from {@code path}: behind a custom
     *                    domain the base path is stripped for matching but kept in the event (security-and-operations.md §5.4)
     */
    public Invocation(HttpRequest request, RequestIds ids, Api api, Stage stage, String path, String contextPath,
                      String routingPath) {
        this.routingPath = routingPath;
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

    /** Serves this request as the stage's canary (its deployment and variables), security-and-operations.md §1.4. */
    public void routeToCanary() {
        this.stage = stage.asCanary();
        this.canaryRequest = true;
    }

    private boolean cached;

    /** The answer came from the stage's response cache (for the console line). */
    public void servedFromCache() {
        cached = true;
    }

    public boolean cached() {
        return cached;
    }

    /** {@code $context.isCanaryRequest}. */
    public boolean canaryRequest() {
        return canaryRequest;
    }

    public String path() {
        return path;
    }

    /** The path resources are matched against (the request path after the stage or base path mapping). */
    public String routingPath() {
        return routingPath;
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

    /** The API key the request was admitted with ({@code $context.identity.apiKey} / {@code apiKeyId}). */
    public void apiKey(String id, String value) {
        this.apiKeyId = id;
        this.apiKey = value;
    }

    /** The validated API key's value, or null when the method needed none. */
    public String apiKey() {
        return apiKey;
    }

    public String apiKeyId() {
        return apiKeyId;
    }

    /** The gateway error that stopped the road, or null. */
    public GatewayException error() {
        return error;
    }

    public void error(GatewayException error) {
        this.error = error;
    }

    /** The SigV4 caller of an AWS_IAM method ({@code requestContext.identity}), or null. */
    public dev.gwemu.auth.CallerIdentity caller() {
        return caller;
    }

    public void caller(dev.gwemu.auth.CallerIdentity caller) {
        this.caller = caller;
    }

    /**
     * {@code requestContext.authorizer} as the integration sees it: a Lambda authorizer's principalId,
     * integrationLatency and context (values as strings), or Cognito's {@code claims}; null when no authorizer ran
     * (the event then has no {@code authorizer} key, security-and-operations.md §3.3).
     */
    public java.util.Map<String, Object> authorizer() {
        return authorizer;
    }

    public void authorizer(java.util.Map<String, Object> authorizer) {
        this.authorizer = authorizer;
    }

    /** A Lambda authorizer's {@code usageIdentifierKey}: the API key when the API's key source is AUTHORIZER. */
    public String usageIdentifierKey() {
        return usageIdentifierKey;
    }

    public void usageIdentifierKey(String key) {
        this.usageIdentifierKey = key;
    }

    /** The simulated VPC endpoint a PRIVATE API's request came through ({@code aws:SourceVpce}), or null. */
    public dev.gwemu.model.VpcEndpointSpec vpcEndpoint() {
        return vpcEndpoint;
    }

    public void vpcEndpoint(dev.gwemu.model.VpcEndpointSpec vpcEndpoint) {
        this.vpcEndpoint = vpcEndpoint;
    }

    private String function;
    private Boolean coldStart; // null until the function answered
    private long integrationNanos = -1;
    private int integrationStatus;

    /** The Lambda function the integration calls (not an authorizer's), for the request logs; null when none. */
    public String function() {
        return function;
    }

    public void function(String name) {
        this.function = name;
    }

    /** The function answered (a result or a function error); {@code coldStart} when it paid for a new environment. */
    public void functionAnswered(boolean coldStart) {
        this.coldStart = coldStart;
    }

    /** Whether the function answered at all (not throttled, not timed out). */
    public boolean functionAnswered() {
        return coldStart != null;
    }

    /** The function's answer came from a new execution environment, after its init. */
    public boolean coldStart() {
        return coldStart != null && coldStart;
    }

    /**
     * How long the integration took and the status it answered with (0 when it failed), for
     * {@code $context.integrationLatency} and {@code $context.integration.status} in access logs.
     */
    public void integrationTook(long nanos, int status) {
        this.integrationNanos = nanos;
        this.integrationStatus = status;
    }

    /** Nanoseconds in the integration, or -1 when none ran. */
    public long integrationNanos() {
        return integrationNanos;
    }

    /** The integration's status, or 0 when none answered. */
    public int integrationStatus() {
        return integrationStatus;
    }

    /** An HTTP API request's route and what its authorizer found; null on REST APIs and before routing. */
    public dev.gwemu.httpapi.HttpRouteState httpRoute() {
        return httpRoute;
    }

    public void httpRoute(dev.gwemu.httpapi.HttpRouteState httpRoute) {
        this.httpRoute = httpRoute;
    }
}
