package dev.gwemu.model;

/**
 * An issuer api.yaml tells HTTP API JWT authorizers how to trust (api.yaml {@code jwtIssuers}), instead of the OIDC
 * discovery AWS does ({@code {issuer}/.well-known/openid-configuration}).
 *
 * @param issuer the {@code iss} its tokens carry and authorizers' {@code jwtConfiguration.issuer} names
 * @param jwks   a JWKS file (resolved against api.yaml's folder) or an http(s) URL; null: the project's local issuer
 *               signs this issuer's tokens ({@code gwemu token --issuer})
 */
public record JwtIssuerSpec(String issuer, String jwks) {
}
