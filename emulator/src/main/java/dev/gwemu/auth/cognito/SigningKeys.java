package dev.gwemu.auth.cognito;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Which keys of a JWKS may verify tokens: RSA keys with a {@code kid}, meant for signatures, whose {@code alg} (when
 * they name one) is one the verifier takes. Encryption, EC and HMAC keys are left out.
 *
 * @param accepts     the test a key passes
 * @param description what passing keys are, for "the JWKS file ... has no {description}"
 */
public record SigningKeys(Predicate<JWK> accepts, String description) {
    /** User pools: Cognito signs with RS256 only. */
    public static final SigningKeys RS256 = new SigningKeys(key -> rsaSigning(key, Set.of(JWSAlgorithm.RS256)),
            "RSA signing key with a kid (Cognito signs with RS256)");

    /** Keys for the given RSA algorithms (a key without {@code alg} is taken for any of them). */
    public static SigningKeys rsa(Set<JWSAlgorithm> algorithms, String description) {
        Set<JWSAlgorithm> copy = Set.copyOf(algorithms);
        return new SigningKeys(key -> rsaSigning(key, copy), description);
    }

    private static boolean rsaSigning(JWK jwk, Set<JWSAlgorithm> algorithms) {
        return jwk instanceof RSAKey
                && jwk.getKeyID() != null
                && (jwk.getKeyUse() == null || KeyUse.SIGNATURE.equals(jwk.getKeyUse()))
                && (jwk.getAlgorithm() == null || algorithms.contains(JWSAlgorithm.parse(jwk.getAlgorithm().getName())));
    }
}
