package dev.gwemu.config;

import dev.gwemu.model.Api;
import dev.gwemu.model.ApiKeySpec;
import dev.gwemu.model.UsagePlanSpec;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What AWS's control plane would refuse about API keys and usage plans (security-and-operations.md §2.1). */
final class UsagePlanChecks {
    private static final String KEY_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** CreateApiKey generates 40 characters (§2.1 [snap]). */
    static final int GENERATED_KEY_LENGTH = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private UsagePlanChecks() {
    }

    /** The keys with a value each (generated when absent, printed so a developer can use it); names and values unique. */
    static List<ApiKeySpec> withValues(List<ApiKeySpec> keys, List<Problem> problems, List<Problem> warnings, SourceLines lines) {
        List<ApiKeySpec> valued = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> values = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            ApiKeySpec key = keys.get(i);
            String at = "/apiKeys/" + i;
            if (!names.add(key.name())) {
                problems.add(lines.problem(at + "/name", "two API keys are named '" + key.name() + "'"));
            }
            String value = key.value() != null && !key.value().isEmpty() ? key.value() : generate();
            if (!values.add(value)) {
                problems.add(lines.problem(at + "/value", "API key values must be unique (AWS's rule)"));
            }
            if (!key.enabled()) {
                warnings.add(lines.problem(at, "API key '" + key.name() + "' is disabled (AWS's default): every request "
                        + "with it gets 403; add 'enabled: true'"));
            }
            valued.add(new ApiKeySpec(StableIds.of("api key " + key.name(), 10), key.name(), value, key.enabled()));
        }
        return valued;
    }

    static void check(List<UsagePlanSpec> plans, List<ApiKeySpec> keys, List<Api> apis, SourceLines lines, List<Problem> problems) {
        Set<String> keyNames = new HashSet<>();
        keys.forEach(k -> keyNames.add(k.name()));
        Map<String, Api> apisByName = new HashMap<>();
        apis.forEach(a -> apisByName.put(a.name(), a));
        Set<String> planNames = new HashSet<>();
        Map<String, String> planOfKeyAndStage = new HashMap<>();
        for (int i = 0; i < plans.size(); i++) {
            UsagePlanSpec plan = plans.get(i);
            String at = "/usagePlans/" + i;
            if (!planNames.add(plan.name())) {
                problems.add(lines.problem(at + "/name", "two usage plans are named '" + plan.name() + "'"));
            }
            for (int j = 0; j < plan.apiStages().size(); j++) {
                UsagePlanSpec.ApiStage stage = plan.apiStages().get(j);
                String here = at + "/apiStages/" + j;
                Api api = apisByName.get(stage.api());
                if (api == null) {
                    problems.add(lines.problem(here + "/api", "usage plan '" + plan.name() + "': no API is named '" + stage.api() + "'"));
                    continue;
                }
                if (api.type() == dev.gwemu.model.ApiType.HTTP) {
                    problems.add(lines.problem(here + "/api", "usage plan '" + plan.name() + "': '" + stage.api()
                            + "' is an HTTP API; usage plans and API keys are REST API features (throttle HTTP APIs with "
                            + "the stage's throttle and routeSettings)"));
                    continue;
                }
                if (!api.stages().containsKey(stage.stage())) {
                    problems.add(lines.problem(here + "/stage", "usage plan '" + plan.name() + "': API '" + stage.api()
                            + "' has no stage '" + stage.stage() + "'"));
                    continue;
                }
                for (String key : plan.keys()) {
                    String other = planOfKeyAndStage.put(key + " " + stage.api() + " " + stage.stage(), plan.name());
                    if (other != null && !other.equals(plan.name())) {
                        problems.add(lines.problem(at + "/keys", "API key '" + key + "' is in plans '" + other + "' and '"
                                + plan.name() + "' for the same stage " + stage.api() + "/" + stage.stage()
                                + "; AWS allows one plan per API stage for a key"));
                    }
                }
            }
            for (String key : plan.keys()) {
                if (!keyNames.contains(key)) {
                    problems.add(lines.problem(at + "/keys", "usage plan '" + plan.name() + "': no API key is named '" + key + "'"));
                }
            }
        }
    }

    private static String generate() {
        StringBuilder value = new StringBuilder(GENERATED_KEY_LENGTH);
        for (int i = 0; i < GENERATED_KEY_LENGTH; i++) {
            value.append(KEY_CHARACTERS.charAt(RANDOM.nextInt(KEY_CHARACTERS.length())));
        }
        return value.toString();
    }
}
