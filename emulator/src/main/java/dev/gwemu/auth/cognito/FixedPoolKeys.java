package dev.gwemu.auth.cognito;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;

/** Keys known when the project loads: a JWKS file, or the local issuer's key. Looked up without I/O. */
public final class FixedPoolKeys implements PoolKeys {
    private final Map<String, RSAPublicKey> byKid;
    private final String origin;

    private FixedPoolKeys(Map<String, RSAPublicKey> byKid, String origin) {
        this.byKid = Map.copyOf(byKid);
        this.origin = origin;
    }

    /** The RS256 signing keys of {@code jwks}; other keys (encryption, EC, HS) are left out, as they never verify a Cognito token. */
    static FixedPoolKeys of(JWKSet jwks, String origin) {
        return of(jwks, origin, SigningKeys.RS256);
    }

    /** The keys of {@code jwks} that {@code usable} accepts. */
    public static FixedPoolKeys of(JWKSet jwks, String origin, SigningKeys usable) {
        Map<String, RSAPublicKey> keys = new HashMap<>();
        for (JWK jwk : jwks.getKeys()) {
            if (usable.accepts().test(jwk)) {
                try {
                    keys.put(jwk.getKeyID(), ((RSAKey) jwk).toRSAPublicKey());
                } catch (JOSEException e) {
                    throw new IllegalArgumentException("key " + jwk.getKeyID() + " of " + origin + " is not a valid RSA key", e);
                }
            }
        }
        return new FixedPoolKeys(keys, origin);
    }

    /** Reads a JWKS file once; fails with the path when it cannot be read, parsed or has no RS256 key with a kid. */
    static FixedPoolKeys read(Path file) {
        return read(file, SigningKeys.RS256);
    }

    /** Reads a JWKS file once; fails with the path when it cannot be read, parsed or has no key {@code usable} accepts. */
    public static FixedPoolKeys read(Path file, SigningKeys usable) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new JwksLoadException("cannot read the JWKS file " + file + ": " + e, e);
        }
        JWKSet jwks;
        try {
            jwks = JWKSet.parse(text);
        } catch (ParseException e) {
            throw new JwksLoadException("the JWKS file " + file + " is not a JWK set ({\"keys\": [...]}): " + e.getMessage(), e);
        }
        FixedPoolKeys keys;
        try {
            keys = of(jwks, file.toString(), usable);
        } catch (IllegalArgumentException e) {
            throw new JwksLoadException(e.getMessage(), e);
        }
        if (keys.byKid.isEmpty()) {
            throw new JwksLoadException("the JWKS file " + file + " has no " + usable.description(), null);
        }
        return keys;
    }

    @Override
    public RSAPublicKey find(String kid) {
        return byKid.get(kid);
    }

    @Override
    public String origin() {
        return origin;
    }
}
