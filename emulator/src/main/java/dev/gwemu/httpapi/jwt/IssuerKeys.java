package dev.gwemu.httpapi.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import dev.gwemu.auth.cognito.FixedPoolKeys;
import dev.gwemu.auth.cognito.JwksLoadException;
import dev.gwemu.auth.cognito.LocalIssuer;
import dev.gwemu.auth.cognito.PoolIssuer;
import dev.gwemu.auth.cognito.PoolKeys;
import dev.gwemu.auth.cognito.RemotePoolKeys;
import dev.gwemu.auth.cognito.SigningKeys;
import dev.gwemu.model.JwtIssuerSpec;
import dev.gwemu.model.UserPoolSpec;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each issuer's keys come from, decided when the project loads:
 * <ol>
 *   <li>a user pool api.yaml declares, when the issuer is {@code https://cognito-idp.{region}.amazonaws.com/{poolId}}:
 *   its {@code jwks} (file or URL), else the local issuer's key;</li>
 *   <li>an entry of api.yaml's {@code jwtIssuers}: its {@code jwks}, else the local issuer's key;</li>
 *   <li>any other issuer: OIDC discovery, as AWS does, on the first token.</li>
 * </ol>
 * JWKS files are read here, so a bad one fails the load, not a request. A declared JWKS URL is fetched with AWS's
 * limits, as a discovered one is.
 */
final class IssuerKeys {
    /** §3.4 [doc]: "Only RSA algorithms" — RS256/384/512 and PS256/384/512. */
    static final SigningKeys SIGNING_KEYS = SigningKeys.rsa(JWSAlgorithm.Family.RSA,
            "RSA signing key with a kid (JWT authorizers verify RSA signatures only)");

    private final Map<String, PoolKeys> declared;
    private final Map<String, PoolKeys> discovered = new ConcurrentHashMap<>();

    /**
     * @param localIssuer signs for declared issuers without {@code jwks}; null when there is none (their tokens then
     *                    find no key)
     * @throws JwksLoadException when a JWKS file cannot be used or a JWKS URL is not a URL
     */
    IssuerKeys(List<UserPoolSpec> pools, List<JwtIssuerSpec> issuers, Path projectFolder,
               LocalIssuer localIssuer) {
        Map<String, PoolKeys> keys = new HashMap<>();
        for (UserPoolSpec pool : pools) {
            keys.put(PoolIssuer.of(pool.id()), keysOf(pool.jwks(), "user pool " + pool.name(), projectFolder, localIssuer));
        }
        for (JwtIssuerSpec issuer : issuers) {
            keys.putIfAbsent(issuer.issuer(), keysOf(issuer.jwks(), "JWT issuer " + issuer.issuer(), projectFolder, localIssuer));
        }
        this.declared = Map.copyOf(keys);
    }

    private static PoolKeys keysOf(String jwks, String owner, Path projectFolder, LocalIssuer localIssuer) {
        if (jwks == null) {
            return localIssuer == null
                    ? FixedPoolKeys.of(new JWKSet(), "nowhere (" + owner + " has no jwks, and gwemu was given no local issuer)", SIGNING_KEYS)
                    : FixedPoolKeys.of(localIssuer.publicKeys(), "gwemu's local issuer (" + localIssuer.keyFile() + ")", SIGNING_KEYS);
        }
        if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
            try {
                return new RemotePoolKeys(URI.create(jwks).toURL(), OidcDiscoveryKeys.AWS_FETCH, SIGNING_KEYS);
            } catch (IllegalArgumentException | MalformedURLException e) {
                throw new JwksLoadException(owner + ": '" + jwks + "' is not a URL", e);
            }
        }
        return FixedPoolKeys.read(projectFolder.resolve(jwks), SIGNING_KEYS);
    }

    /**
     * The keys tokens of {@code issuer} are checked with.
     *
     * @throws IllegalArgumentException when the issuer is neither declared nor an http(s) URL
     */
    PoolKeys of(String issuer) {
        PoolKeys keys = declared.get(issuer);
        return keys != null ? keys : discovered.computeIfAbsent(issuer, OidcDiscoveryKeys::new);
    }
}
