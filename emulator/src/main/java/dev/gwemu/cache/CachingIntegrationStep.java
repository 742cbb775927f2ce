package dev.gwemu.cache;

import dev.gwemu.model.Method;
import dev.gwemu.model.MethodSetting;
import dev.gwemu.model.Stage;
import dev.gwemu.model.StageCache;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Step;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The integration with the stage's response cache around it (security-and-operations.md §2.5 step 9,
 * §6): a hit answers without calling the integration; a miss calls it and stores what it answered.
 * Stages without a cache cluster call the integration directly.
 */
public final class CachingIntegrationStep implements Step {
    /**
     * Whether a caller may invalidate with Cache-Control: max-age=0 when the method requires
     * authorisation for it: that is an IAM permission (execute-api:InvalidateCache), and gwemu does
     * not evaluate IAM yet, so no caller has it; set requireAuthorizationForCacheControl: false to allow it.
     */
    static final boolean CALLERS_MAY_INVALIDATE = false;

    private final Step integration;
    private final Map<String, StageResponseCache> caches = new HashMap<>();
    /** Keyed by identity: a Method's own hash walks its whole tree. */
    private final Map<Method, CacheKeyTemplate> keys = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /**
     * @param stages the API's stages; one cache per stage with a cache cluster
     * @param clock  the gateway's clock: entries expire by it
     */
    public CachingIntegrationStep(Step integration, Map<String, Stage> stages, java.time.Clock clock) {
        this.integration = integration;
        stages.values().forEach(stage -> {
            if (stage.cache() != null) {
                caches.put(stage.name(), new StageResponseCache(settings(stage), () -> {
                    java.time.Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                }));
            }
        });
    }

    /** The cache package's settings for a stage as api.yaml gives them. */
    static CacheSettings settings(Stage stage) {
        StageCache cache = stage.cache();
        MethodCacheSettings defaults = new MethodCacheSettings(cache.cachingEnabled(), cache.ttlSeconds(),
                cache.requireAuthorizationForCacheControl(),
                UnauthorizedCacheControlHeaderStrategy.parse(cache.unauthorizedCacheControlHeaderStrategy()));
        Map<String, MethodCacheOverride> overrides = new LinkedHashMap<>();
        for (Map.Entry<String, MethodSetting> e : stage.methodSettings().entrySet()) {
            MethodSetting setting = e.getValue();
            if (setting.cachingEnabled() != null || setting.cacheTtlSeconds() != null) {
                overrides.put(e.getKey(), new MethodCacheOverride(setting.cachingEnabled(), setting.cacheTtlSeconds()));
            }
        }
        return CacheSettings.enabled(cache.clusterSizeGb(), defaults, overrides);
    }

    @Override
    public void apply(Invocation inv) {
        StageResponseCache cache = caches.get(inv.stage().name());
        boolean canaryApart = inv.canaryRequest() && !inv.stage().canary().useStageCache();
        if (cache == null || canaryApart) { // canary requests do not share the stage cache unless told to (§1.4)
            integration.apply(inv);
            return;
        }
        Method method = inv.route().method();
        CacheKeyTemplate template = keys.computeIfAbsent(method, m -> CacheKeyTemplate.of(
                m.integration().cacheNamespace() != null ? m.integration().cacheNamespace() : inv.route().resource().id(),
                m.integration().cacheKeyParameters()));
        CacheDecision decision = cache.lookup(new CacheRequest(inv.route().resource().path(), method.httpMethod(),
                inv.request().method(), template, inv.route().pathParameters(), inv.query().all(), inv.request().headers(),
                CALLERS_MAY_INVALIDATE));
        if (decision instanceof CacheDecision.Hit hit) {
            inv.servedFromCache();
            inv.response(hit.toHttpResponse());
            return;
        }
        if (decision instanceof CacheDecision.Reject reject) {
            throw GatewayException.fixed(null, reject.status(), reject.errorType(), reject.body())
                    .because("Cache-Control: max-age=0 without authorisation to invalidate the cache");
        }
        integration.apply(inv);
        if (decision instanceof CacheDecision.Miss miss) {
            HttpResponse response = inv.response();
            cache.store(miss, CachedResponse.from(response));
            miss.addHeadersTo(response);
        }
    }
}
