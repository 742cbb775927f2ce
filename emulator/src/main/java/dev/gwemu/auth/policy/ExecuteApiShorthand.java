package dev.gwemu.auth.policy;

/**
 * The resource-policy shorthand {@code execute-api:/{stage}/{VERB}/{path}} (and {@code execute-api:/*}) that API
 * Gateway rewrites to the API's full ARN when the policy is saved (security-and-operations.md §4.1 [snap][doc]).
 */
final class ExecuteApiShorthand {
    static final String PREFIX = "execute-api:/";

    private final String arnPrefix;

    ExecuteApiShorthand(String region, String accountId, String apiId) {
        this.arnPrefix = "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId;
    }

    /** The full ARN for a shorthand resource; any other resource unchanged. */
    String expand(String resource) {
        // Keep the slash: execute-api:/dev/GET/pets becomes arn:...:{apiId}/dev/GET/pets.
        return resource.startsWith(PREFIX) ? arnPrefix + resource.substring(PREFIX.length() - 1) : resource;
    }
}
