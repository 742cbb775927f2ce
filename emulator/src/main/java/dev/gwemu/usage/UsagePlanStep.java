package dev.gwemu.usage;

import dev.gwemu.model.Api;
import dev.gwemu.model.Method;
import dev.gwemu.model.MethodSetting;
import dev.gwemu.model.Stage;
import dev.gwemu.model.Throttle;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Step;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API key, throttling and quota (security-and-operations.md §2.2, §2.5 steps 5-7): one decision per
 * request from the gateway's shared {@link UsageCheck}, each method's buckets resolved once.
 */
public final class UsagePlanStep implements Step {
    /** The header API Gateway reads keys from when the API's key source is HEADER (§2.2); names are case-insensitive. */
    static final String API_KEY_HEADER = "X-API-Key";

    private final Api api;
    private final UsageCheck check;
    private final Map<MethodInStage, MethodUsage> methods = new ConcurrentHashMap<>();

    private record MethodInStage(Method method, String resourcePath, String stage) {
    }

    public UsagePlanStep(Api api, UsageCheck check) {
        this.api = api;
        this.check = check;
    }

    @Override
    public void apply(Invocation inv) {
        Method method = inv.route().method();
        String resourcePath = inv.route().resource().path();
        MethodUsage usage = methods.computeIfAbsent(new MethodInStage(method, resourcePath, inv.stage().name()),
                m -> check.method(api.id(), m.stage(), methodKey(resourcePath, method), method.apiKeyRequired(),
                        throttling(inv.stage())));
        // AUTHORIZER: the authorizer's usageIdentifierKey; no authorizer runs yet, so no key arrives that way.
        String key = "HEADER".equals(api.apiKeySource()) ? inv.request().headers().last(API_KEY_HEADER) : null;
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
