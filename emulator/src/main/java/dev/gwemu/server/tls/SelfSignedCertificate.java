package dev.gwemu.server.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Makes a self-signed server certificate for a set of host names and IP addresses (its subjectAltNames),
 * subject {@code CN=localhost}, signed with SHA-256. BouncyCastle only builds the certificate; keys
 * and signatures come from the JDK's own providers, so nothing is registered globally.
 */
public final class SelfSignedCertificate {
    /** A year, as local development tools issue them: long enough to trust once, short enough to expire. */
    public static final Duration VALIDITY = Duration.ofDays(365);
    /** Backdated so a client whose clock is a little behind does not see a certificate from the future. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    /** Most specific last, so tools show it as {@code CN=localhost, O=gwemu local development}. */
    private static final X500Name SUBJECT = new X500Name("O=gwemu local development, CN=localhost");

    private SelfSignedCertificate() {
    }

    /** An EC P-256 key and a certificate for {@code names}, valid from {@code now} for {@link #VALIDITY}. */
    public static CertifiedKey create(Collection<String> names, Instant now) {
        return create(newKeyPair("EC"), names, now, VALIDITY);
    }

    /** A new key pair: {@code EC} (P-256) or {@code RSA} (2048 bits). */
    public static KeyPair newKeyPair(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make " + algorithm + " keys", e);
        }
    }

    /**
     * @param names host names ({@code *.} wildcards allowed) and IP literals the certificate is for
     */
    public static CertifiedKey create(KeyPair keys, Collection<String> names, Instant notBefore, Duration validity) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server certificate names at least one host");
        }
        Instant from = notBefore.minus(BACKDATE);
        BigInteger serial = new BigInteger(127, new SecureRandom()); // random and positive, as RFC 5280 asks
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(SUBJECT, serial, Date.from(from),
                Date.from(notBefore.plus(validity)), SUBJECT, keys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.subjectAlternativeName, false, subjectAltNames(names));
            String algorithm = keys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
            return new CertifiedKey(keys.getPrivate(), List.of(certificate));
        } catch (CertIOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a self-signed certificate", e);
        }
    }

    private static GeneralNames subjectAltNames(Collection<String> names) {
        GeneralName[] entries = names.stream()
                .map(name -> CertificateNames.literal(name) != null
                        ? new GeneralName(GeneralName.iPAddress, CertificateNames.literal(name).getHostAddress())
                        : new GeneralName(GeneralName.dNSName, name))
                .toArray(GeneralName[]::new);
        return new GeneralNames(entries);
    }
}
