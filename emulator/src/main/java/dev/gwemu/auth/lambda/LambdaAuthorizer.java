package dev.gwemu.auth.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.AuthorizerType;
import dev.gwemu.pipeline.Invocation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The TOKEN and REQUEST Lambda authorizers of one API (security-and-operations.md §3.3): reads the identity, answers
 * from the authorizer's cache for the stage when it can, else calls the function and checks its output. The caller
 * evaluates the result's policy against the method ARN (the 403s); this class gives the 401s and 500s.
 *
 * @param <P> the parsed policy document
 */
public final class LambdaAuthorizer<P> {
    private final String accountId;
    private final AuthorizerFunctions functions;
    private final AuthorizerEvents events;
    private final AuthorizerResponseReader<P> responses;
    private final AuthorizerCache<P> cache;
    /** Each authorizer's identity sources and validation expression, compiled at its first request. */
    private final Map<AuthorizerSpec, AuthorizerIdentity> identities = new ConcurrentHashMap<>();

    /**
     * @param accountId    the gateway's account ({@code requestContext.accountId} of REQUEST events)
     * @param policyParser reads a {@code policyDocument} ({@code PolicyDocument::parse}); an IllegalArgumentException
     *                     from it is a malformed policy (500)
     * @param clock        the gateway's clock: cached answers expire by it
     */
    public LambdaAuthorizer(LambdaRuntime runtime, String accountId, Function<JsonNode, ? extends P> policyParser,
                            Clock clock) {
        this(runtime, accountId, policyParser, clock, AuthorizerFunctions.TIMEOUT);
    }

    /** As above, with how long to wait for the function (tests). */
    LambdaAuthorizer(LambdaRuntime runtime, String accountId, Function<JsonNode, ? extends P> policyParser, Clock clock,
                     Duration timeout) {
        this.accountId = accountId;
        this.functions = new AuthorizerFunctions(runtime, timeout);
        this.events = new AuthorizerEvents(accountId);
        this.responses = new AuthorizerResponseReader<>(policyParser);
        this.cache = new AuthorizerCache<>(clock);
    }

    /**
     * Runs the authorizer for this request, or takes its cached answer.
     *
     * @param spec      a TOKEN or REQUEST authorizer of this API
     * @param methodArn the request's method ARN (the event's {@code methodArn})
     * @return the checked output; a cached one has integrationLatency 0 and {@code fromCache}
     * @throws dev.gwemu.pipeline.GatewayException 401 UNAUTHORIZED (no identity, a token the validation expression
     *                                             refuses, the function's {@code Unauthorized}); 500
     *                                             AUTHORIZER_CONFIGURATION_ERROR (any other failure)
     */
    public AuthorizerResult<P> authorize(AuthorizerSpec spec, Invocation inv, String methodArn) {
        List<String> identity = identity(spec).read(inv);
        boolean caching = AuthorizerCache.caches(spec);
        if (caching) {
            AuthorizerAnswer<P> kept = cache.get(spec, inv.stage(), identity);
            if (kept != null) {
                return resultOf(kept, true);
            }
        }
        byte[] event = spec.type() == AuthorizerType.TOKEN ? events.token(methodArn, identity.get(0))
                : events.request(inv, methodArn);
        long started = System.nanoTime();
        InvokeResult result = functions.invoke(spec, inv.stage(), event);
        long latencyMillis = (System.nanoTime() - started) / 1_000_000;
        AuthorizerAnswer<P> answer = responses.read(result, latencyMillis);
        if (caching) {
            // Unauthorized is kept too [unc, §3.3 Caching]; failures were thrown above and never are.
            cache.put(spec, inv.stage(), identity, answer);
        }
        return resultOf(answer, false);
    }

    /** {@code FlushStageAuthorizersCache} for a stage: its next requests call the authorizers again. */
    public void flush(String stageName) {
        cache.flush(stageName);
    }

    private AuthorizerIdentity identity(AuthorizerSpec spec) {
        AuthorizerIdentity identity = identities.get(spec);
        if (identity == null) {
            try {
                identity = AuthorizerIdentity.compile(spec, accountId);
            } catch (IllegalArgumentException e) {
                throw AuthorizerFailures.configurationError("authorizer " + spec.name() + ": " + e.getMessage());
            }
            identities.put(spec, identity);
        }
        return identity;
    }

    private static <P> AuthorizerResult<P> resultOf(AuthorizerAnswer<P> answer, boolean cached) {
        if (answer instanceof AuthorizerAnswer.Authorized<P> authorized) {
            return cached ? authorized.result().servedFromCache() : authorized.result();
        }
        throw AuthorizerFailures.unauthorized(cached ? "the authorizer's cached answer is Unauthorized"
                : "the authorizer function answered Unauthorized");
    }
}
