package dev.gwemu.server.tls;

import dev.gwemu.Gateway;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.Project;
import dev.gwemu.server.GatewayServer;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Custom domains with their own certificates: each client gets the certificate of the name it asked for. */
class SniTest {
    @TempDir
    Path dir;

    private static final String DOMAINS = """
            domains:
              - name: a.example.test
                certificate: certs/a.pem
                key: certs/a-key.pem
                basePathMappings: [{api: hello, stage: dev}]
              - name: api.wild.test
                certificate: certs/wild.pem
                key: certs/wild-key.pem
                basePathMappings: [{api: hello, stage: dev}]
              - name: c.example.test
                basePathMappings: [{api: hello, stage: dev}]
            """;

    @Test
    void eachDomainGetsItsOwnCertificateAndEveryOtherNameTheDefault() throws Exception {
        // a: RSA with a PKCS#1 key file, next to an EC default, so the key type of the chosen certificate matters.
        CertifiedKey a = SelfSignedCertificate.create(SelfSignedCertificate.newKeyPair("RSA"), List.of("a.example.test"),
                Instant.now(), Duration.ofDays(30));
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/a.pem"), PemFiles.certificatesPem(a.chain()));
        StringWriter pkcs1 = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pkcs1)) {
            writer.writeObject(a.key());
        }
        assertTrue(pkcs1.toString().startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        Files.writeString(dir.resolve("certs/a-key.pem"), pkcs1.toString());
        CertifiedKey wild = SelfSignedCertificate.create(List.of("*.wild.test"), Instant.now());
        TlsClients.writePem(wild, dir.resolve("certs"), "wild");

        Project project = ProjectLoader.load(TlsClients.mockProject(dir, DOMAINS)).project();
        GatewayTls tls = GatewayTls.selfSigned(project, "127.0.0.1", Instant.now());
        assertTrue(tls.warnings().isEmpty(), tls.warnings().toString());
        assertEquals(3, tls.certificates().size());
        assertEquals("a.example.test", tls.certificates().get(1).domain());
        assertEquals(a.fingerprint(), tls.certificates().get(1).fingerprint());
        X509Certificate fallback = PemFiles.readCertificateChain(dir.resolve(".gwemu/tls-cert.pem")).get(0);
        SSLContext trust = TlsClients.trusting(List.of(fallback, a.leaf(), wild.leaf()));
        try (GatewayServer server = GatewayServer.start(Gateway.create(project, Clock.systemUTC(), null), "127.0.0.1", 0,
                tls.context())) {
            int port = server.port();
            assertEquals(a.leaf(), TlsClients.servedFor(trust, port, "a.example.test"));
            assertEquals(wild.leaf(), TlsClients.servedFor(trust, port, "api.wild.test"));
            assertEquals(wild.leaf(), TlsClients.servedFor(trust, port, "other.wild.test"), "its wildcard covers siblings");
            assertEquals(fallback, TlsClients.servedFor(trust, port, "c.example.test"), "no certificate of its own");
            assertEquals(fallback, TlsClients.servedFor(trust, port, "unknown.test", false));
            assertEquals(fallback, TlsClients.servedFor(trust, port, null, false), "no SNI at all");
            assertEquals(fallback, TlsClients.servedFor(trust, port, "A.EXAMPLE.TEST.other", false));
            assertEquals(a.leaf(), TlsClients.servedFor(trust, port, "A.Example.Test"), "names are case-insensitive");

            String viaA = TlsClients.get(trust, port, "a.example.test", "/hello");
            assertTrue(viaA.startsWith("HTTP/1.1 200 ") && viaA.contains("{\"hello\": \"a.example.test\"}"), viaA);
            String viaWild = TlsClients.get(trust, port, "api.wild.test", "/hello");
            assertTrue(viaWild.startsWith("HTTP/1.1 200 ") && viaWild.contains("{\"hello\": \"api.wild.test\"}"), viaWild);

            // A client that trusts only the default certificate cannot be fooled into accepting it for a.example.test.
            SSLContext trustsDefaultOnly = TlsClients.trusting(List.of(fallback));
            assertThrows(SSLHandshakeException.class, () -> TlsClients.servedFor(trustsDefaultOnly, port, "a.example.test"));
        }
    }

    @Test
    void aDomainCertificateThatDoesNotNameItsDomainIsWarnedAbout() throws Exception {
        TlsClients.writePem(SelfSignedCertificate.create(List.of("elsewhere.test"), Instant.now()), dir.resolve("certs"), "a");
        TlsClients.writePem(SelfSignedCertificate.create(List.of("*.wild.test"), Instant.now()), dir.resolve("certs"), "wild");
        Project project = ProjectLoader.load(TlsClients.mockProject(dir, DOMAINS)).project();
        GatewayTls tls = GatewayTls.selfSigned(project, "127.0.0.1", Instant.now());
        assertEquals(List.of("domain a.example.test: " + dir.resolve("certs/a.pem") + " does not name a.example.test "
                + "(it names elsewhere.test): clients will refuse the connection"), tls.warnings());
    }

    @Test
    void aDomainKeyThatIsNotTheCertificatesStopsTheStartNamingTheDomain() throws Exception {
        TlsClients.writePem(SelfSignedCertificate.create(List.of("a.example.test"), Instant.now()), dir.resolve("certs"), "a");
        TlsClients.writePem(SelfSignedCertificate.create(List.of("*.wild.test"), Instant.now()), dir.resolve("certs"), "wild");
        Files.copy(dir.resolve("certs/wild-key.pem"), dir.resolve("certs/a-key.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Project project = ProjectLoader.load(TlsClients.mockProject(dir, DOMAINS)).project();
        TlsSetupException e = assertThrows(TlsSetupException.class, () -> GatewayTls.selfSigned(project, "127.0.0.1", Instant.now()));
        assertEquals("domain a.example.test: the private key in " + dir.resolve("certs/a-key.pem")
                + " does not belong to the certificate in " + dir.resolve("certs/a.pem") + " (CN=localhost,O=gwemu local development)",
                e.getMessage());
    }
}
