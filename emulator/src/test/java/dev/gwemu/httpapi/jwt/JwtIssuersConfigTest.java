package dev.gwemu.httpapi.jwt;

import dev.gwemu.config.DefinitionException;
import dev.gwemu.config.Problem;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.JwtIssuerSpec;
import dev.gwemu.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** api.yaml's {@code jwtIssuers: [{issuer, jwks?}]}: what is read, and each mistake named with its line. */
class JwtIssuersConfigTest {
    @TempDir
    Path dir;

    private Path apiYaml(String text) throws Exception {
        return MinimalProject.write(dir, text);
    }

    @Test
    void readsIssuersWithAJwksFileOrUrlOrNone() throws Exception {
        Files.writeString(dir.resolve("keys.json"), "{\"keys\": []}");
        Project project = ProjectLoader.load(apiYaml("""
                jwtIssuers:
                  - issuer: https://shop.eu.auth0.com/
                  - issuer: http://localhost:8080/realms/shop
                    jwks: keys.json
                  - {issuer: https://login.example.com, jwks: https://login.example.com/keys}
                """)).project();

        assertEquals(List.of(new JwtIssuerSpec("https://shop.eu.auth0.com/", null),
                new JwtIssuerSpec("http://localhost:8080/realms/shop", dir.resolve("keys.json").toString()),
                new JwtIssuerSpec("https://login.example.com", "https://login.example.com/keys")),
                project.security().jwtIssuers());
    }

    @Test
    void noJwtIssuersIsAnEmptyList() throws Exception {
        assertEquals(List.of(), ProjectLoader.load(apiYaml("")).project().security().jwtIssuers());
    }

    @Test
    void eachMistakeIsNamedWithItsLine() throws Exception {
        DefinitionException e = assertThrows(DefinitionException.class, () -> ProjectLoader.load(apiYaml("""
                userPools:
                  - {name: main, id: us-east-1_AbCdEf123}
                jwtIssuers:
                  - issuer: accounts.google.com
                  - issuer: https://shop.eu.auth0.com/
                  - issuer: https://shop.eu.auth0.com/
                  - issuer: https://login.example.com
                    jwks: missing.json
                  - {issuer: https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123}
                  - {issuer: https://other.example.com, audience: [a]}
                  - just-a-string
                  - {jwks: keys.json}
                """)));
        String message = e.getMessage();
        for (String expected : List.of(
                "an issuer is the http(s) URL its tokens name in 'iss', e.g. https://example.auth0.com/, got 'accounts.google.com'",
                "issuer https://shop.eu.auth0.com/ is listed twice",
                "JWKS file " + dir.resolve("missing.json") + " does not exist",
                "issuer https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123 is user pool main's",
                "unknown key 'audience' (known here: issuer, jwks)",
                "expected a mapping with issuer, jwks",
                "got ''")) {
            assertTrue(message.contains(expected), "missing '" + expected + "' in:\n" + message);
        }
        assertEquals(8, e.problems().size(), message);
        for (Problem problem : e.problems()) {
            assertTrue(problem.line() > 0, "no line for " + problem);
        }
    }

    @Test
    void jwtIssuersMustBeAList() throws Exception {
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> ProjectLoader.load(apiYaml("jwtIssuers: {issuer: https://a.example.com}\n")));
        assertTrue(e.getMessage().contains("jwtIssuers are a list of {issuer, jwks}"), e.getMessage());
    }
}
