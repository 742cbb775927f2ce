package dev.gwemu.server.tls;

import dev.gwemu.Gateway;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.Project;
import dev.gwemu.server.GatewayServer;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.net.ssl.SSLSocket;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --cert FILE --key FILE}: the PEM forms openssl, mkcert and certbot write, and clear words for the ones that cannot work. */
class CertificateFilesTest {
    @TempDir
    Path dir;

    private static String pem(Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    /** PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 with its curve ({@code EC PRIVATE KEY}, as openssl writes it). */
    private static String keyPem(PrivateKey key, String format) throws Exception {
        return switch (format) {
            case "PKCS8" -> PemFiles.privateKeyPem(key);
            case "PKCS1" -> pem(key);
            default -> {
                // The JDK's encoding keeps the curve outside the SEC1 structure; openssl puts it inside.
                PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
                ECPrivateKey sec1 = new ECPrivateKey(256, ((java.security.interfaces.ECPrivateKey) key).getS(),
                        info.getPrivateKeyAlgorithm().getParameters());
                yield pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
            }
        };
    }

    @ParameterizedTest(name = "{0} key as {1}")
    @CsvSource({"RSA, PKCS8, -----BEGIN PRIVATE KEY-----", "RSA, PKCS1, -----BEGIN RSA PRIVATE KEY-----",
            "EC, PKCS8, -----BEGIN PRIVATE KEY-----", "EC, SEC1, -----BEGIN EC PRIVATE KEY-----"})
    void theUsersCertificateIsServedFromPemFiles(String algorithm, String format, String firstLine) throws Exception {
        CertifiedKey mine = SelfSignedCertificate.create(SelfSignedCertificate.newKeyPair(algorithm),
                List.of("localhost", "127.0.0.1"), Instant.now(), Duration.ofDays(7));
        CertifiedKey intermediate = SelfSignedCertificate.create(List.of("intermediate.test"), Instant.now());
        Path cert = Files.writeString(dir.resolve("cert.pem"), PemFiles.certificatesPem(List.of(mine.leaf(), intermediate.leaf())));
        Path key = Files.writeString(dir.resolve("key.pem"), keyPem(mine.key(), format));
        assertTrue(Files.readString(key).startsWith(firstLine), Files.readString(key));

        Project project = ProjectLoader.load(TlsClients.mockProject(dir, "")).project();
        GatewayTls tls = GatewayTls.fromFiles(project, cert, key, Instant.now());
        assertEquals(List.of(new GatewayTls.ServedCertificate(null, cert, mine.fingerprint(), false,
                mine.leaf().getNotAfter().toInstant())), tls.certificates());
        try (GatewayServer server = GatewayServer.start(Gateway.create(project, Clock.systemUTC(), null), "127.0.0.1", 0,
                tls.context())) {
            try (SSLSocket socket = TlsClients.connect(TlsClients.trusting(List.of(mine.leaf())), server.port(), "localhost")) {
                assertEquals(2, socket.getSession().getPeerCertificates().length, "the whole chain is sent");
                assertEquals(mine.leaf(), socket.getSession().getPeerCertificates()[0]);
            }
            HttpResponse<String> response = TlsClients.http(TlsClients.trusting(List.of(mine.leaf()))).send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/dev/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(HttpClient.Version.HTTP_2, response.version());
        }
        assertTrue(Files.notExists(dir.resolve(".gwemu")), "the user's certificate needs no state folder");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedNamingBothFiles() throws Exception {
        CertifiedKey mine = SelfSignedCertificate.create(List.of("localhost"), Instant.now());
        Path cert = Files.writeString(dir.resolve("cert.pem"), PemFiles.certificatesPem(mine.chain()));
        for (String algorithm : List.of("EC", "RSA")) { // same type, and another type than the certificate's
            Path key = Files.writeString(dir.resolve("key.pem"),
                    PemFiles.privateKeyPem(SelfSignedCertificate.newKeyPair(algorithm).getPrivate()));
            TlsSetupException e = assertThrows(TlsSetupException.class, () -> PemFiles.read(cert, key));
            assertEquals("the private key in " + key + " does not belong to the certificate in " + cert
                    + " (CN=localhost,O=gwemu local development)", e.getMessage());
        }
    }

    @Test
    void filesThatCannotServeSayWhichFileAndWhy() throws Exception {
        CertifiedKey mine = SelfSignedCertificate.create(List.of("localhost"), Instant.now());
        Path cert = Files.writeString(dir.resolve("cert.pem"), PemFiles.certificatesPem(mine.chain()));
        Path key = Files.writeString(dir.resolve("key.pem"), PemFiles.privateKeyPem(mine.key()));
        Path missing = dir.resolve("missing.pem");
        assertEquals(missing + ": no such file", assertThrows(TlsSetupException.class, () -> PemFiles.read(missing, key)).getMessage());
        assertEquals(missing + ": no such file", assertThrows(TlsSetupException.class, () -> PemFiles.read(cert, missing)).getMessage());

        // The two files swapped: the certificate file has no certificate, and the key file no key.
        assertTrue(assertThrows(TlsSetupException.class, () -> PemFiles.read(key, cert)).getMessage()
                .startsWith(cert + ": no private key in the file"));
        assertTrue(assertThrows(TlsSetupException.class, () -> PemFiles.readCertificateChain(key)).getMessage()
                .startsWith(key + ": no certificate in the file"));

        Path der = Files.write(dir.resolve("cert.der"), mine.leaf().getEncoded());
        assertTrue(assertThrows(TlsSetupException.class, () -> PemFiles.readCertificateChain(der)).getMessage()
                .startsWith(der + ": "));

        String encryptedPem = pem(new JcaPKCS8Generator(mine.key(),
                new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider())
                        .setPassword("secret".toCharArray()).build()).generate());
        assertTrue(encryptedPem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), encryptedPem);
        Path encrypted = Files.writeString(dir.resolve("encrypted.pem"), encryptedPem);
        assertEquals(encrypted + ": the private key is encrypted; gwemu reads unencrypted keys "
                        + "(openssl pkey -in encrypted.pem -out key.pem writes one)",
                assertThrows(TlsSetupException.class, () -> PemFiles.read(cert, encrypted)).getMessage());
    }

    @Test
    void anExpiredCertificateIsServedWithAWarning() throws Exception {
        CertifiedKey old = SelfSignedCertificate.create(SelfSignedCertificate.newKeyPair("EC"), List.of("localhost"),
                Instant.now().minus(Duration.ofDays(40)), Duration.ofDays(30));
        Path cert = Files.writeString(dir.resolve("cert.pem"), PemFiles.certificatesPem(old.chain()));
        Path key = Files.writeString(dir.resolve("key.pem"), PemFiles.privateKeyPem(old.key()));
        GatewayTls tls = GatewayTls.fromFiles(ProjectLoader.load(TlsClients.mockProject(dir, "")).project(), cert, key, Instant.now());
        assertEquals(List.of(cert + " expired " + old.leaf().getNotAfter().toInstant() + ": clients will refuse the connection"),
                tls.warnings());
    }
}
