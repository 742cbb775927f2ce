package dev.gwemu.auth.policy;

import java.nio.charset.StandardCharsets;

/**
 * The ARN every authorizer and policy decision is about (security-and-operations.md §3):
 * {@code arn:aws:execute-api:{region}:{accountId}:{apiId}/{stage}/{VERB}/{path}}.
 *
 * @param verb the request's actual HTTP verb, also for ANY methods
 * @param path the request path after the stage, as received (percent-encoding and double slashes kept), without
 *             its leading slash; the root is the empty string, giving {@code .../dev/GET/}
 */
public record MethodArn(String region, String accountId, String apiId, String stage, String verb, String path) {
    /** Longer ARNs on a method with authorization are answered 414 {@code Request URI too long} (§3 [doc]). */
    public static final int MAX_BYTES_WITH_AUTHORIZATION = 1600;

    /** @param pathAfterStage e.g. {@code /pets/7} or {@code /}; one leading slash is dropped */
    public static MethodArn of(String region, String accountId, String apiId, String stage, String verb,
                               String pathAfterStage) {
        String path = pathAfterStage.startsWith("/") ? pathAfterStage.substring(1) : pathAfterStage;
        return new MethodArn(region, accountId, apiId, stage, verb, path);
    }

    public String arn() {
        return "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/" + stage + "/" + verb + "/" + path;
    }

    public boolean exceedsAuthorizationLimit() {
        return arn().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES_WITH_AUTHORIZATION;
    }

    @Override
    public String toString() {
        return arn();
    }
}
