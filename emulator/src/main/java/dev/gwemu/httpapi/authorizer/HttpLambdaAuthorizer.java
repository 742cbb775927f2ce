package dev.gwemu.httpapi.authorizer;

import dev.gwemu.auth.lambda.AuthorizerFunctions;
import dev.gwemu.auth.policy.PolicyDecision;
import dev.gwemu.auth.policy.RequestFacts;
import dev.gwemu.httpapi.HttpApiErrors;
import dev.gwemu.httpapi.HttpApiRequestContext;
import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.HttpAuthorizerSpec;
import dev.gwemu.pipeline.HttpRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Lambda (REQUEST) authorizers of HTTP APIs (security-and-operations.md §3.4, data-plane.md §3.4): reads the
 * identity sources, answers from the cache when it can, else calls the function with the payload 1.0 or 2.0 event,
 * and decides. The route's caller gets the result when allowed, and a {@link dev.gwemu.pipeline.GatewayException}
 * otherwise: 401 (missing identity, the function's {@code Unauthorized}), 403 ({@code isAuthorized: false}, a policy
 * that does not allow the route ARN) or 500 (any other failure), with {@link HttpApiErrors}' bodies.
 */
public final class HttpLambdaAuthorizer {
    /** How long API Gateway waits for an HTTP API authorizer [doc: HTTP API quotas, "Timeout for Lambda authorizer response 10000 ms"]. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * Whether the function's {@code Unauthorized} is cached like an answer [unc, §3.3 Caching: REST's observed
     * behaviour, which gwemu's REST authorizers follow too]. Failures (500) never are.
     */
    static final boolean CACHES_UNAUTHORIZED = true;

    private static final String PAYLOAD_V1 = "1.0";
    private static final String PAYLOAD_V2 = "2.0";

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final AuthorizerFunctions functions;
    private final HttpAuthorizerCache cache;
    /** Each authorizer's identity sources, compiled at its first request. */
    private final Map<HttpAuthorizerSpec, HttpAuthorizerIdentity> identities = new ConcurrentHashMap<>();

    /**
     * @param region    the gateway's region, for route ARNs
     * @param accountId the gateway's account, for route ARNs
     * @param clock     the gateway's clock: cached answers expire by it, and policy conditions read it
     */
    public HttpLambdaAuthorizer(LambdaRuntime runtime, String region, String accountId, Clock clock) {
        this(runtime, region, accountId, clock, TIMEOUT);
    }

    /** As above, with how long to wait for the function (tests). */
    HttpLambdaAuthorizer(LambdaRuntime runtime, String region, String accountId, Clock clock, Duration timeout) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.functions = new AuthorizerFunctions(runtime, timeout, HttpApiErrors::internalServerError);
        this.cache = new HttpAuthorizerCache(clock);
    }

    /**
     * Runs the route's Lambda authorizer for this request, or takes its cached answer.
     *
     * @param spec             a REQUEST authorizer of the request's API
     * @param request          the request as it arrived
     * @param context          the matched route, stage and ids; its {@code authorizer} is ignored
     * @param contextVariables resolves {@code $context.X} identity sources by the name X (null when unknown)
     * @return what the integration sees; a cached answer has integrationLatency 0 and {@code fromCache}
     * @throws dev.gwemu.pipeline.GatewayException 401, 403 or 500 as above
     */
    public HttpAuthorizerResult authorize(HttpAuthorizerSpec spec, HttpRequest request, HttpApiRequestContext context,
                                          Function<String, String> contextVariables) {
        HttpAuthorizerIdentity sources = identity(spec);
        List<String> identity = sources.read(new HttpIdentitySource.Inputs(request, context, contextVariables));
        String routeArn = RouteArn.of(region, accountId, request, context);
        // Caching needs at least one identity source (AWS guide, "Caching authorizer responses").
        HttpAuthorizerCache.Scope scope = spec.resultTtlSeconds() > 0 && !sources.isEmpty()
                ? new HttpAuthorizerCache.Scope(context.apiId(), spec.id(), context.stage(), spec.resultTtlSeconds())
                : null;
        if (scope != null) {
            HttpAuthorizerAnswer kept = cache.get(scope, identity);
            if (kept != null) {
                return decide(spec, kept, routeArn, request, 0, true);
            }
        }
        boolean payloadV1 = payloadV1(spec);
        byte[] event = payloadV1 ? AuthorizerEventV1.write(request, context, routeArn, identity)
                : AuthorizerEventV2.write(request, context, routeArn, identity);
        long started = System.nanoTime();
        InvokeResult result = functions.invoke(spec.name(), spec.authorizerUri(), context.stageVariables(), event);
        long latencyMillis = (System.nanoTime() - started) / 1_000_000;
        boolean simple = !payloadV1 && spec.simpleResponses();
        HttpAuthorizerAnswer answer = HttpAuthorizerResponseReader.read(result, simple, payloadV1);
        if (scope != null && (CACHES_UNAUTHORIZED || !(answer instanceof HttpAuthorizerAnswer.Unauthorized))) {
            cache.put(scope, identity, answer);
        }
        return decide(spec, answer, routeArn, request, latencyMillis, false);
    }

    private HttpAuthorizerResult decide(HttpAuthorizerSpec spec, HttpAuthorizerAnswer answer, String routeArn,
                                        HttpRequest request, long latencyMillis, boolean cached) {
        String source = cached ? "the cached answer of authorizer " + spec.name() : "authorizer " + spec.name();
        if (answer instanceof HttpAuthorizerAnswer.Unauthorized) {
            throw HttpApiErrors.unauthorized(source + " answered Unauthorized");
        }
        if (answer instanceof HttpAuthorizerAnswer.Simple simple) {
            if (!simple.authorized()) {
                throw HttpApiErrors.forbidden(source + " answered isAuthorized: false");
            }
            return new HttpAuthorizerResult(null, simple.context(), latencyMillis, cached);
        }
        HttpAuthorizerAnswer.Policy policy = (HttpAuthorizerAnswer.Policy) answer;
        PolicyDecision decision = policy.policy().evaluate(facts(routeArn, request));
        if (decision == PolicyDecision.EXPLICIT_DENY) {
            throw HttpApiErrors.forbidden("the policy of " + source + " explicitly denies " + routeArn);
        }
        if (decision == PolicyDecision.IMPLICIT_DENY) {
            throw HttpApiErrors.forbidden("the policy of " + source + " does not allow " + routeArn);
        }
        return new HttpAuthorizerResult(policy.principalId(), policy.context(), latencyMillis, cached);
    }

    private RequestFacts facts(String routeArn, HttpRequest request) {
        return new RequestFacts(routeArn, null, request.sourceIp(), null, null, clock.instant(),
                "https".equalsIgnoreCase(request.scheme()), request.headers().first("User-Agent"),
                request.headers().first("Referer"));
    }

    private static boolean payloadV1(HttpAuthorizerSpec spec) {
        String version = spec.payloadFormatVersion();
        if (PAYLOAD_V1.equals(version)) {
            return true;
        }
        if (PAYLOAD_V2.equals(version)) {
            return false;
        }
        throw HttpApiErrors.internalServerError("authorizer " + spec.name() + " has authorizerPayloadFormatVersion "
                + version + "; HTTP API Lambda authorizers take 1.0 or 2.0");
    }

    private HttpAuthorizerIdentity identity(HttpAuthorizerSpec spec) {
        if (spec.type() != HttpAuthorizerSpec.Type.REQUEST) {
            throw HttpApiErrors.internalServerError("authorizer " + spec.name() + " is " + spec.type()
                    + ", not a Lambda (REQUEST) authorizer");
        }
        HttpAuthorizerIdentity identity = identities.get(spec);
        if (identity == null) {
            try {
                identity = HttpAuthorizerIdentity.compile(spec);
            } catch (IllegalArgumentException e) {
                throw HttpApiErrors.internalServerError("authorizer " + spec.name() + ": " + e.getMessage());
            }
            identities.put(spec, identity);
        }
        return identity;
    }
}
