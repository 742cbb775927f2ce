package dev.gwemu.cache;

import static dev.gwemu.cache.UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403;
import static dev.gwemu.cache.UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** §1.5 method settings and §6 cache settings: defaults, validation, which methods are cached. */
class CacheSettingsTest {
    private static final MethodCacheSettings ON = new MethodCacheSettings(true, 300, true, SUCCEED_WITH_RESPONSE_HEADER);

    private static CacheSettings stage(Map<String, MethodCacheOverride> overrides) {
        return CacheSettings.enabled(0.5, ON, overrides);
    }

    @Test
    void awsDefaultsAreWhatAwsMaterialises() {
        // §1.5 [snap]: cachingEnabled false, cacheTtlInSeconds 300, requireAuthorizationForCacheControl true,
        // unauthorizedCacheControlHeaderStrategy SUCCEED_WITH_RESPONSE_HEADER; §6 [doc]: cluster size 0.5
        assertEquals(new MethodCacheSettings(false, 300, true, SUCCEED_WITH_RESPONSE_HEADER),
                MethodCacheSettings.AWS_DEFAULTS);
        assertEquals(0.5, CacheSettings.DISABLED.clusterSizeGb());
        assertFalse(CacheSettings.DISABLED.clusterEnabled());
        assertFalse(CacheSettings.DISABLED.forMethod("/pets", "GET").caches());
    }

    @Test
    void capacityIsTheClusterSizeInGigabytes() {
        assertEquals(536_870_912L, stage(Map.of()).capacityBytes());
        assertEquals(237L << 30, CacheSettings.enabled(237, ON, Map.of()).capacityBytes());
    }

    @Test
    void onlyAwsClusterSizesAreAccepted() {
        // §6 [doc]: 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237
        for (double size : new double[] {0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237}) {
            assertEquals(size, CacheSettings.enabled(size, ON, Map.of()).clusterSizeGb());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CacheSettings.enabled(2, ON, Map.of()));
        assertEquals("cacheClusterSize must be one of 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118 or 237 (GB), got 2.0",
                e.getMessage());
    }

    @Test
    void ttlMustBeBetweenZeroAndAnHour() {
        // §6 [doc]: 0..3600
        assertEquals(3600, new MethodCacheSettings(true, 3600, true, FAIL_WITH_403).ttlSeconds());
        assertEquals(0, new MethodCacheOverride(null, 0).ttlSeconds());
        assertEquals("cacheTtlInSeconds must be between 0 and 3600, got 3601", assertThrows(
                IllegalArgumentException.class, () -> new MethodCacheSettings(true, 3601, true, FAIL_WITH_403))
                .getMessage());
        assertEquals("cacheTtlInSeconds must be between 0 and 3600, got -1", assertThrows(
                IllegalArgumentException.class, () -> new MethodCacheOverride(true, -1)).getMessage());
    }

    @Test
    void strategyParsesAwsSpellingOnly() {
        assertEquals(FAIL_WITH_403, UnauthorizedCacheControlHeaderStrategy.parse("FAIL_WITH_403"));
        assertEquals("unauthorizedCacheControlHeaderStrategy must be one of [FAIL_WITH_403, "
                        + "SUCCEED_WITH_RESPONSE_HEADER, SUCCEED_WITHOUT_RESPONSE_HEADER], got 'fail_with_403'",
                assertThrows(IllegalArgumentException.class,
                        () -> UnauthorizedCacheControlHeaderStrategy.parse("fail_with_403")).getMessage());
    }

    @Test
    void stageDefaultCachesGetMethodsOnly() {
        // §6 [doc]: enabling the stage cache caches only GET methods
        CacheSettings s = stage(Map.of());
        assertTrue(s.forMethod("/pets", "GET").caches());
        assertFalse(s.forMethod("/pets", "POST").caches());
        assertFalse(s.forMethod("/pets", "DELETE").caches());
        // [unc] an ANY method is not a GET method
        assertFalse(s.forMethod("/pets", "ANY").caches());
    }

    @Test
    void perMethodSettingOverridesTheStageDefault() {
        // §1.5 [snap] the per-method key overrides */*; §6 [doc] other verbs need an explicit override
        CacheSettings s = stage(Map.of(
                "/pets/POST", new MethodCacheOverride(true, null),
                "/pets/GET", new MethodCacheOverride(false, null),
                "/pets/{id}/GET", new MethodCacheOverride(null, 60)));
        assertTrue(s.forMethod("/pets", "POST").caches());
        assertEquals(300, s.forMethod("/pets", "POST").ttlSeconds());
        assertFalse(s.forMethod("/pets", "GET").caches());
        assertEquals(new MethodCacheSettings(true, 60, true, SUCCEED_WITH_RESPONSE_HEADER),
                s.forMethod("/pets/{id}", "GET"));
        assertEquals(ON, s.forMethod("/owners", "GET"));
    }

    @Test
    void unsetOverrideFieldsComeFromTheStageDefault() {
        // §1.5 [snap]: a per-method key is initialised from the current */* values, so a POST setting that only
        // names a TTL caches POST when */* caching is on
        CacheSettings s = stage(Map.of("/pets/POST", new MethodCacheOverride(null, 30, false, FAIL_WITH_403)));
        assertEquals(new MethodCacheSettings(true, 30, false, FAIL_WITH_403), s.forMethod("/pets", "POST"));
    }

    @Test
    void ttlZeroDisablesCaching() {
        // §6 [doc]: "0 disables"
        CacheSettings s = CacheSettings.enabled(0.5, new MethodCacheSettings(true, 0, true, FAIL_WITH_403),
                Map.of("/pets/{id}/GET", new MethodCacheOverride(null, 10)));
        assertFalse(s.forMethod("/pets", "GET").caches());
        assertTrue(s.forMethod("/pets/{id}", "GET").caches());
    }

    @Test
    void methodSettingKeysAreNormalised() {
        // §1.5 [snap]: keys are {resourcePath}/{httpMethod}; the patch form escapes slashes as ~1
        CacheSettings s = stage(Map.of(
                "/~1pets~1{id}/get", new MethodCacheOverride(null, 5),
                "//GET", new MethodCacheOverride(null, 6)));
        assertEquals(5, s.forMethod("/pets/{id}", "GET").ttlSeconds());
        assertEquals(6, s.forMethod("/", "GET").ttlSeconds());
        assertTrue(s.methodOverrides().containsKey("/pets/{id}/GET"));
    }

    @Test
    void malformedMethodSettingKeysAreRefused() {
        for (String key : new String[] {"*/*", "pets/GET", "/pets/FETCH", "/pets", "/pets/*"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> stage(Map.of(key, new MethodCacheOverride(true, null))), key);
            assertEquals("method setting key must be {resourcePath}/{httpMethod} (e.g. /pets/GET, //GET for the root; "
                    + "the */* setting goes in stageDefaults), got '" + key + "'", e.getMessage());
        }
        Map<String, MethodCacheOverride> twice = new LinkedHashMap<>();
        twice.put("/pets/GET", new MethodCacheOverride(true, null));
        twice.put("/~1pets/GET", new MethodCacheOverride(false, null));
        assertEquals("method setting /pets/GET is given twice",
                assertThrows(IllegalArgumentException.class, () -> stage(twice)).getMessage());
    }
}
