package dev.gwemu.auth.policy;

/**
 * An API's resource policy ({@code x-amazon-apigateway-policy}) as API Gateway stores it: the
 * {@code execute-api:/...} shorthand rewritten to full ARNs (security-and-operations.md §4.1).
 */
public final class ResourcePolicy {
    private ResourcePolicy() {
    }

    /**
     * @param json the policy as a JSON string
     * @throws IllegalArgumentException naming what is malformed
     */
    public static ResourcePolicy compile(String json, String region, String accountId, String apiId) {
        throw new UnsupportedOperationException("not yet");
    }

    public PolicyDecision evaluate(RequestFacts facts) {
        throw new UnsupportedOperationException("not yet");
    }
}
