package dev.gwemu.cache;

import java.util.List;

/**
 * Where a response is cached within a stage (security-and-operations.md §6 [doc][obs]): the cache namespace (the
 * resource id unless {@code cacheNamespace} is set), the HTTP verb, and the values of the cache key parameters in
 * their listed order. Nothing else: not the path, the query string, other headers or the body.
 *
 * @param namespace the cache namespace
 * @param verb      the request's HTTP verb
 * @param values    per cache key parameter its values; empty when the request lacks it
 */
public record CacheKey(String namespace, String verb, List<List<String>> values) {
    public CacheKey {
        values = List.copyOf(values.stream().map(List::copyOf).toList());
    }
}
