package dev.gwemu.cli;

import dev.gwemu.server.tls.CertifiedKey;
import dev.gwemu.server.tls.PemFiles;
import dev.gwemu.server.tls.SelfSignedCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Security;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gwemu start --tls} and {@code --cert/--key} as a user runs them: a separate JVM, real HTTPS clients. */
class StartTlsCommandTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private final GwemuProcesses processes = new GwemuProcesses();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        processes.close();
    }

    private Process gwemu(List<String> jvmOptions, String... args) throws IOException {
        return processes.start(jvmOptions, args);
    }

    /** The banner lines up to "serving on", and the port from that line (-1 when the process ended first). */
    private static int readBanner(Process p, List<String> lines) throws IOException {
        return GwemuProcesses.servingPort(
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)), lines);
    }

    private Path weatherCopy() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("sample-apis/weather"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir.resolve("api.yaml");
    }

    private static HttpClient trusting(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("gwemu", PemFiles.readCertificateChain(pem).get(0));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    @Test
    void tlsServesTheSampleOverHttp2AndPrintsTheCertificateToTrust() throws Exception {
        Path apiYaml = weatherCopy();
        List<String> lines = new ArrayList<>();
        int port = readBanner(gwemu(List.of(), "start", "--tls", "--port", "0", apiYaml.toString()), lines);
        assertTrue(port > 0, "no 'serving on https' line in " + lines);
        assertTrue(lines.contains("https://127.0.0.1:" + port + "/prod  (weather-v1, stage prod)"), lines.toString());
        assertTrue(lines.contains("https://weatherv02.execute-api.localhost:" + port + "/prod  (weather-v2, stage prod)"), lines.toString());
        assertTrue(lines.contains("https://weather.example.test:" + port + "/v1  (weather-v1, stage prod; custom domain: "
                + "curl --resolve weather.example.test:" + port + ":127.0.0.1)"), lines.toString());

        Path pem = dir.resolve(".gwemu/tls-cert.pem");
        CertifiedKey generated = PemFiles.read(pem, dir.resolve(".gwemu/tls-key.pem"));
        assertTrue(lines.contains("gwemu: HTTPS certificate " + pem + " SHA-256 " + generated.fingerprint()), lines.toString());
        assertTrue(generated.fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), generated.fingerprint());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("gwemu: made a self-signed certificate for localhost, ")), lines.toString());

        HttpResponse<String> response = trusting(pem).send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + port + "/prod/forecast/paris")).header("x-api-key", "alice-gold-key-0123456789").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(HttpClient.Version.HTTP_2, response.version());
        assertTrue(response.body().contains("\"city\": \"paris\""), response.body());
    }

    /**
     * The JVM gwemu runs in is told to allow TLS 1.0 and 1.1 again, so only gwemu's own protocol list can
     * refuse them; a TLS 1.2 hello in the same way shows the probe is answered when the version is acceptable.
     */
    @Test
    void tls11IsRefusedEvenWhereTheJvmAllowsIt() throws Exception {
        String disabled = Arrays.stream(Security.getProperty("jdk.tls.disabledAlgorithms").split(","))
                .map(String::trim).filter(a -> !a.equals("TLSv1") && !a.equals("TLSv1.1")).collect(Collectors.joining(", "));
        Path policy = Files.writeString(dir.resolve("allow-tls11.security"), "jdk.tls.disabledAlgorithms=" + disabled + "\n");
        Path apiYaml = weatherCopy();
        List<String> lines = new ArrayList<>();
        int port = readBanner(gwemu(List.of("-Djava.security.properties=" + policy), "start", "--tls", "--port", "0",
                apiYaml.toString()), lines);
        assertTrue(port > 0, "no 'serving on https' line in " + lines);
        assertEquals("ServerHello 0303", ClientHelloProbe.answer(port, ClientHelloProbe.TLS_1_2));
        assertEquals(ClientHelloProbe.refusal(), ClientHelloProbe.answer(port, ClientHelloProbe.TLS_1_1));
    }

    @Test
    void certAndKeyFilesAreServedAndAMismatchedKeyIsRefusedNamingBothFiles() throws Exception {
        Path apiYaml = weatherCopy();
        CertifiedKey mine = SelfSignedCertificate.create(List.of("localhost", "127.0.0.1"), Instant.now());
        Path cert = Files.writeString(dir.resolve("my-cert.pem"), PemFiles.certificatesPem(mine.chain()));
        Path key = Files.writeString(dir.resolve("my-key.pem"), PemFiles.privateKeyPem(mine.key()));
        List<String> lines = new ArrayList<>();
        int port = readBanner(gwemu(List.of(), "start", "--cert", cert.toString(), "--key", key.toString(), "--port", "0",
                apiYaml.toString()), lines);
        assertTrue(port > 0, "no 'serving on https' line in " + lines);
        assertTrue(lines.contains("gwemu: HTTPS certificate " + cert + " SHA-256 " + mine.fingerprint()), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("gwemu: warning: domain weather.example.test has no certificate of its own")),
                lines.toString());
        assertFalse(Files.exists(dir.resolve(".gwemu")), "with --cert no certificate is made");
        HttpResponse<String> response = trusting(cert).send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + port + "/prod/forecast/paris")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode(), "served (and refused for want of an API key): " + response.body());
        processes.close();

        Path otherKey = Files.writeString(dir.resolve("other-key.pem"),
                PemFiles.privateKeyPem(SelfSignedCertificate.newKeyPair("EC").getPrivate()));
        Process mismatched = gwemu(List.of(), "start", "--cert", cert.toString(), "--key", otherKey.toString(), "--port", "0",
                apiYaml.toString());
        String output = new String(mismatched.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(mismatched.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, mismatched.exitValue(), output);
        assertTrue(output.contains("gwemu: cannot serve HTTPS: the private key in " + otherKey
                + " does not belong to the certificate in " + cert), output);
    }

    @Test
    void certWithoutKeyIsAUsageError() throws Exception {
        Process p = gwemu(List.of(), "start", "--cert", dir.resolve("cert.pem").toString(), "--port", "0", weatherCopy().toString());
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), output);
        assertTrue(output.contains("--cert and --key go together"), output);
    }

    /** The warning comes before anything is bound: a project that cannot load still shows it, and nothing listens. */
    @Test
    void aNonLoopbackHostIsWarnedAbout() throws Exception {
        Path broken = Files.writeString(dir.resolve("api.yaml"), "apis: []\n");
        Process p = gwemu(List.of(), "start", "--host", "0.0.0.0", "--port", "0", broken.toString());
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(output.contains("gwemu: warning: listening on 0.0.0.0 makes gwemu reachable from other machines"), output);

        Process local = gwemu(List.of(), "start", "--host", "localhost", "--port", "0", broken.toString());
        String quiet = new String(local.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(local.waitFor(30, TimeUnit.SECONDS));
        assertFalse(quiet.contains("reachable from other machines"), quiet);
    }
}
