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

/**
 * A JWKS served over HTTP(S) (a real pool's {@code .well-known/jwks.json}, or a local Cognito emulator's). Fetched on
 * the first token that needs it, not at load, so a project starts offline; then cached.
 * Nimbus's JWK source does the caching, and refetches (at most every {@link JwksFetch#minRefetchInterval()}) when a token names
 * a kid the cached set lacks: that is how a rotated key is picked up without a restart.
 */
public final class RemotePoolKeys implements PoolKeys {
    private final URL url;
    private final JWKSource<SecurityContext> source;
    private final SigningKeys usable;

    RemotePoolKeys(URL url) {
        this(url, JwksFetch.USER_POOL, SigningKeys.RS256);
    }

    /** Keys {@code usable} accepts from the JWKS at {@code url}, fetched within {@code fetch}'s limits. */
    public RemotePoolKeys(URL url, JwksFetch fetch, SigningKeys usable) {
        this.url = url;
        this.usable = usable;
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(
                (int) fetch.connectTimeout().toMillis(), (int) fetch.readTimeout().toMillis(), fetch.sizeLimitBytes());
        this.source = JWKSourceBuilder.create(url, retriever)
                .cache(fetch.cacheTtl().toMillis(), fetch.connectTimeout().plus(fetch.readTimeout()).toMillis())
                .rateLimited(fetch.minRefetchInterval().toMillis())
                .retrying(true)
                .build();
    }

    @Override
    public RSAPublicKey find(String kid) throws KeysUnavailableException {
        JWKSelector selector = new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).keyID(kid).build());
        try {
            for (JWK jwk : source.get(selector, null)) {
                if (usable.accepts().test(jwk)) {
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
