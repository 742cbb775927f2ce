package dev.gwemu.server.tls;

import dev.gwemu.config.DefinitionException;
import dev.gwemu.config.Problem;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.DomainSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** api.yaml's {@code certificate:} and {@code key:} of a custom domain: paths beside api.yaml, mistakes reported with their line. */
class DomainCertificateConfigTest {
    @TempDir
    Path dir;

    private List<String> problems(String domains) throws Exception {
        Path apiYaml = TlsClients.mockProject(dir, domains);
        DefinitionException e = assertThrows(DefinitionException.class, () -> ProjectLoader.load(apiYaml));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void certificateAndKeyAreReadRelativeToApiYaml() throws Exception {
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/api.pem"), "");
        Files.writeString(dir.resolve("certs/api-key.pem"), "");
        List<DomainSpec> domains = ProjectLoader.load(TlsClients.mockProject(dir, """
                domains:
                  - name: api.example.test
                    certificate: certs/api.pem
                    key: ./certs/api-key.pem
                    basePathMappings: [{api: hello, stage: dev}]
                  - name: plain.example.test
                    basePathMappings: [{api: hello, stage: dev}]
                """)).project().domains();
        assertEquals(dir.resolve("certs/api.pem"), domains.get(0).certificate());
        assertEquals(dir.resolve("certs/api-key.pem"), domains.get(0).key());
        assertNull(domains.get(1).certificate());
        assertNull(domains.get(1).key());
    }

    @Test
    void aCertificateWithoutItsKeyAMissingFileAndAMisspeltKeyAreLoadErrors() throws Exception {
        Files.writeString(dir.resolve("api.pem"), "");
        Path api = dir.resolve("api.yaml");
        assertEquals(List.of(
                api + ":5: /domains/0/certificate: a domain's certificate and key come together: add key: (a PEM file)",
                api + ":9: /domains/1/key: key file " + dir.resolve("nowhere-key.pem") + " does not exist",
                api + ":12: /domains/2/certficate: unknown key 'certficate' (known here: basePathMappings, certificate, key, name)"),
                problems("""
                        domains:
                          - name: a.example.test
                            certificate: api.pem
                            basePathMappings: [{api: hello, stage: dev}]
                          - name: b.example.test
                            certificate: api.pem
                            key: nowhere-key.pem
                            basePathMappings: [{api: hello, stage: dev}]
                          - name: c.example.test
                            certficate: api.pem
                            basePathMappings: [{api: hello, stage: dev}]
                        """));
    }
}
