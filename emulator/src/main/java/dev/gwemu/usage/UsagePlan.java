package dev.gwemu.usage;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A usage plan with its keys (security-and-operations.md §2.1): the API stages it opens to its keys, a per-key
 * throttle and quota (each aggregated over all the plan's stages, §2.6 [doc]) and per-method throttles per stage.
 *
 * @param id        the plan's id ({@code usagePlanId} of usage reports)
 * @param name      the plan's name, or null
 * @param apiStages the API stages it covers, each at most once
 * @param throttle  the per-key throttle, or null for none
 * @param quota     the per-key quota, or null for none
 * @param keyIds    ids of the API keys in the plan, each at most once
 */
public record UsagePlan(String id, String name, List<ApiStage> apiStages, ThrottleLimit throttle, Quota quota,
                        List<String> keyIds) {
    public UsagePlan {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("usage plan id must not be empty");
        }
        apiStages = List.copyOf(apiStages);
        keyIds = List.copyOf(keyIds);
        Set<String> stages = new HashSet<>();
        for (ApiStage s : apiStages) {
            if (!stages.add(s.apiId() + ':' + s.stage())) {
                throw new IllegalArgumentException("usage plan " + label(id, name) + " lists API stage "
                        + s.apiId() + ':' + s.stage() + " twice");
            }
        }
        Set<String> keys = new HashSet<>();
        for (String k : keyIds) {
            if (!keys.add(k)) {
                throw new IllegalArgumentException("usage plan " + label(id, name) + " lists API key '" + k
                        + "' twice");
            }
        }
    }

    /** The plan's stage for this API and stage name, or null. */
    public ApiStage apiStage(String apiId, String stage) {
        for (ApiStage s : apiStages) {
            if (s.apiId().equals(apiId) && s.stage().equals(stage)) {
                return s;
            }
        }
        return null;
    }

    String label() {
        return label(id, name);
    }

    private static String label(String id, String name) {
        return name == null ? "'" + id + "'" : "'" + name + "' (" + id + ")";
    }

    /**
     * One API stage of a plan with its per-method throttles, keyed {@code {resourcePath}/{METHOD}}: {@code /pets/GET},
     * and {@code //GET} for the root (§2.1 [doc]).
     */
    public record ApiStage(String apiId, String stage, Map<String, ThrottleLimit> methodThrottles) {
        /** {@code {resourcePath}/{METHOD}}: a path starting with '/', then '/' and a method name or '*'. */
        private static final Pattern METHOD_KEY = Pattern.compile("/.*/([A-Z]+|\\*)");

        public ApiStage {
            Objects.requireNonNull(apiId, "apiId");
            Objects.requireNonNull(stage, "stage");
            methodThrottles = Collections.unmodifiableMap(new LinkedHashMap<>(methodThrottles));
            for (Map.Entry<String, ThrottleLimit> e : methodThrottles.entrySet()) {
                if (e.getKey() == null || !METHOD_KEY.matcher(e.getKey()).matches()) {
                    throw new IllegalArgumentException("invalid method throttle key '" + e.getKey() + "' for API stage "
                            + apiId + ':' + stage + ": must be {resourcePath}/{METHOD}, like /pets/GET or //GET");
                }
                Objects.requireNonNull(e.getValue(), e.getKey());
            }
        }

        /** An API stage without per-method throttles. */
        public ApiStage(String apiId, String stage) {
            this(apiId, stage, Map.of());
        }
    }

    /**
     * Requests per key per calendar period (§2.1, §2.6 [doc]); {@code offset} requests are taken off the limit in
     * the initial period only (for plans that start mid-period).
     */
    public record Quota(int limit, QuotaPeriod period, int offset) {
        public Quota {
            if (limit < 0) {
                throw new IllegalArgumentException("quota limit must be 0 or more, not " + limit);
            }
            if (offset < 0) {
                throw new IllegalArgumentException("quota offset must be 0 or more, not " + offset);
            }
            Objects.requireNonNull(period, "period");
        }

        /** A quota without offset. */
        public Quota(int limit, QuotaPeriod period) {
            this(limit, period, 0);
        }

        /**
         * The limit of the initial period. [unc] §2.1 does not say whether AWS accepts an offset above the limit;
         * such an initial period allows nothing rather than failing the load.
         */
        public long initialLimit() {
            return Math.max(0, (long) limit - offset);
        }
    }
}
