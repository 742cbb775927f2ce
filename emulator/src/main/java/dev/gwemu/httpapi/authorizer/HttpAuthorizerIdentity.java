package dev.gwemu.httpapi.authorizer;

import dev.gwemu.httpapi.HttpApiErrors;
import dev.gwemu.model.HttpAuthorizerSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Every identity source of one HTTP API Lambda authorizer, compiled once (security-and-operations.md §3.4): a request
 * lacking any of them gets 401 before the function is called.
 */
final class HttpAuthorizerIdentity {
    private final String authorizerName;
    private final List<HttpIdentitySource> sources;

    private HttpAuthorizerIdentity(String authorizerName, List<HttpIdentitySource> sources) {
        this.authorizerName = authorizerName;
        this.sources = sources;
    }

    /** @throws IllegalArgumentException when a source cannot be read */
    static HttpAuthorizerIdentity compile(HttpAuthorizerSpec spec) {
        List<HttpIdentitySource> sources = new ArrayList<>();
        for (String expression : spec.identitySources()) {
            sources.add(HttpIdentitySource.parse(expression));
        }
        return new HttpAuthorizerIdentity(spec.name(), List.copyOf(sources));
    }

    /**
     * Every source's value in the configured order (empty when none are configured): the event's
     * {@code identitySource} and the cache key.
     *
     * @throws dev.gwemu.pipeline.GatewayException 401 when a value is missing or empty (empty as in REST, §3.3)
     */
    List<String> read(HttpIdentitySource.Inputs inputs) {
        List<String> values = new ArrayList<>(sources.size());
        for (HttpIdentitySource source : sources) {
            String value = source.read(inputs);
            if (value == null || value.isEmpty()) {
                throw HttpApiErrors.unauthorized("the request has no " + source + " (an identity source of authorizer "
                        + authorizerName + "); the authorizer was not called");
            }
            values.add(value);
        }
        return List.copyOf(values);
    }

    boolean isEmpty() {
        return sources.isEmpty();
    }
}
