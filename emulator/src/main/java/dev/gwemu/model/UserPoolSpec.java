package dev.gwemu.model;

import java.util.List;

/**
 * A Cognito user pool whose tokens COGNITO_USER_POOLS authorizers accept (api.yaml {@code userPools}).
 *
 * @param name      what {@code gwemu token --pool} and api.yaml call it
 * @param id        the pool id ({@code us-east-1_AbCdEf123}); the issuer is {@code https://cognito-idp.{region}.amazonaws.com/{id}}
 * @param jwks      a JWKS file (resolved against api.yaml's folder) or an https URL; null: the project's local issuer signs
 *                  this pool's tokens ({@code gwemu token})
 * @param clientIds app client ids an ID token's {@code aud} must be one of; empty accepts any
 */
public record UserPoolSpec(String name, String id, String jwks, List<String> clientIds) {
    public UserPoolSpec {
        clientIds = List.copyOf(clientIds);
    }

    /** The pool's ARN as authorizers' {@code providerARNs} name it. */
    public String arn(String region, String accountId) {
        return "arn:aws:cognito-idp:" + region + ":" + accountId + ":userpool/" + id;
    }
}
