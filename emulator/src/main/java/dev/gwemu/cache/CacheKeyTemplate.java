package dev.gwemu.cache;

import dev.gwemu.pipeline.HeaderList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one method builds its {@link CacheKey} (security-and-operations.md §6 [doc][obs]): its cache namespace and
 * its integration's {@code cacheKeyParameters}. Built once at load; thread-safe.
 */
public final class CacheKeyTemplate {
    private final String namespace;
    private final List<CacheKeyParameter> parameters;

    private CacheKeyTemplate(String namespace, List<CacheKeyParameter> parameters) {
        this.namespace = namespace;
        this.parameters = parameters;
    }

    /**
     * @param namespace          the integration's {@code cacheNamespace}, or the resource id when it has none
     * @param cacheKeyParameters the integration's {@code cacheKeyParameters}, e.g. {@code method.request.path.id}
     * @throws IllegalArgumentException for an empty namespace or a parameter that is not a method request parameter
     */
    public static CacheKeyTemplate of(String namespace, List<String> cacheKeyParameters) {
        if (namespace == null || namespace.isEmpty()) {
            throw new IllegalArgumentException("cache namespace (cacheNamespace or the resource id) must not be empty");
        }
        List<CacheKeyParameter> parsed = new ArrayList<>(cacheKeyParameters.size());
        for (String p : cacheKeyParameters) {
            parsed.add(CacheKeyParameter.parse(p));
        }
        return new CacheKeyTemplate(namespace, List.copyOf(parsed));
    }

    /**
     * The key of one request.
     *
     * @param verb           the request's HTTP verb (for an ANY method, the verb actually sent)
     * @param pathParameters the route's path parameters, as routing gives them
     * @param query          the decoded query string, every value of every name
     * @param headers        the request headers
     */
    public CacheKey keyFor(String verb, Map<String, String> pathParameters, Map<String, List<String>> query,
                           HeaderList headers) {
        List<List<String>> values = new ArrayList<>(parameters.size());
        for (CacheKeyParameter p : parameters) {
            values.add(p.valuesIn(pathParameters, query, headers));
        }
        return new CacheKey(namespace, verb, values);
    }
}
