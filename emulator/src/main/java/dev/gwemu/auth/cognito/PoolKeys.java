package dev.gwemu.auth.cognito;

import java.security.interfaces.RSAPublicKey;

/**
 * The RSA public keys an issuer signs its tokens with, by {@code kid}: its JWKS. Public so that HTTP API JWT
 * authorizers ({@code dev.gwemu.httpapi.jwt}) use the same file, URL and local-issuer sources as user pools.
 */
public interface PoolKeys {
    /**
     * @return the key named {@code kid}, or null when the pool has no such key
     * @throws KeysUnavailableException when the keys cannot be had right now (a JWKS URL does not answer)
     */
    RSAPublicKey find(String kid) throws KeysUnavailableException;

    /** Where the keys come from, for the console. */
    String origin();
}
