package dev.gwemu.httpapi.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** An RSA key a test holds the private half of, to sign whatever header and claims it likes, as an IdP would. */
final class RsaTestKey {
    final RSAKey key;

    RsaTestKey(String kid) {
        try {
            key = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String kid() {
        return key.getKeyID();
    }

    /** The public half as a JWKS document. */
    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    Path writeJwks(Path file) {
        try {
            return Files.writeString(file, jwks());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RS256 with this key's kid. */
    String sign(String claimsJson) {
        return sign(JWSAlgorithm.RS256, kid(), claimsJson);
    }

    String sign(JWSAlgorithm alg, String kid, String claimsJson) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).keyID(kid).build(), new Payload(claimsJson));
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    /** HS256 with a shared secret, naming this key's kid: what a misconfigured IdP sends. */
    String signHs256(String claimsJson) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid()).build(), new Payload(claimsJson));
        try {
            jws.sign(new MACSigner("a shared secret of at least 256 bits, 32 bytes".getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    /** {@code alg: none}: header and claims, an empty signature. */
    static String unsigned(String claimsJson) {
        return Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode(claimsJson) + ".";
    }
}
