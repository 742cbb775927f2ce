package dev.gwemu.server.tls;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes PEM: certificate chains ({@code CERTIFICATE} blocks, leaf first) and unencrypted
 * private keys in PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1
 * ({@code EC PRIVATE KEY}) form, as openssl, mkcert and certbot write them.
 */
public final class PemFiles {
    private PemFiles() {
    }

    /** A key and its certificate chain from two files; refuses a key that does not belong to the certificate. */
    public static CertifiedKey read(Path certificateFile, Path keyFile) throws TlsSetupException {
        CertifiedKey pair = new CertifiedKey(readPrivateKey(keyFile), readCertificateChain(certificateFile));
        if (!pair.keyMatchesCertificate()) {
            throw new TlsSetupException("the private key in " + keyFile + " does not belong to the certificate in "
                    + certificateFile + " (" + pair.leaf().getSubjectX500Principal().getName() + ")");
        }
        return pair;
    }

    /** Every certificate in the file, in file order (a server's chain: leaf first). */
    public static List<X509Certificate> readCertificateChain(Path file) throws TlsSetupException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object block : blocks(file)) {
            if (block instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new TlsSetupException(file + ": certificate " + (chain.size() + 1) + " cannot be read: " + e.getMessage(), e);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new TlsSetupException(file + ": no certificate in the file (expected a PEM block "
                    + "-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    /** The file's private key; other blocks (certificates, EC parameters) are skipped. */
    public static PrivateKey readPrivateKey(Path file) throws TlsSetupException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object block : blocks(file)) {
            try {
                if (block instanceof PrivateKeyInfo pkcs8) {
                    return converter.getPrivateKey(pkcs8);
                }
                if (block instanceof PEMKeyPair pkcs1OrSec1) {
                    // Only the private half: SEC1 keys may leave the public key out.
                    return converter.getPrivateKey(pkcs1OrSec1.getPrivateKeyInfo());
                }
            } catch (PEMException e) {
                throw new TlsSetupException(file + ": the private key cannot be used: " + e.getMessage(), e);
            }
            if (block instanceof PKCS8EncryptedPrivateKeyInfo || block instanceof PEMEncryptedKeyPair) {
                throw new TlsSetupException(file + ": the private key is encrypted; gwemu reads unencrypted keys "
                        + "(openssl pkey -in " + file.getFileName() + " -out key.pem writes one)");
            }
        }
        throw new TlsSetupException(file + ": no private key in the file (expected a PEM block "
                + "-----BEGIN PRIVATE KEY-----, -----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)");
    }

    /** The chain as PEM {@code CERTIFICATE} blocks. */
    public static String certificatesPem(List<X509Certificate> chain) {
        return pem(chain.toArray());
    }

    /** The key as an unencrypted PKCS#8 {@code PRIVATE KEY} block. */
    public static String privateKeyPem(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, null).generate()); // a bare key would be written as PKCS#1 or SEC1
        } catch (PemGenerationException e) {
            throw new IllegalStateException("cannot encode the private key", e);
        }
    }

    private static String pem(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode PEM", e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static List<Object> blocks(Path file) throws TlsSetupException {
        List<Object> blocks = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1); PEMParser parser = new PEMParser(reader)) {
            for (Object block; (block = parser.readObject()) != null; ) {
                blocks.add(block);
            }
        } catch (NoSuchFileException e) {
            throw new TlsSetupException(file + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new TlsSetupException(file + ": not a readable PEM file: " + e.getMessage(), e);
        }
        return blocks;
    }
}
