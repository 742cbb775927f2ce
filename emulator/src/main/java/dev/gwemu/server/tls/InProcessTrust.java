package dev.gwemu.server.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Lets code running inside gwemu's JVM trust the certificates gwemu serves, besides the JDK's own CAs. In-process Lambda
 * functions that call back through {@code @connections} as the AWS docs show ({@code "https://" + domainName + "/" +
 * stage} with the AWS SDK) then reach the gateway under {@code --tls} without changing their code. Only this JVM is
 * affected: the trust store is a temporary file (gone when the JVM exits) named by the {@code javax.net.ssl.trustStore*}
 * properties, and the default SSLContext is replaced by one that reads it.
 */
public final class InProcessTrust {
    static final char[] PASSWORD = "gwemu-local".toCharArray();

    private InProcessTrust() {
    }

    /**
     * @param certificates the certificate chains gwemu serves (PEM files)
     * @return the trust store written: the JDK's CAs (or the configured store's) plus gwemu's certificates
     */
    public static Path install(List<Path> certificates) throws IOException, GeneralSecurityException, TlsSetupException {
        KeyStore store = baseStore();
        int n = 0;
        for (Path file : certificates) {
            for (X509Certificate certificate : PemFiles.readCertificateChain(file)) {
                store.setCertificateEntry("gwemu-" + n++, certificate);
            }
        }
        Path file;
        try { // owner-only where the file system knows permissions
            file = Files.createTempFile("gwemu-in-process-trust", ".p12", java.nio.file.attribute.PosixFilePermissions
                    .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            file = Files.createTempFile("gwemu-in-process-trust", ".p12");
        }
        file.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        System.setProperty("javax.net.ssl.trustStore", file.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", new String(PASSWORD));
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        SSLContext.setDefault(context); // for clients built on the default context (HttpsURLConnection, java.net.http)
        return file;
    }

    /** The trust store this JVM would use without gwemu: the configured one, else the JDK's cacerts. */
    private static KeyStore baseStore() throws IOException, GeneralSecurityException {
        String configured = System.getProperty("javax.net.ssl.trustStore");
        Path file = configured != null && !configured.isEmpty() ? Path.of(configured)
                : Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        String type = configured != null ? System.getProperty("javax.net.ssl.trustStoreType", KeyStore.getDefaultType())
                : KeyStore.getDefaultType();
        String password = System.getProperty("javax.net.ssl.trustStorePassword");
        KeyStore store = KeyStore.getInstance(type);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password == null ? null : password.toCharArray());
            }
        } else {
            store.load(null, null);
        }
        KeyStore copy = KeyStore.getInstance("PKCS12");
        copy.load(null, null);
        for (String alias : java.util.Collections.list(store.aliases())) {
            if (store.isCertificateEntry(alias)) {
                copy.setCertificateEntry(alias, store.getCertificate(alias));
            }
        }
        return copy;
    }
}
