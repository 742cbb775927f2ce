package dev.gwemu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.gwemu.auth.cognito.CognitoAuthenticator;
import dev.gwemu.auth.cognito.LocalIssuer;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.httpapi.jwt.JwtAuthorizer;
import dev.gwemu.model.HttpAuthorizerSpec;
import dev.gwemu.model.Method;
import dev.gwemu.model.MethodAuthorization;
import dev.gwemu.model.Project;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gwemu token} run in-process against a project with a local pool, a pool with its own JWKS, and two guarded methods. */
class TokenCommandTest {
    private static final String POOL_ARN = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123";

    @TempDir
    Path dir;
    Path api;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void project() throws Exception {
        Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.0.1
                info: {title: pets, version: '1'}
                components:
                  securitySchemes:
                    pool:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authtype: cognito_user_pools
                      x-amazon-apigateway-authorizer:
                        type: cognito_user_pools
                        providerARNs: [%s]
                paths:
                  /me:
                    get:
                      security: [{pool: []}]
                      responses: {'200': {description: ok}}
                      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}, responses: {default: {statusCode: '200'}}}
                  /pets:
                    get:
                      security: [{pool: [pets/read]}]
                      responses: {'200': {description: ok}}
                      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}, responses: {default: {statusCode: '200'}}}
                """.formatted(POOL_ARN));
        // a real IdP's public key: the pool and issuer that use it cannot be signed for by gwemu
        Files.writeString(dir.resolve("jwks.json"), new JWKSet(new RSAKeyGenerator(2048)
                .keyID("idp-key").generate().toPublicJWK()).toString());
        api = Files.writeString(dir.resolve("api.yaml"), """
                apis: [{name: pets, definition: openapi.yaml, stages: {dev: {}}}]
                userPools:
                  - {name: main, id: us-east-1_AbCdEf123, clientIds: [4abc5def]}
                  - {name: staging, id: us-east-1_Stage0001}
                  - {name: real, id: eu-west-1_Real00001, jwks: jwks.json}
                jwtIssuers:
                  - issuer: https://shop.eu.auth0.com/
                  - {issuer: https://login.example.com, jwks: jwks.json}
                """);
    }

    private int run(String... args) {
        CommandLine gwemu = GwemuCommand.commandLine();
        gwemu.setOut(new PrintWriter(out, true));
        gwemu.setErr(new PrintWriter(err, true));
        return gwemu.execute(args);
    }

    /** What gwemu start would hand the method's integration, checked the way it checks. */
    private Map<String, String> authenticate(String token, String path) throws Exception {
        Project project = ProjectLoader.load(api).project();
        Method method = project.apis().get(0).resources().stream().filter(r -> r.path().equals(path)).findFirst()
                .orElseThrow().methods().get("GET");
        MethodAuthorization authorization = method.authorization();
        CognitoAuthenticator authenticator = new CognitoAuthenticator(project.security().userPools().stream()
                .filter(p -> p.jwks() == null).toList(), dir, LocalIssuer.open(project.stateDir()), Clock.systemUTC());
        return authenticator.authenticate(authorization.authorizer(), token, authorization.scopes());
    }

    private String printedToken() {
        String printed = out.toString();
        assertTrue(printed.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\R"), "not just a token: " + printed);
        return printed.strip();
    }

    @Test
    void printsOnlyAnIdTokenTheMethodWithoutScopesAccepts() throws Exception {
        int status = run("token", "--pool", "main", "--sub", "alice", "--groups", "admin,dev", "--email", "alice@example.com",
                api.toString());

        assertEquals(0, status, err.toString());
        assertEquals("", err.toString());
        Map<String, String> claims = authenticate(printedToken(), "/me");
        assertEquals("alice", claims.get("sub"));
        assertEquals("admin,dev", claims.get("cognito:groups"));
        assertEquals("4abc5def", claims.get("aud"));
        assertEquals("alice@example.com", claims.get("email"));
        assertEquals("id", claims.get("token_use"));
        assertTrue(Files.isRegularFile(dir.resolve(".gwemu").resolve(LocalIssuer.KEY_FILE)));
    }

    @Test
    void aScopeMakesAnAccessTokenTheScopedMethodAccepts() throws Exception {
        assertEquals(0, run("token", "--pool", "main", "--sub", "alice", "--scope", "pets/read pets/write", api.toString()), err.toString());

        String token = printedToken();
        Map<String, String> claims = authenticate(token, "/pets");
        assertEquals("access", claims.get("token_use"));
        assertEquals("pets/read pets/write", claims.get("scope"));
        assertThrows(GatewayException.class, () -> authenticate(token, "/me"));
    }

    @Test
    void theTokenLivesForTtl() throws Exception {
        assertEquals(0, run("token", "--pool", "staging", "--sub", "bob", "--ttl", "1h30m", api.toString()), err.toString());

        JsonNode claims = new ObjectMapper().readTree(JWSObject.parse(printedToken()).getPayload().toString());
        assertEquals(5400, claims.get("exp").asLong() - claims.get("iat").asLong());
        assertEquals("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Stage0001", claims.get("iss").asText());
    }

    @Test
    void twoRunsSignWithTheSameKey() throws Exception {
        run("token", "--pool", "main", "--sub", "alice", api.toString());
        String first = JWSObject.parse(out.toString().strip()).getHeader().getKeyID();
        out.getBuffer().setLength(0);

        run("token", "--pool", "staging", "--sub", "bob", "--type", "access", api.toString());

        assertEquals(first, JWSObject.parse(printedToken()).getHeader().getKeyID());
    }

    @Test
    void anUnknownPoolIsAUsageErrorNamingTheKnownOnes() {
        assertEquals(2, run("token", "--pool", "mian", "--sub", "alice", api.toString()));

        assertEquals("", out.toString());
        assertTrue(err.toString().contains("no user pool named 'mian'; its pools: main, staging, real"), err.toString());
    }

    @Test
    void aPoolWithItsOwnJwksCannotBeSignedFor() {
        assertEquals(2, run("token", "--pool", "real", "--sub", "alice", api.toString()));

        assertEquals("", out.toString());
        assertTrue(err.toString().contains("user pool real verifies tokens with " + dir.resolve("jwks.json")), err.toString());
    }

    @Test
    void badOptionsAreUsageErrors() {
        for (String[] args : List.of(
                new String[]{"--ttl", "soon"}, new String[]{"--ttl", "0s"}, new String[]{"--ttl", "PT0.5S"},
                new String[]{"--type", "refresh"}, new String[]{"--type", "id", "--scope", "pets/read"},
                new String[]{"--type", "access", "--email", "a@example.com"})) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            List<String> command = new java.util.ArrayList<>(List.of("token", "--pool", "main", "--sub", "alice", api.toString()));
            command.addAll(List.of(args));

            assertEquals(2, run(command.toArray(String[]::new)), String.join(" ", args) + ": " + err);
            assertEquals("", out.toString(), String.join(" ", args));
            assertTrue(err.toString().startsWith("gwemu token: ") || err.toString().contains("Invalid value for option"),
                    String.join(" ", args) + ": " + err);
        }
    }

    @Test
    void aProjectThatDoesNotLoadExitsWith1() throws Exception {
        Files.writeString(api, "apis: []\nuserPools: 7\n");

        assertEquals(1, run("token", "--pool", "main", "--sub", "alice", api.toString()));
        assertTrue(err.toString().startsWith("gwemu token: cannot load " + api), err.toString());
    }

    /** What an HTTP API route guarded by a JWT authorizer of {@code issuer} would hand its integration. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> authorizeJwt(String token, String issuer, List<String> audience, List<String> routeScopes)
            throws Exception {
        Project project = ProjectLoader.load(api).project();
        HttpAuthorizerSpec spec = new HttpAuthorizerSpec("jwt", "jwt001", HttpAuthorizerSpec.Type.JWT,
                List.of(HttpAuthorizerSpec.DEFAULT_JWT_IDENTITY_SOURCE), issuer, audience, null, null, false, 0);
        HttpRequest request = new HttpRequest("GET", "/orders", "", new HeaderList().add("Authorization", "Bearer " + token),
                new byte[0], "127.0.0.1", "HTTP/1.1", "http", 3000);
        return (Map<String, Object>) JwtAuthorizer.of(project, Clock.systemUTC()).authorize(spec, routeScopes, request).get("jwt");
    }

    @Test
    void anIssuerTokenIsAcceptedByAJwtAuthorizerOfThatIssuer() throws Exception {
        String issuer = "https://shop.eu.auth0.com/";
        assertEquals(0, run("token", "--issuer", issuer, "--audience", "orders-api", "--audience", "admin-api", "--sub", "alice",
                "--scope", "orders/read orders/write", "--ttl", "15m", api.toString()), err.toString());

        String token = printedToken();
        Map<String, Object> jwt = authorizeJwt(token, issuer, List.of("orders-api"), List.of("orders/write"));
        Map<String, String> claims = (Map<String, String>) jwt.get("claims");
        assertEquals(issuer, claims.get("iss"));
        assertEquals("alice", claims.get("sub"));
        assertEquals("[orders-api admin-api]", claims.get("aud"));
        assertEquals(List.of("orders/read", "orders/write"), jwt.get("scopes"));
        assertEquals(900, Long.parseLong(claims.get("exp")) - Long.parseLong(claims.get("iat")));
        assertEquals(LocalIssuer.open(dir.resolve(".gwemu")).keyId(), JWSObject.parse(token).getHeader().getKeyID());
    }

    @Test
    void aClientIdTokenForAUserPoolIssuerIsAcceptedToo() throws Exception {
        String issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123";
        assertEquals(0, run("token", "--issuer", issuer, "--client-id", "4abc5def", "--sub", "bob", api.toString()), err.toString());

        Map<String, Object> jwt = authorizeJwt(printedToken(), issuer, List.of("4abc5def"), List.of());
        assertEquals("4abc5def", ((Map<String, String>) jwt.get("claims")).get("client_id"));
    }

    @Test
    void anIssuerGwemuCannotSignForIsAUsageError() {
        assertEquals(2, run("token", "--issuer", "https://unknown.example.com", "--audience", "a", "--sub", "alice", api.toString()));
        assertTrue(err.toString().contains("does not declare issuer https://unknown.example.com, so gwemu start would fetch its keys"
                + " from https://unknown.example.com/.well-known/openid-configuration; declare it under 'jwtIssuers:'"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, run("token", "--issuer", "https://login.example.com", "--audience", "a", "--sub", "alice", api.toString()));
        assertTrue(err.toString().contains("issuer https://login.example.com verifies tokens with " + dir.resolve("jwks.json")),
                err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, run("token", "--issuer", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Real00001",
                "--audience", "a", "--sub", "alice", api.toString()));
        assertTrue(err.toString().contains("is user pool real, which verifies tokens with"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void issuerAndPoolOptionsDoNotMix() {
        String issuer = "https://shop.eu.auth0.com/";
        for (String[] args : List.of(
                new String[]{"--pool", "main", "--issuer", issuer, "--audience", "a"},
                new String[]{"--sub", "bob"},
                new String[]{"--issuer", issuer},
                new String[]{"--issuer", issuer, "--audience", "a", "--groups", "admin"},
                new String[]{"--issuer", issuer, "--audience", "a", "--type", "access"},
                new String[]{"--issuer", issuer, "--audience", "a", "--email", "a@example.com"},
                new String[]{"--pool", "main", "--audience", "a"},
                new String[]{"--pool", "main", "--client-id", "c"})) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            List<String> command = new ArrayList<>(List.of("token", "--sub", "alice", api.toString()));
            command.addAll(List.of(args));

            assertEquals(2, run(command.toArray(String[]::new)), String.join(" ", args) + ": " + err);
            assertEquals("", out.toString(), String.join(" ", args));
        }
    }

    @Test
    void helpReadsLikeAManPage() {
        assertEquals(0, run("token", "--help"));

        String help = out.toString();
        for (String part : List.of("Usage: gwemu token", "TOKEN=$(gwemu token --pool main --sub alice)", "--pool=NAME",
                "--issuer=URL", "--audience=AUD", "--client-id=ID", "jwtIssuers:", "gwemu token --issuer https://shop.eu.auth0.com/ --audience orders-api",
                "--scope=SCOPES", "--ttl=DURATION", "Exit codes:", "Examples:")) {
            assertTrue(help.contains(part), part + " missing from:\n" + help);
        }
    }
}
