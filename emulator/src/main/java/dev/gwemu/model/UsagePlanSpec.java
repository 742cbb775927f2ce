package dev.gwemu.model;

import java.util.List;
import java.util.Map;

/**
 * A usage plan of api.yaml's {@code usagePlans} (AWS::ApiGateway::UsagePlan with its keys).
 *
 * @param name      the plan's name
 * @param apiStages the API stages it covers, each with per-method throttles keyed like {@code /pets/GET}
 * @param throttle  the per-key throttle, or null
 * @param quota     the per-key quota, or null
 * @param keys      names of the API keys in the plan
 */
public record UsagePlanSpec(String name, List<ApiStage> apiStages, Throttle throttle, Quota quota, List<String> keys) {
    public UsagePlanSpec {
        apiStages = List.copyOf(apiStages);
        keys = List.copyOf(keys);
    }

    /** One API stage of a plan: the API's name in api.yaml and the stage. */
    public record ApiStage(String api, String stage, Map<String, Throttle> methodThrottles) {
        public ApiStage {
            methodThrottles = Map.copyOf(methodThrottles);
        }
    }

    /** Requests per key per period (DAY, WEEK, MONTH in UTC); offset is taken off the first period only. */
    public record Quota(int limit, String period, int offset) {
    }
}
