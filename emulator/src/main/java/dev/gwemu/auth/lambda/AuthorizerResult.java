package dev.gwemu.auth.lambda;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Lambda authorizer answered, read and checked (security-and-operations.md §3.3, Response contract). The
 * policy is evaluated against each method ARN by the caller, also when the result comes from the cache.
 *
 * @param principalId              the caller's principal, or null when the function returned none
 * @param policy                   the parsed {@code policyDocument}
 * @param context                  the function's {@code context}, every value a string ({@code 3} → {@code "3"})
 * @param usageIdentifierKey       the API key for {@code apiKeySource: AUTHORIZER} (§2.2), or null
 * @param integrationLatencyMillis how long the function took; 0 when served from the cache
 * @param fromCache                whether the authorizer's cache answered instead of the function
 */
public record AuthorizerResult<P>(String principalId, P policy, Map<String, String> context, String usageIdentifierKey,
                                  long integrationLatencyMillis, boolean fromCache) {
    private static final String PRINCIPAL_ID = "principalId";
    private static final String INTEGRATION_LATENCY = "integrationLatency";

    public AuthorizerResult {
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /**
     * {@code requestContext.authorizer} as the integration sees it (§3.3, Integration view [obs]):
     * {@code principalId}, the context's keys with string values, then {@code integrationLatency} as a number.
     * The order is the fixture rest-authorizer-responses.json's ({@code allowResultInProxyEvent}); captures agree
     * that integrationLatency comes last. A context key named principalId or integrationLatency does not replace
     * the gateway's own value [unc].
     */
    public Map<String, Object> requestContextAuthorizer() {
        Map<String, Object> authorizer = new LinkedHashMap<>();
        authorizer.put(PRINCIPAL_ID, principalId);
        context.forEach((key, value) -> {
            if (!key.equals(PRINCIPAL_ID) && !key.equals(INTEGRATION_LATENCY)) {
                authorizer.put(key, value);
            }
        });
        authorizer.put(INTEGRATION_LATENCY, integrationLatencyMillis);
        return authorizer;
    }

    /** The same answer served again from the cache: no function call, so no latency (§3.3 [obs]). */
    public AuthorizerResult<P> servedFromCache() {
        return new AuthorizerResult<>(principalId, policy, context, usageIdentifierKey, 0, true);
    }
}
