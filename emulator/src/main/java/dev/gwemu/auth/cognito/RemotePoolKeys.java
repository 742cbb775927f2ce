package dev.gwemu.auth.cognito;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

import java.net.URL;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;

/**
 * A JWKS served over HTTP(S) (a real pool's {@code .well-known/jwks.json}, or a local Cognito emulator's). Fetched on
 * the first token that needs it, not at load, so a project starts offline; then cached.
 * Nimbus's JWK source does the caching, and refetches (at most every {@link #MIN_REFETCH_INTERVAL}) when a token names
 * a kid the cached set lacks: that is how a rotated key is picked up without a restart.
 */
final class RemotePoolKeys implements PoolKeys {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    /** Cognito's JWKS is two keys, about 1 KB; a larger answer is not a JWKS. */
    static final int SIZE_LIMIT_BYTES = 64 * 1024;
    static final Duration CACHE_TTL = Duration.ofMinutes(15);
    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);

    private final URL url;
    private final JWKSource<SecurityContext> source;

    RemotePoolKeys(URL url) {
        this.url = url;
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(
                (int) CONNECT_TIMEOUT.toMillis(), (int) READ_TIMEOUT.toMillis(), SIZE_LIMIT_BYTES);
        this.source = JWKSourceBuilder.create(url, retriever)
                .cache(CACHE_TTL.toMillis(), CONNECT_TIMEOUT.plus(READ_TIMEOUT).toMillis())
                .rateLimited(MIN_REFETCH_INTERVAL.toMillis())
                .retrying(true)
                .build();
    }

    @Override
    public RSAPublicKey find(String kid) throws KeysUnavailableException {
        JWKSelector selector = new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).keyID(kid).build());
        try {
            for (JWK jwk : source.get(selector, null)) {
                if (FixedPoolKeys.verifiesRs256(jwk)) {
                    return ((RSAKey) jwk).toRSAPublicKey();
                }
            }
            return null;
        } catch (RateLimitReachedException e) {
            return null; // an unknown kid again within the refetch interval: still unknown
        } catch (KeySourceException e) {
            throw new KeysUnavailableException("cannot fetch the JWKS " + url + ": " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new KeysUnavailableException("the JWKS " + url + " has an invalid RSA key " + kid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String origin() {
        return url.toString();
    }
}
