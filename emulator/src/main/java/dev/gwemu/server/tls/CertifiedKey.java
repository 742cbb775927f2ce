package dev.gwemu.server.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A private key and the certificate chain that goes with it, leaf first: what a TLS server presents.
 *
 * @param key   the leaf certificate's private key
 * @param chain the leaf, then any intermediates, as the client should receive them
 */
public record CertifiedKey(PrivateKey key, List<X509Certificate> chain) {
    public CertifiedKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least the leaf certificate");
        }
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    public CertificateNames names() {
        return CertificateNames.of(leaf());
    }

    /** The leaf's SHA-256 fingerprint; see {@link #fingerprint(X509Certificate)}. */
    public String fingerprint() {
        return fingerprint(leaf());
    }

    /** A certificate's SHA-256 fingerprint as browsers and {@code openssl x509 -fingerprint -sha256} show it: {@code AB:CD:...}. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the certificate", e);
        }
    }

    /**
     * Whether the private key belongs to the leaf certificate: it signs a random challenge that the
     * certificate's public key must verify. Works for every key type without comparing key internals.
     */
    public boolean keyMatchesCertificate() {
        String algorithm = signatureAlgorithm(key.getAlgorithm());
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = signature(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = signature(algorithm);
            verifier.initVerify(leaf().getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // e.g. an RSA key against an EC certificate: initVerify refuses the other key type
        }
    }

    private static Signature signature(String algorithm) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(algorithm);
        if (algorithm.equals("RSASSA-PSS")) { // PSS has no default parameters
            signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        return signature;
    }

    /** A signature algorithm for a key algorithm, or null for a key TLS servers cannot use. */
    private static String signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm.toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            case "EC" -> "SHA256withECDSA";
            case "EDDSA", "ED25519", "ED448" -> keyAlgorithm;
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
    }
}
