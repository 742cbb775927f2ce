package dev.gwemu.httpapi;

import dev.gwemu.model.MethodSetting;
import dev.gwemu.model.Stage;
import dev.gwemu.model.Throttle;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Step;
import dev.gwemu.usage.ThrottleLimit;
import dev.gwemu.usage.Throttles;
import dev.gwemu.usage.TokenBucket;
import dev.gwemu.usage.UsageOutcome;

/**
 * Route and stage throttling of HTTP APIs (security-and-operations.md §2.6): the route's bucket
 * ({@code routeSettings}), the stage's default bucket ({@code throttle}) and the account's, all from the gateway's
 * {@link Throttles}; a token from each or 429 {"message":"Too Many Requests"}. HTTP APIs have no usage plans.
 */
public final class HttpThrottleStep implements Step {
    private final Throttles throttles;

    public HttpThrottleStep(Throttles throttles) {
        this.throttles = throttles;
    }

    @Override
    public void apply(Invocation inv) {
        Stage stage = inv.stage();
        String apiId = inv.api().id();
        String routeKey = inv.httpRoute().routeKey();
        MethodSetting setting = stage.methodSettings().get(routeKey);
        TokenBucket route = setting == null || setting.throttle() == null ? null
                : throttles.stageMethod(apiId, stage.name(), routeKey, limit(setting.throttle()));
        TokenBucket stageBucket = stage.throttle() == null ? null : throttles.stage(apiId, stage.name(), limit(stage.throttle()));
        if (throttles.acquire(null, null, route, stageBucket) == UsageOutcome.THROTTLED) {
            throw HttpApiErrors.tooManyRequests("throttled: " + (route != null ? "route " + routeKey + ", " : "")
                    + "stage " + stage.name() + " or account limit reached");
        }
    }

    private static ThrottleLimit limit(Throttle throttle) {
        return new ThrottleLimit(throttle.rateLimit(), throttle.burstLimit());
    }
}
