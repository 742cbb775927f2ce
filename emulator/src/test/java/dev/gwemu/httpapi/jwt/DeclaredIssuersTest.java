package dev.gwemu.httpapi.jwt;

import dev.gwemu.auth.cognito.JwksLoadException;
import dev.gwemu.auth.cognito.JwtTokenRequest;
import dev.gwemu.auth.cognito.LocalIssuer;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.HttpAuthorizerSpec;
import dev.gwemu.model.Project;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.gwemu.httpapi.jwt.Refusals.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issuers api.yaml declares, through {@link JwtAuthorizer#of}: a user pool without jwks and a jwtIssuers entry without
 * jwks both trust the project's local issuer (what {@code gwemu token} signs with); a pool with a JWKS file trusts it.
 */
class DeclaredIssuersTest {
    static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    static final String POOL_ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123";
    static final String FILE_POOL_ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_File00001";
    static final String AUTH0 = "https://shop.eu.auth0.com/";

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(NOW);
    Project project;
    RsaTestKey poolKey;

    @BeforeEach
    void project() throws Exception {
        poolKey = new RsaTestKey("pool-key");
        poolKey.writeJwks(dir.resolve("pool-jwks.json"));
        MinimalProject.write(dir, """
                userPools:
                  - {name: main, id: us-east-1_AbCdEf123, clientIds: [spa]}
                  - {name: real, id: eu-west-1_File00001, jwks: pool-jwks.json}
                jwtIssuers:
                  - issuer: %s
                """.formatted(AUTH0));
        project = ProjectLoader.load(dir.resolve("api.yaml")).project();
    }

    private static HttpAuthorizerSpec spec(String issuer) {
        return new HttpAuthorizerSpec("jwt", "jwt001", HttpAuthorizerSpec.Type.JWT,
                List.of(HttpAuthorizerSpec.DEFAULT_JWT_IDENTITY_SOURCE), issuer, List.of("spa"), null, null, false, 0);
    }

    private String localToken(String issuer) throws Exception {
        return LocalIssuer.open(project.stateDir(), clock)
                .issue(new JwtTokenRequest(issuer, "alice", List.of("spa"), null, List.of("orders/read"), Duration.ofHours(1)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> claims(Map<String, Object> authorizer) {
        return (Map<String, String>) ((Map<String, Object>) authorizer.get("jwt")).get("claims");
    }

    @Test
    void aUserPoolWithoutJwksTrustsTheLocalIssuer() throws Exception {
        JwtAuthorizer authorizer = JwtAuthorizer.of(project, clock);

        Map<String, Object> result = authorizer.authorize(spec(POOL_ISSUER), List.of("orders/read"),
                Requests.withHeader("Authorization", "Bearer " + localToken(POOL_ISSUER)));

        assertEquals("alice", claims(result).get("sub"));
        assertEquals(POOL_ISSUER, claims(result).get("iss"));
        assertTrue(Files.isRegularFile(project.stateDir().resolve(LocalIssuer.KEY_FILE)));
    }

    @Test
    void aJwtIssuerWithoutJwksTrustsTheLocalIssuer() throws Exception {
        JwtAuthorizer authorizer = JwtAuthorizer.of(project, clock);

        Map<String, Object> result = authorizer.authorize(spec(AUTH0), List.of(),
                Requests.withHeader("Authorization", localToken(AUTH0)));

        assertEquals(String.valueOf(NOW.getEpochSecond() + 3600), claims(result).get("exp"));
        assertEquals("orders/read", claims(result).get("scope"));
    }

    @Test
    void aPoolWithAJwksFileTrustsItsKeysOnly() throws Exception {
        JwtAuthorizer authorizer = JwtAuthorizer.of(project, clock);
        String byPool = poolKey.sign("{\"sub\":\"bob\",\"iss\":\"" + FILE_POOL_ISSUER + "\",\"client_id\":\"spa\",\"exp\":"
                + (NOW.getEpochSecond() + 60) + "}");

        assertEquals("bob", claims(authorizer.authorize(spec(FILE_POOL_ISSUER), List.of(),
                Requests.withHeader("Authorization", byPool))).get("sub"));
        String local = localToken(FILE_POOL_ISSUER);
        assertUnauthorized("the token does not have a valid kid", () -> authorizer.authorize(spec(FILE_POOL_ISSUER), List.of(),
                Requests.withHeader("Authorization", local)));
    }

    @Test
    void aLocalTokenForAnotherDeclaredIssuerHasTheWrongIssuer() throws Exception {
        JwtAuthorizer authorizer = JwtAuthorizer.of(project, clock);
        String forPool = localToken(POOL_ISSUER);

        assertUnauthorized("the token does not have a valid issuer", () -> authorizer.authorize(spec(AUTH0), List.of(),
                Requests.withHeader("Authorization", forPool)));
    }

    @Test
    void withoutALocalIssuerDeclaredIssuersWithoutJwksTrustNoKey() throws Exception {
        JwtAuthorizer authorizer = new JwtAuthorizer(project.security().userPools(), project.security().jwtIssuers(), dir,
                null, clock);
        String token = localToken(AUTH0);

        assertUnauthorized("the token does not have a valid kid", () -> authorizer.authorize(spec(AUTH0), List.of(),
                Requests.withHeader("Authorization", token)));
    }

    @Test
    void aJwksFileWithoutAnRsaKeyFailsTheLoadNamingIt() throws Exception {
        Files.writeString(dir.resolve("pool-jwks.json"), "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"h\",\"k\":\"c2VjcmV0\"}]}");

        JwksLoadException e = assertThrows(JwksLoadException.class, () -> JwtAuthorizer.of(project, clock));
        assertTrue(e.getMessage().contains("pool-jwks.json has no RSA signing key with a kid"), e.getMessage());
    }
}
