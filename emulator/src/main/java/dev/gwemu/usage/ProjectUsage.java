package dev.gwemu.usage;

import dev.gwemu.model.Api;
import dev.gwemu.model.ApiKeySpec;
import dev.gwemu.model.Project;
import dev.gwemu.model.Throttle;
import dev.gwemu.model.UsagePlanSpec;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The usage plans, keys and throttles of a loaded project as one {@link UsageCheck} the whole
 * gateway shares (the account bucket is shared by every API, §2.4). Plans are known by their name.
 */
public final class ProjectUsage {
    private ProjectUsage() {
    }

    public static UsageCheck of(Project project, Clock clock) {
        ApiKeys.Builder builder = ApiKeys.builder();
        Map<String, String> keyIds = new HashMap<>();
        for (ApiKeySpec key : project.apiKeys()) {
            keyIds.put(key.name(), builder.add(key.id(), key.name(), key.value(), key.enabled()).id());
        }
        ApiKeys keys = builder.build();
        Map<String, String> apiIds = new HashMap<>();
        for (Api api : project.apis()) {
            apiIds.put(api.name(), api.id());
        }
        List<UsagePlan> plans = new ArrayList<>();
        for (UsagePlanSpec spec : project.usagePlans()) {
            List<UsagePlan.ApiStage> stages = new ArrayList<>();
            for (UsagePlanSpec.ApiStage stage : spec.apiStages()) {
                Map<String, ThrottleLimit> methods = new LinkedHashMap<>();
                stage.methodThrottles().forEach((key, throttle) -> methods.put(key, limit(throttle)));
                stages.add(new UsagePlan.ApiStage(apiIds.get(stage.api()), stage.stage(), methods));
            }
            UsagePlan.Quota quota = spec.quota() == null ? null : new UsagePlan.Quota(spec.quota().limit(),
                    QuotaPeriod.valueOf(spec.quota().period()), spec.quota().offset());
            plans.add(new UsagePlan(spec.name(), spec.name(), stages, spec.throttle() == null ? null : limit(spec.throttle()),
                    quota, spec.keys().stream().map(keyIds::get).toList()));
        }
        // Buckets read the same injected clock as quotas, so a test that moves the clock moves both.
        return UsageCheck.create(new UsagePlans(keys, plans), limit(project.accountThrottle()), clock, () -> nanos(clock));
    }

    static long nanos(Clock clock) {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static ThrottleLimit limit(Throttle throttle) {
        return new ThrottleLimit(throttle.rateLimit(), throttle.burstLimit());
    }
}
