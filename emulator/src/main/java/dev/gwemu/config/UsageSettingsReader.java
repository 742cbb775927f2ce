package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.model.ApiKeySpec;
import dev.gwemu.model.MethodSetting;
import dev.gwemu.model.StageCache;
import dev.gwemu.model.Throttle;
import dev.gwemu.model.UsagePlanSpec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads api.yaml's operational settings (security-and-operations.md §1.5, §2, §6): throttles,
 * method settings, stage caches, API keys and usage plans. Names follow CloudFormation's.
 */
final class UsageSettingsReader {
    /** {@code /pets/GET}, {@code //GET} for the root, {@code * / *} for every method (§1.5). */
    private static final Pattern METHOD_KEY = Pattern.compile("(/[^\\s]*|\\*)/(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY|\\*)");
    private static final List<Double> CACHE_SIZES = List.of(0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118.0, 237.0);
    private static final Set<String> STRATEGIES = Set.of("FAIL_WITH_403", "SUCCEED_WITH_RESPONSE_HEADER",
            "SUCCEED_WITHOUT_RESPONSE_HEADER");
    private static final Set<String> PERIODS = Set.of("DAY", "WEEK", "MONTH");

    private final SourceLines lines;
    private final List<Problem> problems;

    UsageSettingsReader(SourceLines lines, List<Problem> problems) {
        this.lines = lines;
        this.problems = problems;
    }

    /** {@code {rateLimit: 100, burstLimit: 50}}; null after reporting a bad one. */
    Throttle throttle(JsonNode node, String at) {
        if (!node.isObject()) {
            error(at, "a throttle is {rateLimit: <requests per second>, burstLimit: <bucket size>}");
            return null;
        }
        allowOnly(node, at, Set.of("rateLimit", "burstLimit"));
        JsonNode rate = node.path("rateLimit");
        JsonNode burst = node.path("burstLimit");
        if (!rate.isNumber() || rate.asDouble() < 0) {
            error(at + "/rateLimit", "rateLimit must be a number of requests per second, 0 or more");
            return null;
        }
        if (!burst.isIntegralNumber() || burst.asInt() < 0) {
            error(at + "/burstLimit", "burstLimit must be a whole number, 0 or more");
            return null;
        }
        return new Throttle(rate.asDouble(), burst.asInt());
    }

    Map<String, MethodSetting> methodSettings(JsonNode node, String at) {
        Map<String, MethodSetting> settings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String here = at + "/" + ProjectFileReader.escape(entry.getKey());
            if (!METHOD_KEY.matcher(entry.getKey()).matches()) {
                error(here, "a method setting is keyed {resourcePath}/{METHOD}, e.g. /pets/GET or //GET for the root");
                continue;
            }
            JsonNode value = entry.getValue();
            allowOnly(value, here, Set.of("throttle", "caching"));
            Throttle throttle = value.has("throttle") ? throttle(value.get("throttle"), here + "/throttle") : null;
            Boolean caching = null;
            Integer ttl = null;
            if (value.has("caching")) {
                JsonNode c = value.get("caching");
                allowOnly(c, here + "/caching", Set.of("enabled", "ttlSeconds"));
                caching = c.has("enabled") ? c.get("enabled").asBoolean() : null;
                ttl = c.has("ttlSeconds") ? ttl(c.get("ttlSeconds"), here + "/caching/ttlSeconds") : null;
            }
            settings.put(entry.getKey(), new MethodSetting(throttle, caching, ttl));
        }
        return settings;
    }

    StageCache cache(JsonNode node, String at) {
        allowOnly(node, at, Set.of("enabled", "clusterSize", "ttlSeconds", "requireAuthorizationForCacheControl",
                "unauthorizedCacheControlHeaderStrategy"));
        double size = node.path("clusterSize").asDouble(0.5);
        if (!CACHE_SIZES.contains(size)) {
            error(at + "/clusterSize", "cache cluster sizes are " + CACHE_SIZES + " (GB), got " + node.path("clusterSize").asText());
        }
        String strategy = node.path("unauthorizedCacheControlHeaderStrategy").asText("SUCCEED_WITH_RESPONSE_HEADER");
        if (!STRATEGIES.contains(strategy)) {
            error(at + "/unauthorizedCacheControlHeaderStrategy", "one of " + STRATEGIES + ", got '" + strategy + "'");
        }
        int ttl = node.has("ttlSeconds") ? ttl(node.get("ttlSeconds"), at + "/ttlSeconds") : StageCache.DEFAULT_TTL_SECONDS;
        return new StageCache(size, node.path("enabled").asBoolean(true), ttl,
                node.path("requireAuthorizationForCacheControl").asBoolean(true), strategy);
    }

    private int ttl(JsonNode value, String at) {
        if (!value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > 3600) {
            error(at, "a cache TTL is 0 to 3600 seconds, got '" + value.asText() + "'");
            return StageCache.DEFAULT_TTL_SECONDS;
        }
        return value.asInt();
    }

    List<ApiKeySpec> apiKeys(JsonNode node) {
        List<ApiKeySpec> keys = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return keys;
        }
        if (!node.isArray()) {
            error("/apiKeys", "apiKeys is a list of {name, value, enabled}");
            return keys;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = "/apiKeys/" + i;
            JsonNode key = node.get(i);
            allowOnly(key, at, Set.of("name", "value", "enabled"));
            String name = key.path("name").asText(null);
            if (name == null || name.isBlank()) {
                error(at + "/name", "an API key needs a name (usage plans refer to it)");
                continue;
            }
            String value = key.hasNonNull("value") ? key.get("value").asText() : null;
            if (value != null && (value.length() < 20 || value.length() > 128)) {
                error(at + "/value", "an API key value is 20 to 128 characters (AWS's rule), got " + value.length());
            }
            keys.add(new ApiKeySpec(null, name, value, key.path("enabled").asBoolean(false)));
        }
        return keys;
    }

    List<UsagePlanSpec> usagePlans(JsonNode node) {
        List<UsagePlanSpec> plans = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return plans;
        }
        if (!node.isArray()) {
            error("/usagePlans", "usagePlans is a list of plans");
            return plans;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = "/usagePlans/" + i;
            JsonNode plan = node.get(i);
            allowOnly(plan, at, Set.of("name", "apiStages", "throttle", "quota", "keys"));
            String name = plan.path("name").asText(null);
            if (name == null || name.isBlank()) {
                error(at + "/name", "a usage plan needs a name");
                continue;
            }
            List<UsagePlanSpec.ApiStage> stages = new ArrayList<>();
            JsonNode apiStages = plan.path("apiStages");
            for (int j = 0; j < apiStages.size(); j++) {
                String here = at + "/apiStages/" + j;
                JsonNode stage = apiStages.get(j);
                allowOnly(stage, here, Set.of("api", "stage", "throttle"));
                Map<String, Throttle> throttles = new LinkedHashMap<>();
                stage.path("throttle").fields().forEachRemaining(e -> {
                    String key = here + "/throttle/" + ProjectFileReader.escape(e.getKey());
                    if (!METHOD_KEY.matcher(e.getKey()).matches()) {
                        error(key, "a method throttle is keyed {resourcePath}/{METHOD}, e.g. /pets/GET");
                        return;
                    }
                    Throttle t = throttle(e.getValue(), key);
                    if (t != null) {
                        throttles.put(e.getKey(), t);
                    }
                });
                stages.add(new UsagePlanSpec.ApiStage(stage.path("api").asText(null), stage.path("stage").asText(null), throttles));
            }
            UsagePlanSpec.Quota quota = null;
            if (plan.has("quota")) {
                JsonNode q = plan.get("quota");
                allowOnly(q, at + "/quota", Set.of("limit", "period", "offset"));
                String period = q.path("period").asText("");
                if (!PERIODS.contains(period)) {
                    error(at + "/quota/period", "a quota period is DAY, WEEK or MONTH, got '" + period + "'");
                }
                if (!q.path("limit").isIntegralNumber() || q.path("limit").asInt() < 0) {
                    error(at + "/quota/limit", "a quota limit is a whole number of requests, 0 or more");
                }
                quota = new UsagePlanSpec.Quota(q.path("limit").asInt(), period, q.path("offset").asInt(0));
            }
            List<String> keys = new ArrayList<>();
            plan.path("keys").forEach(k -> keys.add(k.asText()));
            plans.add(new UsagePlanSpec(name, stages,
                    plan.has("throttle") ? throttle(plan.get("throttle"), at + "/throttle") : null, quota, keys));
        }
        return plans;
    }

    private void allowOnly(JsonNode node, String at, Set<String> known) {
        KnownKeys.check(node, at, known, this::error);
    }

    private void error(String pointer, String message) {
        problems.add(lines.problem(pointer, message));
    }
}
