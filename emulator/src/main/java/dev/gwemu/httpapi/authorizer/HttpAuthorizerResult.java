package dev.gwemu.httpapi.authorizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an HTTP API Lambda authorizer let through, as the integration sees it (security-and-operations.md §3.4,
 * data-plane.md §3.2): {@code requestContext.authorizer} of a payload 2.0 or 1.0 event.
 *
 * @param principalId              the IAM-mode answer's {@code principalId}, or null (simple responses have none)
 * @param context                  the answer's {@code context} with its JSON types (strings, numbers, booleans,
 *                                 nulls, lists and maps), in the function's order; null when it returned none
 * @param integrationLatencyMillis how long the function took; 0 when served from the cache
 * @param fromCache                whether the authorizer's cache answered instead of the function
 */
public record HttpAuthorizerResult(String principalId, Map<String, Object> context, long integrationLatencyMillis,
                                   boolean fromCache) {
    /**
     * Whether the IAM-mode {@code principalId} is also put in the 2.0 event's {@code lambda} map [unc, §3.4]. AWS
     * documents only the context there; SAM CLI (AWS's own emulator, lambda_authorizer.py get_context) adds
     * principalId, serverless-offline does not. gwemu follows SAM CLI.
     */
    static final boolean PRINCIPAL_ID_IN_LAMBDA_MAP = true;

    private static final String PRINCIPAL_ID = "principalId";
    private static final String INTEGRATION_LATENCY = "integrationLatency";

    public HttpAuthorizerResult {
        context = context == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /**
     * {@code requestContext.authorizer} of a payload 2.0 event: {@code {"lambda": {...context...}}} with the context's
     * JSON types kept (AWS's docs return lists and maps there; aws-lambda-java-events models {@code lambda} as
     * {@code Map<String,Object>}). No integrationLatency (§3.2 lists none). {@code "lambda": null} when the function
     * returned no context and no principalId [unc: powertools-lambda-typescript's apigwv2 parser schema says so].
     */
    public Map<String, Object> forPayloadV2() {
        Map<String, Object> lambda = null;
        if (context != null || principalId != null && PRINCIPAL_ID_IN_LAMBDA_MAP) {
            lambda = new LinkedHashMap<>();
            if (context != null) {
                lambda.putAll(context);
            }
            if (principalId != null && PRINCIPAL_ID_IN_LAMBDA_MAP) {
                lambda.put(PRINCIPAL_ID, principalId);
            }
        }
        Map<String, Object> authorizer = new LinkedHashMap<>();
        authorizer.put("lambda", lambda);
        return authorizer;
    }

    /**
     * {@code requestContext.authorizer} of a payload 1.0 event, as REST's (§3.3, Integration view [obs]):
     * {@code principalId} (when the function gave one), the context's keys flattened with string values, then
     * {@code integrationLatency} as a number. Numbers and booleans become their text ({@code 3} → {@code "3"}),
     * lists and maps their compact JSON [unc: REST refuses them; HTTP API 2.0 answers may carry them], and null
     * values are left out as REST does. A context key named principalId or integrationLatency does not replace the
     * gateway's own [unc].
     */
    public Map<String, Object> forPayloadV1() {
        Map<String, Object> authorizer = new LinkedHashMap<>();
        if (principalId != null) {
            authorizer.put(PRINCIPAL_ID, principalId);
        }
        if (context != null) {
            context.forEach((key, value) -> {
                if (value != null && !key.equals(PRINCIPAL_ID) && !key.equals(INTEGRATION_LATENCY)) {
                    authorizer.put(key, ContextText.of(value));
                }
            });
        }
        authorizer.put(INTEGRATION_LATENCY, integrationLatencyMillis);
        return authorizer;
    }

    /** The same answer served again from the cache: no function call, so no latency (§3.3 [obs]). */
    HttpAuthorizerResult servedFromCache() {
        return new HttpAuthorizerResult(principalId, context, 0, true);
    }
}
