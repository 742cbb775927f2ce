package dev.gwemu.httpapi.authorizer;

import dev.gwemu.auth.policy.PolicyDocument;

import java.util.Map;

/**
 * What an HTTP API Lambda authorizer function decided, in the form the cache keeps it (security-and-operations.md
 * §3.4). Failures (500) are never answers: they are thrown and never cached.
 */
sealed interface HttpAuthorizerAnswer {

    /** The function failed with the error message {@code Unauthorized}: the client gets 401. */
    record Unauthorized() implements HttpAuthorizerAnswer {
    }

    /**
     * A simple response (2.0 with {@code enableSimpleResponses}): one yes or no for every route while cached.
     *
     * @param context the answer's context, or null when it has none
     */
    record Simple(boolean authorized, Map<String, Object> context) implements HttpAuthorizerAnswer {
    }

    /**
     * An IAM-mode response: its policy is evaluated against each request's route ARN, also when cached.
     *
     * @param principalId the answer's principalId, or null
     * @param context     the answer's context, or null when it has none
     */
    record Policy(String principalId, PolicyDocument policy, Map<String, Object> context) implements HttpAuthorizerAnswer {
    }
}
