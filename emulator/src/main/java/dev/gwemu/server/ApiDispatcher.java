package dev.gwemu.server;

import dev.gwemu.model.Api;
import dev.gwemu.model.Stage;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponses;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.RequestIds;
import dev.gwemu.pipeline.RestApiRoad;
import dev.gwemu.pipeline.StandardHeaders;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the API (by Host {@code {apiId}.execute-api.*}, else the first API) and the stage (the first
 * path segment), then sends the request down that API's road (data-plane.md §0 step 1, §1.1).
 */
public final class ApiDispatcher {
    /** An API and the road its requests walk. */
    /** An API, the road its requests walk, and the roads of stage canaries that serve another definition. */
    public record ServedApi(Api api, RestApiRoad road, Map<String, RestApiRoad> canaryRoads) {
        public ServedApi(Api api, RestApiRoad road) {
            this(api, road, Map.of());
        }

        RestApiRoad roadFor(Invocation inv) {
            RestApiRoad canary = inv.canaryRequest() ? canaryRoads.get(inv.stage().name()) : null;
            return canary != null ? canary : road;
        }
    }

    private static final String EXECUTE_API = ".execute-api.";

    private final Map<String, ServedApi> byId = new LinkedHashMap<>();
    private final ServedApi first;
    private final GatewayResponses gatewayResponses = new GatewayResponses();
    private final RequestLog log;
    private final Clock clock;
    private final CustomDomains domains;
    private final UsageEndpoint usageEndpoint;
    private final CanaryRouter canaries;

    public ApiDispatcher(List<ServedApi> apis, RequestLog log, Clock clock) {
        this(apis, List.of(), null, log, clock, java.util.random.RandomGenerator.getDefault());
    }

    /**
     * @param domains custom domain names routed by Host to their base path mappings
     * @param usage   the gateway's usage plans, reported at {@code /_gwemu/usage}; null for none
     * @param random  draws which requests go to stage canaries
     */
    public ApiDispatcher(List<ServedApi> apis, List<dev.gwemu.model.DomainSpec> domains, dev.gwemu.usage.UsageCheck usage,
                         RequestLog log, Clock clock, java.util.random.RandomGenerator random) {
        this.canaries = new CanaryRouter(random);
        this.usageEndpoint = usage == null ? null : new UsageEndpoint(usage);
        Map<String, ServedApi> byName = new LinkedHashMap<>();
        for (ServedApi api : apis) {
            byId.put(api.api().id(), api);
            byName.put(api.api().name(), api);
        }
        this.domains = new CustomDomains(domains, byName);
        this.first = apis.get(0);
        this.log = log;
        this.clock = clock;
    }

    public HttpResponse handle(HttpRequest request) {
        long started = System.nanoTime();
        RequestIds ids = RequestIds.create(clock.instant(), request.headers().first("X-Amzn-Trace-Id"));
        Invocation inv = null;
        HttpResponse response;
        String failure = null; // why the gateway answered before any API took the request
        if (usageEndpoint != null && usageEndpoint.handles(request)) {
            HttpResponse answer = usageEndpoint.answer(request);
            log.record(request, null, answer, System.nanoTime() - started);
            return answer;
        }
        try {
            CustomDomains.Routed routed = domains.route(request, ids);
            ServedApi served = routed != null ? routed.api() : select(request);
            inv = routed != null ? routed.invocation() : invocation(request, ids, served.api());
            canaries.route(inv);
            response = served.roadFor(inv).walk(inv);
        } catch (GatewayException e) {
            response = gatewayResponses.render(e);
            failure = e.detail();
        }
        StandardHeaders.addTo(response, ids, inv != null && inv.traced());
        log.record(request, inv, response, System.nanoTime() - started, failure);
        return response;
    }

    private ServedApi select(HttpRequest request) {
        String host = request.host().toLowerCase(Locale.ROOT);
        int marker = host.indexOf(EXECUTE_API);
        if (marker <= 0) {
            return first;
        }
        String apiId = host.substring(0, marker);
        ServedApi served = byId.get(apiId);
        if (served == null) {
            // No DNS record in AWS; answered as LocalStack does (data-plane.md §1.1 [E]).
            throw GatewayException.fixed(null, 404, "NotFoundException",
                    "{\"message\":\"The API id '" + apiId + "' does not correspond to a deployed API Gateway API\"}");
        }
        return served;
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
            throw GatewayException.fixed(null, 403, "ForbiddenException", "{\"message\":\"Forbidden\"}");
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
