package dev.gwemu.auth.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Base64;

/**
 * JWTs made by hand for the hostile suite: with the pool's real signing key (read from the project's state folder, as
 * an attacker who stole it would not have, so that only the claim under test is wrong), with another key, or with
 * none at all.
 */
final class ForgedTokens {
    static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Secure001";
    static final String CLIENT_ID = "securetestclient01";

    private final RSAKey poolKey;

    ForgedTokens(Path apiYaml) {
        try {
            poolKey = RSAKey.parse(Files.readString(apiYaml.getParent().resolve(".gwemu/cognito-signing-key.json"), StandardCharsets.UTF_8));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    String kid() {
        return poolKey.getKeyID();
    }

    /** The claims of a valid ID token issued at {@code nowSeconds}, valid for an hour. */
    static ObjectNode idClaims(long nowSeconds) {
        ObjectNode claims = SecurityProject.JSON.createObjectNode();
        claims.put("sub", "mallory-sub");
        claims.put("iss", ISSUER);
        claims.put("cognito:username", "mallory");
        claims.put("aud", CLIENT_ID);
        claims.put("token_use", "id");
        claims.put("auth_time", nowSeconds);
        claims.put("exp", nowSeconds + 3600);
        claims.put("iat", nowSeconds);
        return claims;
    }

    /** Signed RS256 with the pool's own key and kid: valid unless the claims are not. */
    String signedByThePool(ObjectNode claims) {
        return rs256(poolKey, poolKey.getKeyID(), claims);
    }

    /** A payload written by hand (e.g. with a claim twice), signed RS256 with the pool's key and kid. */
    String signedByThePool(String payloadJson) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(poolKey.getKeyID()).build(), new Payload(payloadJson));
            jws.sign(new RSASSASigner(poolKey));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed RS256 with the pool's key, naming another kid. */
    String signedByThePoolWithKid(ObjectNode claims, String kid) {
        return rs256(poolKey, kid, claims);
    }

    /** Signed RS256 with a fresh key of the attacker's, naming the pool's kid. */
    String signedByAnotherKeyWithThePoolsKid(ObjectNode claims) {
        try {
            return rs256(new RSAKeyGenerator(2048).generate(), poolKey.getKeyID(), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}, no signature: {@code header.payload.} */
    String unsigned(ObjectNode claims) {
        return b64("{\"alg\":\"none\",\"kid\":\"" + poolKey.getKeyID() + "\"}") + "." + b64(claims.toString()) + ".";
    }

    /** HS256 with the pool's public key (its X.509 encoding) as the HMAC secret: the classic algorithm confusion. */
    String hs256WithThePublicKey(ObjectNode claims) {
        try {
            byte[] secret = poolKey.toRSAPublicKey().getEncoded();
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(poolKey.getKeyID()).build(), new Payload(claims.toString()));
            jws.sign(new MACSigner(secret));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rs256(RSAKey key, String kid, ObjectNode claims) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), new Payload(claims.toString()));
            jws.sign(new RSASSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
