package dev.gwemu.websocket;

import dev.gwemu.auth.lambda.AuthorizerAnswer;
import dev.gwemu.auth.lambda.AuthorizerCache;
import dev.gwemu.auth.lambda.AuthorizerFunctions;
import dev.gwemu.auth.lambda.AuthorizerResponseReader;
import dev.gwemu.auth.lambda.AuthorizerResult;
import dev.gwemu.auth.policy.DenialWording;
import dev.gwemu.auth.policy.PolicyDecision;
import dev.gwemu.auth.policy.PolicyDocument;
import dev.gwemu.auth.policy.RequestFacts;
import dev.gwemu.auth.sigv4.SigV4Verifier;
import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.Api;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.Stage;
import dev.gwemu.model.WebSocketAuthorizerSpec;
import dev.gwemu.model.WebSocketRoute;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization of a WebSocket upgrade, before the {@code $connect} integration (security-and-operations.md §7.1):
 * NONE, AWS_IAM (SigV4 against api.yaml's credentials), or a Lambda REQUEST authorizer with REST's output contract
 * and cache (§3.3). An allowed connection carries the authorizer's result for its lifetime.
 */
public final class ConnectAuthorizer {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectAuthorizer.class);
    /** [doc] "Lambda authorizer result size: 8 KB" (WebSocket API quotas, §7.1); a larger answer is a 500. */
    static final int MAX_RESULT_BYTES = 8 * 1024;

    private final String region;
    private final String accountId;
    private final SigV4Verifier sigV4;
    private final DenialWording wording;
    private final Clock clock;
    private final AuthorizerFunctions functions;
    private final AuthorizerResponseReader<PolicyDocument> responses =
            new AuthorizerResponseReader<>(PolicyDocument::parse, MAX_RESULT_BYTES);
    private final AuthorizerCache<PolicyDocument> cache;
    private final Map<WebSocketAuthorizerSpec, List<ConnectAuthorizerIdentitySource>> sources = new ConcurrentHashMap<>();

    /**
     * What authorization decided: the refusal to answer the upgrade with, or the connection's
     * {@code requestContext.authorizer} (null when no Lambda authorizer ran).
     */
    public record Outcome(HttpResponse refusal, Map<String, Object> authorizer) {
        static Outcome refused(HttpResponse refusal) {
            return new Outcome(refusal, null);
        }

        static Outcome allowed(Map<String, Object> authorizer) {
            return new Outcome(null, authorizer);
        }

        public boolean isRefused() {
            return refusal != null;
        }
    }

    /**
     * @param sigV4   verifies AWS_IAM upgrades with the project's credentials
     * @param wording the texts of the 403s
     * @param clock   the gateway's clock: cached answers expire by it
     */
    public ConnectAuthorizer(LambdaRuntime runtime, String region, String accountId, SigV4Verifier sigV4,
                             DenialWording wording, Clock clock) {
        this.region = region;
        this.accountId = accountId;
        this.sigV4 = sigV4;
        this.wording = wording;
        this.clock = clock;
        this.functions = new AuthorizerFunctions(runtime, AuthorizerFunctions.TIMEOUT,
                why -> GatewayException.of(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR, null).because(why));
        this.cache = new AuthorizerCache<>(clock);
    }

    /** {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/$connect} (§7.2 [doc]). */
    public String methodArn(Api api, Stage stage) {
        return "arn:aws:execute-api:" + region + ":" + accountId + ":" + api.id() + "/" + stage.name() + "/"
                + WebSocketRoute.CONNECT;
    }

    /**
     * @param route   the API's {@code $connect} route
     * @param context the handshake's connection (no authorizer yet), time and request id, shared with the CONNECT event
     */
    public Outcome authorize(Api api, Stage stage, WebSocketRoute route, HttpRequest request,
                             WebSocketEventWriter.EventContext context) {
        return switch (route.authorization()) {
            case NONE -> Outcome.allowed(null);
            case AWS_IAM -> iam(api, request);
            case CUSTOM -> lambda(api, stage, api.websocket().authorizers().get(route.authorizer()), request, context);
            case COGNITO_USER_POOLS -> throw new IllegalStateException("WebSocket routes take no Cognito authorizer");
        };
    }

    /** A listed credential may connect, as for REST's AWS_IAM methods (no IAM policies are modelled). */
    private Outcome iam(Api api, HttpRequest request) {
        try {
            sigV4.verify(request);
            return Outcome.allowed(null);
        } catch (GatewayException e) {
            LOG.info("$connect of {} refused: {}", api.name(), e.detail());
            return Outcome.refused(ConnectAuthorizerRefusals.signatureRefused(e));
        }
    }

    private Outcome lambda(Api api, Stage stage, WebSocketAuthorizerSpec spec, HttpRequest request,
                           WebSocketEventWriter.EventContext context) {
        List<String> identity = new ArrayList<>();
        for (ConnectAuthorizerIdentitySource source : sources.computeIfAbsent(spec, ConnectAuthorizer::compile)) {
            String value = source.read(request, context);
            if (value == null || value.isEmpty()) {
                LOG.info("$connect of {} refused: the upgrade has no {} (an identity source of authorizer {})",
                        api.name(), source, spec.name());
                return Outcome.refused(ConnectAuthorizerRefusals.unauthorized());
            }
            identity.add(value);
        }
        String methodArn = methodArn(api, stage);
        AuthorizerSpec shared = spec.asRequestAuthorizer();
        boolean caching = AuthorizerCache.caches(shared);
        AuthorizerAnswer<PolicyDocument> answer = caching ? cache.get(shared, stage, identity) : null;
        boolean cached = answer != null;
        if (!cached) {
            try {
                answer = call(spec, stage, methodArn, request, context);
            } catch (GatewayException e) {
                LOG.info("$connect of {} refused: authorizer {} failed: {}", api.name(), spec.name(), e.detail());
                return Outcome.refused(ConnectAuthorizerRefusals.authorizerFailed());
            }
            if (caching) {
                cache.put(shared, stage, identity, answer); // Unauthorized too, as REST [unc]; failures never
            }
        }
        if (!(answer instanceof AuthorizerAnswer.Authorized<PolicyDocument> authorized)) {
            LOG.info("$connect of {} refused: authorizer {} answered Unauthorized", api.name(), spec.name());
            return Outcome.refused(ConnectAuthorizerRefusals.unauthorized());
        }
        AuthorizerResult<PolicyDocument> result = cached ? authorized.result().servedFromCache() : authorized.result();
        PolicyDecision decision = result.policy().evaluate(facts(methodArn, request));
        if (decision != PolicyDecision.ALLOW) {
            LOG.info("$connect of {} refused: {} by authorizer {} for {}", api.name(), decision, spec.name(), methodArn);
            return Outcome.refused(ConnectAuthorizerRefusals.denied(decision, wording));
        }
        return Outcome.allowed(result.requestContextAuthorizer());
    }

    private AuthorizerAnswer<PolicyDocument> call(WebSocketAuthorizerSpec spec, Stage stage, String methodArn,
                                                  HttpRequest request, WebSocketEventWriter.EventContext context) {
        byte[] event = ConnectAuthorizerEvent.write(methodArn, context, request);
        long started = System.nanoTime();
        InvokeResult result = functions.invoke(spec.name(), spec.authorizerUri(), stage.variables(), event);
        return responses.read(result, (System.nanoTime() - started) / 1_000_000);
    }

    private RequestFacts facts(String methodArn, HttpRequest request) {
        return new RequestFacts(methodArn, null, request.sourceIp(), null, null, clock.instant(),
                "https".equals(request.scheme()), request.headers().first("User-Agent"), request.headers().first("Referer"));
    }

    /** The reader checked every source at load; a bad one here is a programming error. */
    private static List<ConnectAuthorizerIdentitySource> compile(WebSocketAuthorizerSpec spec) {
        return spec.identitySources().stream().map(ConnectAuthorizerIdentitySource::parse).toList();
    }
}
