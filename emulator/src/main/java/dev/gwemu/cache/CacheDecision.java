package dev.gwemu.cache;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;

import java.time.Duration;
import java.util.List;

/** What the pipeline does with one request at the cache (security-and-operations.md §6, §2.5 step 9). */
public sealed interface CacheDecision {
    /**
     * Answer from the cache without calling the integration. AWS marks nothing on a hit (§6 [doc][snap]: no
     * API-Gateway cache-hit header), so {@code addedHeaders} only ever holds the unauthorised-invalidation warning.
     */
    record Hit(CachedResponse response, List<HeaderList.Header> addedHeaders) implements CacheDecision {
        public Hit {
            addedHeaders = List.copyOf(addedHeaders);
        }

        /** A fresh response for the client: the cached one plus {@code addedHeaders}. */
        public HttpResponse toHttpResponse() {
            HttpResponse r = response.toHttpResponse();
            addedHeaders.forEach(h -> r.headers().add(h.name(), h.value()));
            return r;
        }
    }

    /**
     * Call the integration, then {@link StageResponseCache#store} its response under {@code key}, then add
     * {@code addedHeaders} to what goes to the client (after storing, so the entry does not carry them).
     *
     * @param invalidation true when the client invalidated the entry with {@code Cache-Control: max-age=0}
     */
    record Miss(CacheKey key, Duration ttl, boolean invalidation, List<HeaderList.Header> addedHeaders)
            implements CacheDecision {
        public Miss {
            addedHeaders = List.copyOf(addedHeaders);
        }

        public void addHeadersTo(HttpResponse response) {
            addedHeaders.forEach(h -> response.headers().add(h.name(), h.value()));
        }
    }

    /** The method is not cached: carry on as if the stage had no cache. */
    record Bypass() implements CacheDecision {
        public static final Bypass INSTANCE = new Bypass();
    }

    /**
     * Refuse the request without calling the integration: an unauthorised {@code Cache-Control: max-age=0} under
     * {@code FAIL_WITH_403}. The body is JSON.
     */
    record Reject(int status, String errorType, String body) implements CacheDecision {
        /**
         * §6 [doc]: 403. [unc] The body ("Unauthorized"-style per §6) and the {@code x-amzn-ErrorType} are not
         * documented: the compact default-template form (§0) and the error type §0 pairs with "Unauthorized".
         */
        public static final Reject UNAUTHORIZED_INVALIDATION =
                new Reject(403, "UnauthorizedException", "{\"message\":\"Unauthorized\"}");
    }
}
