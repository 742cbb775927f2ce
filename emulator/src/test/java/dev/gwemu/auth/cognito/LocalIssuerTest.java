package dev.gwemu.auth.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.gwemu.model.UserPoolSpec;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static dev.gwemu.auth.cognito.CognitoAuthenticatorTest.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The project's own token issuer: its key file, and tokens shaped like Cognito's. */
class LocalIssuerTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(NOW);

    @Test
    void theKeyIsMadeOnceAndKeptAcrossOpens() throws Exception {
        Path state = dir.resolve("project/.gwemu");
        LocalIssuer first = LocalIssuer.open(state, clock);
        String token = first.issue(Pools.LOCAL, TokenRequest.id("alice"));
        byte[] keyFile = Files.readAllBytes(state.resolve("cognito-signing-key.json"));

        LocalIssuer second = LocalIssuer.open(state, clock);

        assertEquals(first.keyId(), second.keyId());
        assertEquals(new String(keyFile), Files.readString(second.keyFile()));
        CognitoAuthenticator restarted = new CognitoAuthenticator(List.of(Pools.LOCAL), dir, second, clock);
        assertEquals("alice", restarted.authenticate(Pools.authorizer(Pools.LOCAL), token, List.of()).get("sub"));
    }

    @Test
    void anotherProjectHasAnotherKey() throws IOException {
        LocalIssuer one = LocalIssuer.open(dir.resolve("a/.gwemu"), clock);
        LocalIssuer other = LocalIssuer.open(dir.resolve("b/.gwemu"), clock);

        assertNotEquals(one.keyId(), other.keyId());
        String token = other.issue(Pools.LOCAL, TokenRequest.id("alice"));
        CognitoAuthenticator authenticator = new CognitoAuthenticator(List.of(Pools.LOCAL), dir, one, clock);
        assertThrows(dev.gwemu.pipeline.GatewayException.class,
                () -> authenticator.authenticate(Pools.authorizer(Pools.LOCAL), token, List.of()));
    }

    @Test
    void theKeyFileIsAPrivateRs256JwkOnlyItsOwnerCanRead() throws Exception {
        LocalIssuer issuer = LocalIssuer.open(dir.resolve(".gwemu"), clock);

        RSAKey key = RSAKey.parse(Files.readString(issuer.keyFile()));
        assertTrue(key.isPrivate());
        assertEquals(2048, key.size());
        assertEquals(KeyUse.SIGNATURE, key.getKeyUse());
        assertEquals(JWSAlgorithm.RS256, key.getAlgorithm());
        assertEquals(issuer.keyId(), key.getKeyID());
        assertTrue(issuer.keyId().matches("[A-Za-z0-9+/]{43}="), issuer.keyId()); // as Cognito's kids look
        assertFalse(issuer.publicKeys().getKeys().get(0).isPrivate());
        try (var leftovers = Files.list(dir.resolve(".gwemu"))) {
            assertEquals(List.of(issuer.keyFile()), leftovers.filter(f -> !f.endsWith(".gitignore")).toList());
        }
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(issuer.keyFile())));
    }

    @Test
    void aKeyFileThatIsNotAPrivateKeyFailsNamingIt() throws Exception {
        Path state = Files.createDirectories(dir.resolve(".gwemu"));
        Path keyFile = state.resolve(LocalIssuer.KEY_FILE);

        Files.writeString(keyFile, "{not json");
        IOException garbled = assertThrows(IOException.class, () -> LocalIssuer.open(state, clock));
        assertTrue(garbled.getMessage().contains(keyFile.toString()), garbled.getMessage());

        Files.writeString(keyFile, new TestSigner("public-only").key.toPublicJWK().toJSONString());
        IOException publicOnly = assertThrows(IOException.class, () -> LocalIssuer.open(state, clock));
        assertTrue(publicOnly.getMessage().contains("no RSA private key"), publicOnly.getMessage());
    }

    @Test
    void anIdTokenHasCognitosHeaderAndClaimsInCognitosOrder() throws Exception {
        LocalIssuer issuer = LocalIssuer.open(dir.resolve(".gwemu"), clock);
        UserPoolSpec pool = new UserPoolSpec("main", "eu-west-1_AbCdEf123", null, List.of("4abc5def", "second"));

        JWSObject token = JWSObject.parse(issuer.issue(pool, new TokenRequest(TokenUse.ID, "0a1b2c3d", "alice",
                List.of("admin"), List.of(), "alice@example.com", Duration.ofMinutes(30))));

        assertEquals(JWSAlgorithm.RS256, token.getHeader().getAlgorithm());
        assertEquals(issuer.keyId(), token.getHeader().getKeyID());
        JsonNode claims = new ObjectMapper().readTree(token.getPayload().toString());
        assertEquals(List.of("sub", "cognito:groups", "email_verified", "iss", "cognito:username", "origin_jti", "aud",
                "event_id", "token_use", "auth_time", "exp", "iat", "jti", "email"), fieldNames(claims));
        assertEquals("0a1b2c3d", claims.get("sub").asText());
        assertEquals("[\"admin\"]", claims.get("cognito:groups").toString());
        assertTrue(claims.get("email_verified").isBoolean());
        assertEquals("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123", claims.get("iss").asText());
        assertEquals("alice", claims.get("cognito:username").asText());
        assertEquals("4abc5def", claims.get("aud").asText());
        assertEquals(NOW.getEpochSecond(), claims.get("auth_time").asLong());
        assertEquals(NOW.getEpochSecond(), claims.get("iat").asLong());
        assertEquals(NOW.getEpochSecond() + 1800, claims.get("exp").asLong());
        assertNotEquals(claims.get("jti"), claims.get("origin_jti"));
    }

    @Test
    void anAccessTokenWithoutGroupsHasNoGroupsClaim() throws Exception {
        LocalIssuer issuer = LocalIssuer.open(dir.resolve(".gwemu"), clock);

        JWSObject token = JWSObject.parse(issuer.issue(Pools.LOCAL, TokenRequest.access("alice", List.of("pets/read"))));

        JsonNode claims = new ObjectMapper().readTree(token.getPayload().toString());
        assertEquals(List.of("sub", "iss", "client_id", "origin_jti", "event_id", "token_use", "scope", "auth_time", "exp",
                "iat", "jti", "username"), fieldNames(claims));
        assertEquals(LocalIssuer.clientId(Pools.LOCAL), claims.get("client_id").asText());
    }

    @Test
    void aPoolWithoutClientIdsGetsTheSameCognitoShapedClientIdEveryTime() {
        String id = LocalIssuer.clientId(Pools.LOCAL);

        assertTrue(id.matches("[a-z0-9]{26}"), id);
        assertEquals(id, LocalIssuer.clientId(new UserPoolSpec("renamed", Pools.LOCAL.id(), null, List.of())));
        assertNotEquals(id, LocalIssuer.clientId(Pools.OTHER_LOCAL));
    }

    @Test
    void requestsCognitoWouldNotIssueAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new TokenRequest(TokenUse.ID, "alice", null, List.of(), List.of("pets/read"), null, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new TokenRequest(TokenUse.ACCESS, "alice", null, List.of(), List.of(), "a@example.com", Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> TokenRequest.access("alice", List.of("two words")));
        assertThrows(IllegalArgumentException.class, () -> TokenRequest.id(" "));
        assertThrows(IllegalArgumentException.class, () -> TokenRequest.id("alice").withTtl(Duration.ZERO));
    }

    @Test
    void aPoolWithItsOwnJwksCannotBeSignedFor() throws IOException {
        LocalIssuer issuer = LocalIssuer.open(dir.resolve(".gwemu"), clock);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> issuer.issue(Pools.FILE, TokenRequest.id("alice")));
        assertTrue(e.getMessage().contains("real"), e.getMessage());
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }
}
