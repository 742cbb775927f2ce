package dev.gwemu.cache;

import dev.gwemu.pipeline.HeaderList;

import java.util.List;
import java.util.Map;

/**
 * What the cache needs to know about one request that reached the integration step (security-and-operations.md
 * §2.5 step 9).
 *
 * @param resourcePath   the matched resource's path template, {@code /pets/{id}} (selects the method setting)
 * @param methodVerb     the matched method as defined: GET, POST, ..., ANY (selects the method setting)
 * @param requestVerb    the verb the client sent (part of the key)
 * @param keyTemplate    the method's cache namespace and cache key parameters
 * @param pathParameters the route's path parameters
 * @param query          the decoded query string, every value of every name
 * @param headers        the request headers ({@code Cache-Control} and header key parameters are read from them)
 * @param mayInvalidate  whether the caller is allowed to invalidate: the IAM permission
 *                       {@code execute-api:InvalidateCache} on this method (§6 [doc]); only consulted when the method
 *                       requires authorisation for cache control
 */
public record CacheRequest(String resourcePath, String methodVerb, String requestVerb, CacheKeyTemplate keyTemplate,
                           Map<String, String> pathParameters, Map<String, List<String>> query, HeaderList headers,
                           boolean mayInvalidate) {
    CacheKey key() {
        return keyTemplate.keyFor(requestVerb, pathParameters, query, headers);
    }
}
