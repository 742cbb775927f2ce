package dev.gwemu.auth.lambda;

import dev.gwemu.integration.LambdaFunctionUri;
import dev.gwemu.lambda.FunctionThrottledException;
import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.Stage;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls the function an authorizer's {@code authorizerUri} names in a stage, and waits for it. Every way the call
 * can fail (no such function, throttled, too slow) is a 500 AuthorizerConfigurationException
 * (security-and-operations.md §3.3, outcomes table), never the integration's 502/504.
 */
final class AuthorizerFunctions {
    /**
     * How long API Gateway waits for an authorizer [unc]. AWS documents no authorizer timeout for REST APIs; the
     * method's integration timeout does not apply (observed: a 4 s authorizer behind a 3 s integration timeout
     * succeeds, zenn.dev/mn87 "API Gateway の統合タイムアウトが Lambda オーソライザーに適用されるか"), and a
     * gateway-side timeout gives 500 {"message":null} (dev.to/marcogrcr, AUTHORIZER_APIGW_TIMEOUT). gwemu waits
     * as long as the longest REST integration, 29 s; the function's own timeout usually ends it sooner.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(29);

    private final LambdaRuntime runtime;
    private final long timeoutMillis;
    /** Each (URI, stage, deployment) substituted and parsed once, not per request. */
    private final Map<TargetKey, LambdaFunctionUri> targets = new ConcurrentHashMap<>();

    private record TargetKey(String uri, String stage, String deploymentId) {
    }

    AuthorizerFunctions(LambdaRuntime runtime, Duration timeout) {
        this.runtime = runtime;
        this.timeoutMillis = timeout.toMillis();
    }

    /** @throws dev.gwemu.pipeline.GatewayException 500 when the function cannot be called or does not answer in time */
    InvokeResult invoke(AuthorizerSpec spec, Stage stage, byte[] event) {
        LambdaFunctionUri target = target(spec, stage);
        try {
            return runtime.invoke(target.functionName(), target.qualifier(), event).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw AuthorizerFailures.configurationError("Execution failed due to a timeout error: authorizer "
                    + spec.name() + " did not answer within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AuthorizerFailures.configurationError("interrupted while waiting for authorizer " + spec.name());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FunctionThrottledException throttled) {
                throw AuthorizerFailures.configurationError("authorizer " + spec.name() + ": Lambda invocation failed "
                        + "with status: 429. " + throttled.reason() + ": " + throttled.getMessage());
            }
            throw AuthorizerFailures.configurationError("authorizer " + spec.name() + ": Lambda invocation failed: " + e.getCause());
        }
    }

    private LambdaFunctionUri target(AuthorizerSpec spec, Stage stage) {
        TargetKey key = new TargetKey(spec.authorizerUri(), stage.name(), stage.deploymentId());
        LambdaFunctionUri target = targets.get(key);
        if (target == null) {
            if (spec.authorizerUri() == null) {
                throw AuthorizerFailures.configurationError("authorizer " + spec.name() + " has no authorizerUri");
            }
            try {
                target = LambdaFunctionUri.parse(LambdaFunctionUri.substitute(spec.authorizerUri(), stage.variables()));
            } catch (IllegalArgumentException e) {
                throw AuthorizerFailures.configurationError("authorizer " + spec.name() + ": " + e.getMessage());
            }
            // AWS answers the same 500 when API Gateway may not invoke the function (§3.3, "no permission to invoke").
            if (!runtime.has(target.functionName())) {
                throw AuthorizerFailures.configurationError("authorizer " + spec.name() + ": function "
                        + target.functionName() + " is not bound in api.yaml");
            }
            targets.put(key, target);
        }
        return target;
    }
}
