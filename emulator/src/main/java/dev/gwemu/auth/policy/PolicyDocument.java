package dev.gwemu.auth.policy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An IAM policy document (a Lambda authorizer's {@code policyDocument} or an API's resource policy),
 * parsed once and evaluated per request for the action {@code execute-api:Invoke}.
 */
public final class PolicyDocument {
    private PolicyDocument() {
    }

    /**
     * @throws IllegalArgumentException naming what is malformed
     */
    public static PolicyDocument parse(JsonNode document) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Explicit Deny wins, then Allow, else implicit deny; Principal blocks are matched against the caller. */
    public PolicyDecision evaluate(RequestFacts facts) {
        throw new UnsupportedOperationException("not yet");
    }
}
