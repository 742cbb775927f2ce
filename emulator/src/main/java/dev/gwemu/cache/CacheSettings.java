package dev.gwemu.cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A stage's response-cache configuration (security-and-operations.md §6, §1.5): the cache cluster, the
 * {@code *}{@code /*} method setting and the per-method settings. Immutable; invalid values are
 * {@link IllegalArgumentException}s whose message says what is wrong (load errors).
 *
 * @param clusterEnabled  {@code cacheClusterEnabled}
 * @param clusterSizeGb   {@code cacheClusterSize}, in GB as AWS sizes it: one of {@link #CLUSTER_SIZES_GB}
 * @param stageDefaults   the {@code *}{@code /*} method setting
 * @param methodOverrides per method, keyed {@code {resourcePath}/{HTTP method}}: {@code /pets/{id}/GET},
 *                        {@code //GET} for the root; the escaped patch form {@code /~1pets~1{id}/GET} is accepted
 */
public record CacheSettings(boolean clusterEnabled, double clusterSizeGb, MethodCacheSettings stageDefaults,
                            Map<String, MethodCacheOverride> methodOverrides) {
    /** §6 [doc]: the cluster size when none is given. */
    public static final double DEFAULT_CLUSTER_SIZE_GB = 0.5;
    /** §6 [doc] (botocore CacheClusterSize): the sizes AWS offers, in GB. */
    public static final List<Double> CLUSTER_SIZES_GB = List.of(0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118.0, 237.0);
    /** [unc] AWS does not say whether its GB is 10^9 or 2^30 bytes; binary, as memory is sized. */
    static final long BYTES_PER_GB = 1L << 30;
    /**
     * §6 [doc]: the {@code *}{@code /*} setting caches only GET methods; other verbs (ANY included [unc]: it is not
     * a GET method) need their own per-method setting.
     */
    static final String VERB_CACHED_BY_STAGE_DEFAULT = "GET";
    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");

    /** A stage without a cache cluster. */
    public static final CacheSettings DISABLED =
            new CacheSettings(false, DEFAULT_CLUSTER_SIZE_GB, MethodCacheSettings.AWS_DEFAULTS, Map.of());

    public CacheSettings {
        if (!CLUSTER_SIZES_GB.contains(clusterSizeGb)) {
            throw new IllegalArgumentException("cacheClusterSize must be one of 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118 "
                    + "or 237 (GB), got " + clusterSizeGb);
        }
        Objects.requireNonNull(stageDefaults, "stageDefaults");
        Map<String, MethodCacheOverride> normalised = new LinkedHashMap<>();
        methodOverrides.forEach((key, override) -> {
            String k = normaliseKey(key);
            if (normalised.put(k, Objects.requireNonNull(override, key)) != null) {
                throw new IllegalArgumentException("method setting " + k + " is given twice");
            }
        });
        methodOverrides = Collections.unmodifiableMap(normalised);
    }

    /** A stage with a cache cluster of that size, {@code *}{@code /*} settings and per-method settings. */
    public static CacheSettings enabled(double clusterSizeGb, MethodCacheSettings stageDefaults,
                                        Map<String, MethodCacheOverride> methodOverrides) {
        return new CacheSettings(true, clusterSizeGb, stageDefaults, methodOverrides);
    }

    /**
     * The effective setting of one method (§1.5 [snap], §6 [doc]): its own entry when it has one, else
     * {@code *}{@code /*}, which caches GET methods only.
     *
     * @param resourcePath the resource's path template, {@code /pets/{id}}
     * @param methodVerb   the method as defined (GET, POST, ..., ANY), not the request's verb
     */
    public MethodCacheSettings forMethod(String resourcePath, String methodVerb) {
        String verb = methodVerb.toUpperCase(Locale.ROOT);
        MethodCacheOverride own = methodOverrides.get(resourcePath + "/" + verb);
        if (own != null) {
            return own.over(stageDefaults);
        }
        return verb.equals(VERB_CACHED_BY_STAGE_DEFAULT) ? stageDefaults : stageDefaults.withCachingEnabled(false);
    }

    /** The cluster's capacity in bytes. */
    public long capacityBytes() {
        return Math.round(clusterSizeGb * BYTES_PER_GB);
    }

    private static String normaliseKey(String key) {
        int slash = key == null ? -1 : key.lastIndexOf('/');
        String path = slash < 0 ? "" : key.substring(0, slash);
        String verb = slash < 0 ? "" : key.substring(slash + 1).toUpperCase(Locale.ROOT);
        if (path.startsWith("/~1")) {
            // §1.5 [snap]: the patch form escapes the resource path's slashes as ~1
            path = path.substring(1).replace("~1", "/").replace("~0", "~");
        }
        if (!path.startsWith("/") || !VERBS.contains(verb)) {
            throw new IllegalArgumentException("method setting key must be {resourcePath}/{httpMethod} (e.g. /pets/GET, "
                    + "//GET for the root; the */* setting goes in stageDefaults), got '" + key + "'");
        }
        return path + "/" + verb;
    }
}
