package dev.gwemu.httpapi.jwt;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.gwemu.auth.cognito.JwksFetch;
import dev.gwemu.auth.cognito.KeysUnavailableException;
import dev.gwemu.auth.cognito.PoolKeys;
import dev.gwemu.auth.cognito.RemotePoolKeys;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;

/**
 * An issuer's keys found as AWS finds them (security-and-operations.md §3.4): {@code GET
 * {issuer}/.well-known/openid-configuration}, its {@code jwks_uri}, then that JWKS. Nothing is fetched until the first
 * token needs it, so a project starts offline. The {@code jwks_uri} is kept once found; the keys are cached and
 * refetched when a token names an unknown {@code kid} ({@link RemotePoolKeys}). A discovery that fails is tried again
 * on the next token; AWS's behaviour there is not documented [unc].
 */
final class OidcDiscoveryKeys implements PoolKeys {
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    /**
     * §3.4 [doc]: 1500 ms and at most 150000 bytes, for the discovery document and the JWKS alike (each of connect and
     * read gets the 1500 ms). Keys are cached for two hours ("API Gateway can cache the public keys for two hours",
     * HTTP API JWT authorizer docs); an unknown kid refetches at most every 30 s (gwemu's choice [unc]).
     */
    static final JwksFetch AWS_FETCH = new JwksFetch(Duration.ofMillis(1500), Duration.ofMillis(1500), 150_000,
            Duration.ofHours(2), Duration.ofSeconds(30));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;
    private final URL discovery;
    private volatile PoolKeys jwks;

    /** @throws IllegalArgumentException when the issuer is not an http(s) URL */
    OidcDiscoveryKeys(String issuer) {
        this.issuer = issuer;
        this.discovery = discoveryUrl(issuer);
    }

    /** OIDC Discovery §4: a trailing '/' of the issuer is dropped before the well-known path is appended. */
    static URL discoveryUrl(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        if (!base.startsWith("https://") && !base.startsWith("http://")) {
            throw new IllegalArgumentException("the issuer " + issuer + " is not an http(s) URL, so it has no OIDC discovery document");
        }
        try {
            return URI.create(base + DISCOVERY_PATH).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new IllegalArgumentException("the issuer " + issuer + " is not a URL: " + e.getMessage(), e);
        }
    }

    @Override
    public RSAPublicKey find(String kid) throws KeysUnavailableException {
        return keys().find(kid);
    }

    private PoolKeys keys() throws KeysUnavailableException {
        PoolKeys found = jwks;
        if (found == null) {
            synchronized (this) {
                if (jwks == null) {
                    jwks = new RemotePoolKeys(jwksUri(), AWS_FETCH, IssuerKeys.SIGNING_KEYS);
                }
                found = jwks;
            }
        }
        return found;
    }

    private URL jwksUri() throws KeysUnavailableException {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever((int) AWS_FETCH.connectTimeout().toMillis(),
                (int) AWS_FETCH.readTimeout().toMillis(), AWS_FETCH.sizeLimitBytes());
        JsonNode document;
        try {
            document = JSON.readTree(retriever.retrieveResource(discovery).getContent());
        } catch (JacksonException e) {
            throw new KeysUnavailableException("the OIDC discovery document " + discovery + " is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new KeysUnavailableException("cannot fetch the OIDC discovery document " + discovery + ": " + e.getMessage(), e);
        }
        String uri = document == null ? null : document.path("jwks_uri").asText(null);
        if (uri == null || !(uri.startsWith("https://") || uri.startsWith("http://"))) {
            throw new KeysUnavailableException("the OIDC discovery document " + discovery + " has no http(s) jwks_uri", null);
        }
        try {
            return URI.create(uri).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new KeysUnavailableException("the jwks_uri " + uri + " of " + discovery + " is not a URL", e);
        }
    }

    @Override
    public String origin() {
        PoolKeys found = jwks;
        return found == null ? "OIDC discovery of " + issuer + " (" + discovery + ", not fetched yet)"
                : found.origin() + " (from " + discovery + ")";
    }
}
