package dev.gwemu.usage;

import dev.gwemu.model.Api;
import dev.gwemu.model.Method;
import dev.gwemu.model.MethodSetting;
import dev.gwemu.model.Resource;
import dev.gwemu.model.Stage;
import dev.gwemu.model.Throttle;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Step;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API key, throttling and quota (security-and-operations.md §2.2, §2.5 steps 5-7): one decision per
 * request from the gateway's shared {@link UsageCheck}, each method's buckets resolved once.
 */
public final class UsagePlanStep implements Step {
    /** The header API Gateway reads keys from when the API's key source is HEADER (§2.2); names are case-insensitive. */
    static final String API_KEY_HEADER = "X-API-Key";

    private final Api api;
    /** Each method's buckets per stage, resolved at load; keyed by identity (a Method's own hash walks its whole tree). */
    private final Map<Method, Map<String, MethodUsage>> methods = new IdentityHashMap<>();

    public UsagePlanStep(Api api, UsageCheck check) {
        this.api = api;
        for (Resource resource : api.resources()) {
            for (Method method : resource.methods().values()) {
                Map<String, MethodUsage> byStage = new HashMap<>();
                for (Stage stage : api.stages().values()) {
                    byStage.put(stage.name(), check.method(api.id(), stage.name(), methodKey(resource.path(), method),
                            method.apiKeyRequired(), throttling(stage)));
                }
                methods.put(method, byStage);
            }
        }
    }

    @Override
    public void apply(Invocation inv) {
        MethodUsage usage = methods.get(inv.route().method()).get(inv.stage().name());
        // AUTHORIZER: the key is the Lambda authorizer's usageIdentifierKey, and X-API-Key is not read (§2.2).
        String key = "HEADER".equals(api.apiKeySource()) ? inv.request().headers().last(API_KEY_HEADER)
                : inv.usageIdentifierKey();
        UsageDecision decision = usage.check(key);
        if (decision.apiKey() != null && decision.isOk()) {
            inv.apiKey(decision.apiKeyId(), decision.apiKeyValue());
        }
        if (!decision.isOk()) {
            UsageOutcome outcome = decision.outcome();
            throw GatewayException.of(GatewayResponseType.valueOf(outcome.responseType()), outcome.message())
                    .because(decision.reason().text());
        }
    }

    /** {@code /pets/GET}; the root is {@code //GET} (§2.1). */
    static String methodKey(String resourcePath, Method method) {
        return resourcePath + "/" + method.httpMethod();
    }

    static StageThrottling throttling(Stage stage) {
        Map<String, ThrottleLimit> methods = new LinkedHashMap<>();
        for (Map.Entry<String, MethodSetting> e : stage.methodSettings().entrySet()) {
            if (e.getValue().throttle() != null) {
                methods.put(e.getKey(), limit(e.getValue().throttle()));
            }
        }
        return new StageThrottling(stage.throttle() == null ? null : limit(stage.throttle()), methods);
    }

    static ThrottleLimit limit(Throttle throttle) {
        return new ThrottleLimit(throttle.rateLimit(), throttle.burstLimit());
    }
}
