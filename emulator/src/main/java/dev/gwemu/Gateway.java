package dev.gwemu;

import dev.gwemu.accesslog.StageAccessLogs;
import dev.gwemu.auth.AuthorizationStep;
import dev.gwemu.auth.Authenticators;
import dev.gwemu.auth.policy.DenialWording;
import dev.gwemu.auth.policy.ResourcePolicy;
import dev.gwemu.cache.CachingIntegrationStep;
import dev.gwemu.usage.ProjectUsage;
import dev.gwemu.usage.UsageCheck;
import dev.gwemu.usage.UsagePlanStep;
import dev.gwemu.httpapi.CorsPolicy;
import dev.gwemu.httpapi.HttpApiIntegrationStep;
import dev.gwemu.httpapi.HttpApiRoad;
import dev.gwemu.httpapi.HttpAuthorizationStep;
import dev.gwemu.httpapi.HttpRouteStep;
import dev.gwemu.httpapi.HttpThrottleStep;
import dev.gwemu.httpapi.authorizer.HttpLambdaAuthorizer;
import dev.gwemu.httpapi.jwt.JwtAuthorizer;
import dev.gwemu.integration.AwsIntegration;
import dev.gwemu.integration.AwsServiceIntegration;
import dev.gwemu.integration.BinaryMediaTypes;
import dev.gwemu.integration.aws.AwsServiceBackends;
import dev.gwemu.integration.HttpBackend;
import dev.gwemu.integration.HttpIntegration;
import dev.gwemu.integration.HttpProxyIntegration;
import dev.gwemu.integration.IntegrationStep;
import dev.gwemu.integration.LambdaIntegration;
import dev.gwemu.integration.LambdaProxyIntegration;
import dev.gwemu.integration.MockIntegration;
import dev.gwemu.validation.RequestValidationStep;
import dev.gwemu.lambda.FunctionLoadException;
import dev.gwemu.lambda.FunctionLogFormat;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.Api;
import dev.gwemu.model.IntegrationType;
import dev.gwemu.model.Project;
import dev.gwemu.pipeline.GatewayResponses;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.RestApiRoad;
import dev.gwemu.routing.ResourceTree;
import dev.gwemu.routing.RouteStep;
import dev.gwemu.server.ApiDispatcher;
import dev.gwemu.server.AwsCallsEndpoint;
import dev.gwemu.server.RequestListener;
import dev.gwemu.server.RequestLog;
import dev.gwemu.server.endpoint.ExecuteApiHosts;
import dev.gwemu.websocket.Connections;
import dev.gwemu.websocket.ConnectionsApi;
import dev.gwemu.websocket.WebSocketGateway;
import dev.gwemu.websocket.WebSocketHttpRoad;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A loaded project ready to answer requests: its Lambda runtime and one road per API.
 * It knows nothing of sockets, so it serves the HTTP server and in-process callers alike.
 */
public final class Gateway implements AutoCloseable {
    private final Project project;
    private final LambdaRuntime runtime;
    private final ApiDispatcher dispatcher;
    private final WebSocketGateway webSockets;
    private final StageAccessLogs accessLogs;
    private final AwsServiceBackends aws;
    private final AwsCallsEndpoint awsCalls;

    private Gateway(Project project, LambdaRuntime runtime, ApiDispatcher dispatcher, WebSocketGateway webSockets,
                    StageAccessLogs accessLogs, AwsServiceBackends aws) {
        this.project = project;
        this.runtime = runtime;
        this.dispatcher = dispatcher;
        this.webSockets = webSockets;
        this.accessLogs = accessLogs;
        this.aws = aws;
        this.awsCalls = new AwsCallsEndpoint(aws.captured(), aws::forgetCaptured);
    }

    /** A gateway that prints one line per request on standard output. */
    public static Gateway create(Project project, Clock clock) throws FunctionLoadException {
        return create(project, clock, System.out);
    }

    /** @param requestLog where the one-line-per-request log goes; null for none */
    public static Gateway create(Project project, Clock clock, java.io.PrintStream requestLog) throws FunctionLoadException {
        return create(project, clock, requestLog, java.util.random.RandomGenerator.getDefault());
    }

    /** @param random draws which requests go to stage canaries (seed it for repeatable tests) */
    public static Gateway create(Project project, Clock clock, java.io.PrintStream requestLog,
                                 java.util.random.RandomGenerator random) throws FunctionLoadException {
        return create(project, GatewayOptions.defaults().withClock(clock).withRequestLog(requestLog).withRandom(random));
    }

    /** A gateway set up as {@code options} say (clock, request log and its format, canary draws). */
    public static Gateway create(Project project, GatewayOptions options) throws FunctionLoadException {
        Clock clock = options.clock();
        java.util.random.RandomGenerator random = options.random();
        LambdaRuntime runtime = new LambdaRuntime(project.functions().values(), project.region(), project.accountId(),
                options.logFormat() == RequestLog.Format.JSON ? FunctionLogFormat.JSON : FunctionLogFormat.PREFIXED);
        UsageCheck usage = ProjectUsage.of(project, clock);
        Authenticators authenticators;
        JwtAuthorizer jwt;
        try { // both may read keys (JWKS files, the local issuer's key) and fail on them
            authenticators = Authenticators.of(project, runtime, clock);
            jwt = project.apis().stream().anyMatch(a -> a.type() == dev.gwemu.model.ApiType.HTTP)
                    ? JwtAuthorizer.of(project, clock) : null;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        List<ApiDispatcher.ServedApi> served = new ArrayList<>();
        AwsServiceBackends aws = new AwsServiceBackends(project, clock, HttpBackend.shared());
        Connections connections = new Connections();
        WebSocketGateway webSockets = WebSocketGateway.of(project.apis(), new ExecuteApiHosts(project.apis(),
                project.security().vpcEndpoints()), connections, runtime, clock, new dev.gwemu.websocket.ConnectAuthorizer(
                runtime, project.region(), project.accountId(), authenticators.sigV4(),
                DenialWording.valueOf(project.security().denialWording()), clock));
        HttpLambdaAuthorizer httpAuthorizers = new HttpLambdaAuthorizer(runtime, project.region(), project.accountId(), clock);
        for (Api api : project.apis()) {
            if (api.type() == dev.gwemu.model.ApiType.WEBSOCKET) {
                served.add(new ApiDispatcher.ServedApi(api, new WebSocketHttpRoad(new ConnectionsApi(connections, clock,
                        project.security().credentials().isEmpty() ? null : authenticators.sigV4(), webSockets::disconnected))));
                continue;
            }
            if (api.type() == dev.gwemu.model.ApiType.HTTP) {
                served.add(new ApiDispatcher.ServedApi(api, httpRoad(project, api, runtime, usage, authenticators,
                        httpAuthorizers, jwt, aws)));
                continue;
            }
            Map<String, dev.gwemu.pipeline.Road> canaryRoads = new java.util.LinkedHashMap<>();
            for (dev.gwemu.model.Stage stage : api.stages().values()) {
                if (stage.canary() != null && stage.canary().resources() != null) {
                    // The canary deployment serves other code: its own resources, the same steps.
                    Api canaryApi = api.withResources(api.definition(), stage.canary().resources());
                    canaryRoads.put(stage.name(), restRoad(project, canaryApi, runtime, usage, authenticators, aws, clock));
                }
            }
            served.add(new ApiDispatcher.ServedApi(api, restRoad(project, api, runtime, usage, authenticators, aws, clock),
                    canaryRoads));
        }
        StageAccessLogs accessLogs = StageAccessLogs.of(project);
        RequestLog console = new RequestLog(options.requestLog(), options.logFormat(), options.colour());
        ApiDispatcher dispatcher = new ApiDispatcher(served, project.domains(), project.security().vpcEndpoints(),
                usage, accessLogs == null ? console : RequestListener.all(List.of(console, accessLogs)), clock, random);
        return new Gateway(project, runtime, dispatcher, webSockets, accessLogs, aws);
    }

    /** The REST road in AWS's order (data-plane.md §0); later steps slot in between. */
    private static RestApiRoad restRoad(Project project, Api api, LambdaRuntime runtime, UsageCheck usage,
                                        Authenticators authenticators, AwsServiceBackends aws, Clock clock) {
        BinaryMediaTypes binary = new BinaryMediaTypes(api.binaryMediaTypes());
        String account = project.accountId();
        ResourcePolicy policy = api.policy() == null ? null
                : ResourcePolicy.compile(api.policy(), project.region(), account, api.id());
        return new RestApiRoad(List.of(
                new RouteStep(new ResourceTree(api.resources())),
                new AuthorizationStep(project.region(), account, policy, authenticators,
                        DenialWording.valueOf(project.security().denialWording()), clock),
                new UsagePlanStep(api, usage),
                new RequestValidationStep(),
                new CachingIntegrationStep(new IntegrationStep(Map.of(
                        IntegrationType.AWS_PROXY, new LambdaProxyIntegration(runtime, account, binary),
                        IntegrationType.AWS, new AwsIntegration(new LambdaIntegration(runtime, account, binary),
                                new AwsServiceIntegration(account, binary, aws)),
                        IntegrationType.MOCK, new MockIntegration(account, binary),
                        IntegrationType.HTTP, new HttpIntegration(account, binary, HttpBackend.shared()),
                        IntegrationType.HTTP_PROXY, new HttpProxyIntegration(account, binary, HttpBackend.shared()))),
                        api.stages(), clock)),
                new GatewayResponses(api.gatewayResponses(), account));
    }

    /** The HTTP API road (data-plane.md §3): CORS preflight, route, authorization, throttling, integration. */
    private static HttpApiRoad httpRoad(Project project, Api api, LambdaRuntime runtime, UsageCheck usage,
                                        Authenticators authenticators, HttpLambdaAuthorizer lambdaAuthorizers,
                                        JwtAuthorizer jwt, AwsServiceBackends aws) {
        return new HttpApiRoad(List.of(
                new HttpRouteStep(api.http().routes()),
                new HttpAuthorizationStep(project.accountId(), authenticators.sigV4(), lambdaAuthorizers, jwt),
                new HttpThrottleStep(usage.throttles()),
                new HttpApiIntegrationStep(api.http().routes(), runtime, project.accountId(), HttpBackend.shared(), aws,
                        project.region())),
                api.http().cors() == null ? null : new CorsPolicy(api.http().cors()));
    }

    /** The WebSocket APIs' side of the gateway, or null when the project has none. */
    public WebSocketGateway webSockets() {
        return webSockets;
    }

    public HttpResponse handle(HttpRequest request) {
        if (awsCalls.handles(request)) {
            return awsCalls.answer(request);
        }
        return dispatcher.handle(request);
    }

    /**
     * Gives every function one warm execution environment before the first request ({@code --warm}).
     *
     * @return the functions that have one (an init failure is in the function's log instead)
     */
    public List<String> prewarm() {
        return runtime.prewarm();
    }

    public Project project() {
        return project;
    }

    /** The AWS service calls captured so far ({@code .gwemu/aws-calls/}), as {@code /_gwemu/aws-calls} serves them. */
    public dev.gwemu.integration.aws.CapturedCalls capturedAwsCalls() {
        return aws.captured();
    }

    /** Forgets the captured AWS service calls and what they built (queued SQS messages, DynamoDB items). */
    public void forgetAwsCalls() {
        aws.forgetCaptured();
    }

    /** Stops the functions and writes the access logs' last lines. */
    @Override
    public void close() {
        try {
            runtime.close();
        } finally {
            if (accessLogs != null) {
                accessLogs.close();
            }
        }
    }
}
