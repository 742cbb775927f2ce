package dev.gwemu.auth.cognito;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An RSA key a test holds the private half of, to sign whatever claims it likes as a pool with a JWKS file would. */
final class TestSigner {
    final RSAKey key;

    TestSigner(String kid) {
        try {
            key = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the public half as a JWKS file, as a real pool's {@code .well-known/jwks.json}. */
    Path writeJwks(Path file) {
        try {
            Files.writeString(file, new JWKSet(key.toPublicJWK()).toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An RS256 token of {@code claimsJson} with this key's kid. */
    String sign(String claimsJson) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claimsJson);
    }

    String sign(JWSHeader header, String claimsJson) {
        JWSObject jws = new JWSObject(header, new Payload(claimsJson));
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }
}
