package dev.gwemu.integration;

import dev.gwemu.lambda.FunctionThrottledException;
import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.Integration;
import dev.gwemu.model.Stage;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.Invocation;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls the Lambda function an integration URI names, as API Gateway's Lambda integrations do:
 * POST only, the 6 MB payload limit, the integration timeout, Lambda's throttle answered as AWS answers it.
 */
public final class LambdaTargets {
    /** Lambda's synchronous invoke payload limit. */
    static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;
    /**
     * What a REST client gets when Lambda throttles the invoke (429 TooManyRequestsException, over the
     * function's reservedConcurrency): 500 {"message": "Internal server error"}, as the AWS knowledge
     * center ("troubleshoot internal server error 500 ... Lambda", throttling section) and re:Post reports
     * say; API Gateway does not pass Lambda's 429 through. One constant, should that turn out otherwise.
     */
    public static final int THROTTLED_LAMBDA_STATUS = 500;

    private final LambdaRuntime runtime;
    /** The function each (integration URI, stage) resolves to: substituted and parsed once, not per request. */
    private final Map<TargetKey, LambdaFunctionUri> targets = new ConcurrentHashMap<>();

    private record TargetKey(String uri, String stage, String deploymentId) {
    }

    public LambdaTargets(LambdaRuntime runtime) {
        this.runtime = runtime;
    }

    /** Invokes the REST method's function with {@code payload} and waits up to the integration's timeout. */
    InvokeResult invoke(Invocation inv, byte[] payload) {
        Integration integration = inv.route().method().integration();
        if (!"POST".equals(integration.httpMethod())) {
            throw GatewayException.configurationError("Execution failed due to configuration error: a Lambda integration's httpMethod must be POST");
        }
        return invoke(inv, integration.uri(), inv.stage(), payload, integration.timeoutMillis(), InvokeFailures.REST);
    }

    /**
     * As below, for a request's integration: the request logs learn which function served it and whether
     * that cost a cold start.
     */
    public InvokeResult invoke(Invocation inv, String uri, Stage stage, byte[] payload, int timeoutMillis,
                               InvokeFailures failures) {
        LambdaFunctionUri target = target(uri, stage, failures);
        inv.function(target.functionName());
        InvokeResult result = invoke(target, payload, timeoutMillis, failures);
        inv.functionAnswered(result.coldStart());
        return result;
    }

    /**
     * Invokes the function {@code uri} names in {@code stage} (stage variables substituted) and waits up to
     * {@code timeoutMillis}; every failure becomes the road's answer from {@code failures}.
     */
    public InvokeResult invoke(String uri, Stage stage, byte[] payload, int timeoutMillis, InvokeFailures failures) {
        return invoke(target(uri, stage, failures), payload, timeoutMillis, failures);
    }

    private InvokeResult invoke(LambdaFunctionUri target, byte[] payload, int timeoutMillis, InvokeFailures failures) {
        if (payload.length > MAX_EVENT_BYTES) {
            throw failures.tooLarge("the payload is " + payload.length + " bytes, over Lambda's 6 MB invoke limit");
        }
        return await(runtime.invoke(target.functionName(), target.qualifier(), payload), timeoutMillis, failures);
    }

    private LambdaFunctionUri target(String template, Stage stage, InvokeFailures failures) {
        // One instance per API: stage names are unique here; a canary (its own deployment) has its own variables.
        TargetKey key = new TargetKey(template, stage.name(), stage.deploymentId());
        LambdaFunctionUri target = targets.get(key);
        if (target == null) {
            String uri = LambdaFunctionUri.substitute(template, stage.variables());
            try {
                target = LambdaFunctionUri.parse(uri);
            } catch (IllegalArgumentException e) {
                throw failures.configuration("Execution failed due to configuration error: " + e.getMessage());
            }
            if (!runtime.has(target.functionName())) {
                throw failures.configuration("Execution failed due to configuration error: function "
                        + target.functionName() + " is not bound in api.yaml");
            }
            targets.put(key, target);
        }
        return target;
    }

    private static InvokeResult await(CompletableFuture<InvokeResult> future, int timeoutMillis, InvokeFailures failures) {
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failures.timeout("Execution failed due to a timeout error after " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.failed("interrupted while waiting for the function");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FunctionThrottledException throttled) {
                throw failures.throttled("Lambda invocation failed with status: 429. "
                        + throttled.reason() + ": " + throttled.getMessage());
            }
            throw failures.failed("Lambda invocation failed: " + e.getCause());
        }
    }
}
