package dev.gwemu.auth.lambda;

import dev.gwemu.integration.LambdaFunctionUri;
import dev.gwemu.lambda.FunctionThrottledException;
import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.Stage;
import dev.gwemu.pipeline.GatewayException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Calls the function an authorizer's {@code authorizerUri} names in a stage, and waits for it. Every way the call
 * can fail (no such function, throttled, too slow) is one failure answer: for REST the 500
 * AuthorizerConfigurationException (security-and-operations.md §3.3, outcomes table), never the integration's
 * 502/504; HTTP APIs pass their own (§3.4: 500 Internal Server Error).
 */
public final class AuthorizerFunctions {
    /**
     * How long API Gateway waits for an authorizer [unc]. AWS documents no authorizer timeout for REST APIs; the
     * method's integration timeout does not apply (observed: a 4 s authorizer behind a 3 s integration timeout
     * succeeds, zenn.dev/mn87 "API Gateway の統合タイムアウトが Lambda オーソライザーに適用されるか"), and a
     * gateway-side timeout gives 500 {"message":null} (dev.to/marcogrcr, AUTHORIZER_APIGW_TIMEOUT). gwemu waits
     * as long as the longest REST integration, 29 s; the function's own timeout usually ends it sooner.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(29);

    private final LambdaRuntime runtime;
    private final long timeoutMillis;
    private final Function<String, GatewayException> failure;
    /** Each URI, its stage variables substituted, parsed once, not per request. */
    private final Map<String, LambdaFunctionUri> targets = new ConcurrentHashMap<>();

    AuthorizerFunctions(LambdaRuntime runtime, Duration timeout) {
        this(runtime, timeout, AuthorizerFailures::configurationError);
    }

    /**
     * @param timeout how long to wait for the function
     * @param failure the answer for every failed call, given why (for the console)
     */
    public AuthorizerFunctions(LambdaRuntime runtime, Duration timeout, Function<String, GatewayException> failure) {
        this.runtime = runtime;
        this.timeoutMillis = timeout.toMillis();
        this.failure = failure;
    }

    /** @throws GatewayException 500 when the function cannot be called or does not answer in time */
    InvokeResult invoke(AuthorizerSpec spec, Stage stage, byte[] event) {
        return invoke(spec.name(), spec.authorizerUri(), stage.variables(), event);
    }

    /**
     * Calls the function {@code authorizerUri} names once the stage's variables are substituted, and waits for it.
     *
     * @param authorizerName names the authorizer in the failure's reason
     * @return the function's answer, a function error included
     * @throws GatewayException the failure answer when the function cannot be called or does not answer in time
     */
    public InvokeResult invoke(String authorizerName, String authorizerUri, Map<String, String> stageVariables,
                               byte[] event) {
        LambdaFunctionUri target = target(authorizerName, authorizerUri, stageVariables);
        try {
            return runtime.invoke(target.functionName(), target.qualifier(), event).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failure.apply("Execution failed due to a timeout error: authorizer "
                    + authorizerName + " did not answer within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.apply("interrupted while waiting for authorizer " + authorizerName);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FunctionThrottledException throttled) {
                throw failure.apply("authorizer " + authorizerName + ": Lambda invocation failed "
                        + "with status: 429. " + throttled.reason() + ": " + throttled.getMessage());
            }
            throw failure.apply("authorizer " + authorizerName + ": Lambda invocation failed: " + e.getCause());
        }
    }

    private LambdaFunctionUri target(String authorizerName, String authorizerUri, Map<String, String> stageVariables) {
        if (authorizerUri == null) {
            throw failure.apply("authorizer " + authorizerName + " has no authorizerUri");
        }
        String uri = LambdaFunctionUri.substitute(authorizerUri, stageVariables);
        LambdaFunctionUri target = targets.get(uri);
        if (target == null) {
            try {
                target = LambdaFunctionUri.parse(uri);
            } catch (IllegalArgumentException e) {
                throw failure.apply("authorizer " + authorizerName + ": " + e.getMessage());
            }
            // AWS answers the same 500 when API Gateway may not invoke the function (§3.3, "no permission to invoke").
            if (!runtime.has(target.functionName())) {
                throw failure.apply("authorizer " + authorizerName + ": function "
                        + target.functionName() + " is not bound in api.yaml");
            }
            targets.put(uri, target);
        }
        return target;
    }
}
