package dev.gwemu.server;

import dev.gwemu.httpapi.HttpApiErrors;
import dev.gwemu.httpapi.HttpStageSelection;
import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.DomainSpec;
import dev.gwemu.model.Stage;
import dev.gwemu.model.VpcEndpointSpec;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponses;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.RequestIds;
import dev.gwemu.pipeline.Road;
import dev.gwemu.pipeline.StandardHeaders;
import dev.gwemu.server.endpoint.EdgeLocation;
import dev.gwemu.server.endpoint.EndpointPath;
import dev.gwemu.server.endpoint.ExecuteApiHosts;
import dev.gwemu.server.endpoint.ForbiddenResponse;
import dev.gwemu.usage.UsageCheck;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Picks the API (by custom domain, by Host {@code {apiId}.execute-api.*} or one of its VPC endpoint forms,
 * else the first API) and the stage (the first path segment), lets the API's endpoint type shape the
 * request (CloudFront, VPC endpoint), then sends it down that API's road (data-plane.md §0 step 1, §1.1;
 * security-and-operations.md §5).
 */
public final class ApiDispatcher {
    /** An API, the road its requests walk, and the roads of stage canaries that serve another definition. */
    public record ServedApi(Api api, Road road, Map<String, Road> canaryRoads) {
        public ServedApi(Api api, Road road) {
            this(api, road, Map.of());
        }

        Road roadFor(Invocation inv) {
            Road canary = inv.canaryRequest() ? canaryRoads.get(inv.stage().name()) : null;
            return canary != null ? canary : road;
        }
    }

    /** The HTTP API's request id header: the short id, also {@code requestContext.requestId} (§3.3). */
    static final String HTTP_API_REQUEST_ID = "apigw-requestid";
    private final Map<String, ServedApi> byId = new HashMap<>();
    private final ServedApi first;
    private final GatewayResponses gatewayResponses = new GatewayResponses();
    private final RequestListener log;
    private final Clock clock;
    private final CustomDomains domains;
    private final ExecuteApiHosts hosts;
    private final EndpointPath endpoints;
    private final UsageEndpoint usageEndpoint;
    private final CanaryRouter canaries;

    public ApiDispatcher(List<ServedApi> apis, RequestListener log, Clock clock) {
        this(apis, List.of(), List.of(), null, log, clock, RandomGenerator.getDefault());
    }

    /** Without VPC endpoints: PRIVATE APIs answer 403 to every request. */
    public ApiDispatcher(List<ServedApi> apis, List<DomainSpec> domains, UsageCheck usage,
                         RequestListener log, Clock clock, RandomGenerator random) {
        this(apis, domains, List.of(), usage, log, clock, random);
    }

    /**
     * @param domains      custom domain names routed by Host to their base path mappings
     * @param vpcEndpoints the simulated VPC endpoints PRIVATE APIs are reached through (api.yaml {@code vpcEndpoints})
     * @param usage        the gateway's usage plans, reported at {@code /_gwemu/usage}; null for none
     * @param random       draws which requests go to stage canaries
     */
    public ApiDispatcher(List<ServedApi> apis, List<DomainSpec> domains, List<VpcEndpointSpec> vpcEndpoints,
                         UsageCheck usage, RequestListener log, Clock clock, RandomGenerator random) {
        this(apis, domains, vpcEndpoints, EdgeLocation.DEFAULT, usage, log, clock, random);
    }

    /** @param edge the simulated CloudFront edge in front of EDGE APIs */
    public ApiDispatcher(List<ServedApi> apis, List<DomainSpec> domains, List<VpcEndpointSpec> vpcEndpoints,
                         EdgeLocation edge, UsageCheck usage, RequestListener log, Clock clock, RandomGenerator random) {
        this.canaries = new CanaryRouter(random);
        this.usageEndpoint = usage == null ? null : new UsageEndpoint(usage);
        Map<String, ServedApi> byName = new LinkedHashMap<>();
        List<Api> models = new ArrayList<>();
        for (ServedApi api : apis) {
            byId.put(api.api().id(), api);
            byName.put(api.api().name(), api);
            models.add(api.api());
        }
        this.domains = new CustomDomains(domains, byName);
        this.hosts = new ExecuteApiHosts(models, vpcEndpoints);
        this.endpoints = new EndpointPath(edge);
        this.first = apis.get(0);
        this.log = log;
        this.clock = clock;
    }

    public HttpResponse handle(HttpRequest request) {
        long started = System.nanoTime();
        RequestIds ids = RequestIds.create(clock.instant(), request.headers().first("X-Amzn-Trace-Id"));
        Invocation inv = null;
        EndpointPath.Arrival arrival = null;
        HttpResponse response;
        String failure = null; // why the gateway answered before any API took the request
        Api answering = null; // the API the request was addressed to, once known
        if (usageEndpoint != null && usageEndpoint.handles(request)) {
            HttpResponse answer = usageEndpoint.answer(request);
            log.answered(new CompletedRequest(request, ids, null, null, answer, System.nanoTime() - started, null));
            return answer;
        }
        try {
            CustomDomains.Routed routed = domains.route(request);
            ServedApi served;
            VpcEndpointSpec through = null;
            if (routed != null) {
                served = routed.api();
            } else {
                ExecuteApiHosts.Address address = hosts.resolve(request);
                served = address == null ? first : byId.get(address.api().id());
                through = address == null ? null : address.vpcEndpoint();
            }
            answering = served.api();
            arrival = endpoints.arrive(served.api(), request, through);
            inv = routed != null ? routed.invocation(arrival.request(), ids)
                    : served.api().type() == ApiType.HTTP ? httpApiInvocation(arrival.request(), ids, served.api())
                    : invocation(arrival.request(), ids, served.api());
            inv.vpcEndpoint(arrival.vpcEndpoint());
            canaries.route(inv);
            response = served.roadFor(inv).walk(inv);
        } catch (GatewayException e) {
            response = gatewayResponses.render(e);
            failure = e.detail();
        }
        if (answering != null && answering.type() == ApiType.HTTP) {
            response.headers().add(HTTP_API_REQUEST_ID, ids.extendedRequestId()); // no x-amzn-RequestId (§3.3 [V])
        } else if (answering == null || answering.type() == ApiType.REST
                || !response.headers().contains("x-amzn-RequestId")) { // @connections answers carry their own
            StandardHeaders.addTo(response, ids, inv != null && inv.traced());
        }
        endpoints.respond(arrival, response);
        log.answered(new CompletedRequest(request, ids, answering, inv, response, System.nanoTime() - started, failure));
        return response;
    }

    /**
     * An HTTP API's stage: the first segment when it names one, else {@code $default} with the whole path, else
     * 404 {"message":"Not Found"} (data-plane.md §3.1).
     */
    private static Invocation httpApiInvocation(HttpRequest request, RequestIds ids, Api api) {
        HttpStageSelection selection = HttpStageSelection.select(api.stages().keySet(), request.rawPath());
        if (selection == null) {
            throw HttpApiErrors.notFound("API " + api.name() + " has no stage for " + request.rawPath()
                    + " and no $default stage");
        }
        return new Invocation(request, ids, api, api.stages().get(selection.stage()), selection.path(), request.rawPath());
    }

    /** Splits {@code /{stage}/rest}: leading slashes collapse, inner ones stay (data-plane.md §1.2, verified). */
    private static Invocation invocation(HttpRequest request, RequestIds ids, Api api) {
        String raw = request.rawPath();
        int start = 0;
        while (start < raw.length() && raw.charAt(start) == '/') {
            start++;
        }
        int slash = raw.indexOf('/', start);
        String stageName = slash < 0 ? raw.substring(start) : raw.substring(start, slash);
        Stage stage = api.stages().get(stageName);
        if (stage == null) {
            // No stage segment or an unknown stage [U, widely observed].
            throw ForbiddenResponse.because(stageName.isEmpty() ? "no stage in the path"
                    : "API " + api.name() + " has no stage " + stageName);
        }
        String contextPath = "/" + raw.substring(start);
        String path = "/";
        if (slash >= 0) {
            int rest = slash;
            while (rest < raw.length() && raw.charAt(rest) == '/') {
                rest++;
            }
            path = "/" + raw.substring(rest);
        }
        return new Invocation(request, ids, api, stage, path, contextPath);
    }
}
