package dev.gwemu.server.tls;

import dev.gwemu.Gateway;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.Project;
import dev.gwemu.server.GatewayServer;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state folder's certificate: made once, served again after a restart, made anew when the project outgrows it. */
class SelfSignedCertificateLifecycleTest {
    private static final List<String> LOCAL = GatewayTls.LOCAL_NAMES;

    @TempDir
    Path dir;

    /** Starts the project over HTTPS, returns the certificate a client sees for {@code host}, and stops. */
    private static X509Certificate servedAfterStart(Path apiYaml, String host) throws Exception {
        Project project = ProjectLoader.load(apiYaml).project();
        GatewayTls tls = GatewayTls.selfSigned(project, "127.0.0.1", Instant.now());
        try (GatewayServer server = GatewayServer.start(Gateway.create(project, Clock.systemUTC(), null), "127.0.0.1", 0,
                tls.context())) {
            return TlsClients.servedFor(TlsClients.trusting(project.stateDir().resolve("tls-cert.pem")), server.port(), host);
        }
    }

    @Test
    void aRestartServesTheSameCertificateAndANewDomainGetsANewOne() throws Exception {
        Path apiYaml = TlsClients.copyProject(TestPaths.PROJECT_ROOT.resolve("sample-apis/weather"), dir);
        X509Certificate first = servedAfterStart(apiYaml, "weather.example.test");
        X509Certificate again = servedAfterStart(apiYaml, "weather.example.test");
        assertEquals(CertifiedKey.fingerprint(first), CertifiedKey.fingerprint(again), "a restart reuses the certificate a user has trusted");

        Files.writeString(apiYaml, Files.readString(apiYaml) + """
                  - name: storms.example.test
                    basePathMappings:
                      - {api: weather-v2, stage: prod}
                """);
        X509Certificate widened = servedAfterStart(apiYaml, "storms.example.test"); // the client checks the new name
        assertNotEquals(CertifiedKey.fingerprint(first), CertifiedKey.fingerprint(widened));
        assertTrue(CertificateNames.of(widened).covers("weather.example.test"), "the old names stay");
        assertEquals(CertifiedKey.fingerprint(widened), CertifiedKey.fingerprint(servedAfterStart(apiYaml, "storms.example.test")));
    }

    @Test
    void theFilesArePemWithAnOwnerOnlyKeyAndNameTheLocalHosts() throws Exception {
        Path state = dir.resolve(".gwemu");
        StateFolderCertificate.Obtained made = StateFolderCertificate.obtain(state, LOCAL, Instant.now());
        assertTrue(made.generated());
        assertNull(made.replaced());
        assertEquals(state.resolve("tls-cert.pem"), made.file());
        assertTrue(Files.readString(state.resolve("tls-cert.pem")).startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(Files.readString(state.resolve("tls-key.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
        if (Files.getFileStore(state).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("tls-key.pem"))));
        }
        X509Certificate leaf = made.key().leaf();
        assertEquals("CN=localhost,O=gwemu local development", leaf.getSubjectX500Principal().getName());
        assertEquals("SHA256withECDSA", leaf.getSigAlgName());
        CertificateNames names = made.key().names();
        for (String host : List.of("localhost", "abc123defg.execute-api.localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1")) {
            assertTrue(names.covers(host), host);
        }
        assertFalse(names.covers("example.test"));
        long days = Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()).toDays();
        assertTrue(days >= 365 && days <= 366, days + " days");
        try (var files = Files.list(state)) {
            assertEquals(2, files.filter(f -> !f.endsWith(".gitignore")).count(), "no temporary files left behind");
        }
    }

    @Test
    void anExpiringOrUnreadableCertificateIsMadeAgain() throws Exception {
        Path state = dir.resolve(".gwemu");
        Instant now = Instant.now();
        String original = StateFolderCertificate.obtain(state, LOCAL, now).key().fingerprint();
        StateFolderCertificate.Obtained later = StateFolderCertificate.obtain(state, LOCAL, now.plus(Duration.ofDays(300)));
        assertFalse(later.generated());
        assertEquals(original, later.key().fingerprint());

        StateFolderCertificate.Obtained renewed = StateFolderCertificate.obtain(state, LOCAL, now.plus(Duration.ofDays(365)));
        assertTrue(renewed.generated(), "a day before it expires it is made again");
        assertTrue(renewed.replaced().startsWith("it expires "), renewed.replaced());

        Files.writeString(state.resolve("tls-key.pem"), "not a key");
        StateFolderCertificate.Obtained repaired = StateFolderCertificate.obtain(state, LOCAL, now);
        assertTrue(repaired.generated());
        assertNotNull(repaired.replaced());
        assertTrue(repaired.replaced().contains("tls-key.pem"), repaired.replaced());
        assertTrue(repaired.key().keyMatchesCertificate());
        assertFalse(StateFolderCertificate.obtain(state, LOCAL, now).generated(), "the repaired pair is read back");
    }

    @Test
    void theNamesGatewayTlsAsksForIncludeASpecificBindAddressButNotTheWildcardOne() throws Exception {
        Path apiYaml = TlsClients.copyProject(TestPaths.PROJECT_ROOT.resolve("sample-apis/weather"), dir);
        Project project = ProjectLoader.load(apiYaml).project();
        GatewayTls everywhere = GatewayTls.selfSigned(project, "0.0.0.0", Instant.now());
        assertTrue(everywhere.notices().get(0).startsWith("made a self-signed certificate for localhost, "
                + "*.execute-api.localhost, 127.0.0.1, ::1, weather.example.test"), everywhere.notices().toString());
        CertificateNames names = PemFiles.read(dir.resolve(".gwemu/tls-cert.pem"), dir.resolve(".gwemu/tls-key.pem")).names();
        assertFalse(names.covers("0.0.0.0"));

        GatewayTls lan = GatewayTls.selfSigned(project, "192.0.2.10", Instant.now());
        assertTrue(lan.certificates().get(0).generated());
        assertTrue(lan.notices().get(0).contains("(the previous one was replaced: it does not name 192.0.2.10)"), lan.notices().toString());
        GatewayTls back = GatewayTls.selfSigned(project, "127.0.0.1", Instant.now());
        assertFalse(back.certificates().get(0).generated(), "a certificate naming more hosts than needed is kept");
        assertTrue(back.notices().isEmpty());
        assertTrue(back.warnings().isEmpty(), back.warnings().toString());
    }
}
