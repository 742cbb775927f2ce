package dev.gwemu.auth.cognito;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.gwemu.model.UserPoolSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs Cognito-shaped tokens for the user pools api.yaml declares without {@code jwks} ({@code gwemu token}), and
 * plain JWTs for the {@code jwtIssuers} it declares without {@code jwks} (HTTP API JWT authorizers), with
 * one RSA key per project kept in {@code .gwemu/cognito-signing-key.json} so tokens stay valid across restarts.
 * Tokens carry the claims of a real pool's tokens, in a real token's order ("Understanding the ID token",
 * "Understanding the access token", Cognito developer guide); {@link CognitoAuthenticator} verifies them like real ones.
 */
public final class LocalIssuer {
    /** The key file in the project's state folder: a JWK with its private part, readable by the owner only. */
    public static final String KEY_FILE = "cognito-signing-key.json";
    static final int KEY_BITS = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RSAKey signingKey;
    private final RSASSASigner signer;
    private final Path keyFile;
    private final Clock clock;

    private LocalIssuer(RSAKey signingKey, Path keyFile, Clock clock) {
        this.signingKey = signingKey;
        this.keyFile = keyFile;
        this.clock = clock;
        try {
            this.signer = new RSASSASigner(signingKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("the key in " + keyFile + " cannot sign: " + e.getMessage(), e);
        }
    }

    /** The issuer of a project whose state folder is {@code stateDir}, on the system clock. */
    public static LocalIssuer open(Path stateDir) throws IOException {
        return open(stateDir, Clock.systemUTC());
    }

    /**
     * Reads the project's signing key, or makes one (RSA 2048) the first time, creating {@code stateDir}.
     *
     * @throws IOException when the key file cannot be read or written, or holds no RSA private key (the message names it)
     */
    public static LocalIssuer open(Path stateDir, Clock clock) throws IOException {
        Path keyFile = stateDir.resolve(KEY_FILE);
        if (!Files.exists(keyFile)) {
            dev.gwemu.model.StateFolder.ensure(stateDir);
            try {
                write(keyFile, newKey());
            } catch (FileAlreadyExistsException e) {
                // another gwemu made it meanwhile: use theirs, so both sign alike
            }
        }
        return new LocalIssuer(read(keyFile), keyFile, clock);
    }

    private static RSAKey newKey() {
        try {
            RSAKey generated = new RSAKeyGenerator(KEY_BITS).generate();
            return new RSAKey.Builder(generated).keyID(kidOf(generated)).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** Like a Cognito kid (44 characters of standard Base64 ending in '='): the key's SHA-256 thumbprint. */
    private static String kidOf(RSAKey key) throws JOSEException {
        return Base64.getEncoder().encodeToString(key.computeThumbprint("SHA-256").decode());
    }

    /** Written beside the target and moved in place, so no reader sees half a key; owner-only where POSIX permissions exist. */
    private static void write(Path keyFile, RSAKey key) throws IOException {
        FileAttribute<?>[] ownerOnly = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(keyFile.getParent(), ".cognito-signing-key", ".tmp", ownerOnly);
        try {
            Files.writeString(temp, key.toJSONString() + "\n", StandardCharsets.UTF_8);
            Files.move(temp, keyFile); // no REPLACE_EXISTING: a key someone already uses is never overwritten
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static RSAKey read(Path keyFile) throws IOException {
        String text = Files.readString(keyFile, StandardCharsets.UTF_8);
        RSAKey key;
        try {
            key = RSAKey.parse(text);
        } catch (ParseException e) {
            throw new IOException(keyFile + " is not an RSA JWK (" + e.getMessage() + "); delete it and gwemu makes a new key", e);
        }
        if (!key.isPrivate() || key.getKeyID() == null) {
            throw new IOException(keyFile + " holds no RSA private key with a kid; delete it and gwemu makes a new key");
        }
        return key;
    }

    /** The {@code kid} every token of this issuer names. */
    public String keyId() {
        return signingKey.getKeyID();
    }

    /** Where the key is kept. */
    public Path keyFile() {
        return keyFile;
    }

    /** The public half as a JWKS ({@code .well-known/jwks.json} of a local pool). */
    public JWKSet publicKeys() {
        return new JWKSet(signingKey.toPublicJWK());
    }

    /**
     * An RS256 token of {@code pool} for {@code request}, issued now.
     *
     * @throws IllegalArgumentException when the pool has its own {@code jwks}: only its real issuer can sign for it
     */
    public String issue(UserPoolSpec pool, TokenRequest request) {
        if (pool.jwks() != null) {
            throw new IllegalArgumentException("user pool " + pool.name() + " verifies tokens with " + pool.jwks()
                    + "; gwemu signs only for pools without 'jwks'");
        }
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = request.use() == TokenUse.ID ? idClaims(pool, request) : accessClaims(pool, request);
        claims.put("auth_time", now);
        claims.put("exp", now + request.ttl().toSeconds());
        claims.put("iat", now);
        claims.put("jti", UUID.randomUUID().toString());
        if (request.use() == TokenUse.ID) {
            if (request.email() != null) {
                claims.put("email", request.email());
            }
        } else {
            claims.put("username", request.username());
        }
        return sign(claims);
    }

    /**
     * An RS256 token for an HTTP API JWT authorizer that trusts this issuer's key for {@code request.issuer()}, issued
     * now: iss, sub, aud, client_id, scope, iat, exp, jti (the claims an OAuth 2.0 access token carries).
     */
    public String issue(JwtTokenRequest request) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode();
        claims.put("iss", request.issuer());
        claims.put("sub", request.subject());
        if (request.audience().size() == 1) {
            claims.put("aud", request.audience().get(0));
        } else if (!request.audience().isEmpty()) {
            request.audience().forEach(claims.putArray("aud")::add);
        }
        if (request.clientId() != null) {
            claims.put("client_id", request.clientId());
        }
        if (!request.scopes().isEmpty()) {
            claims.put("scope", String.join(" ", request.scopes()));
        }
        claims.put("iat", now);
        claims.put("exp", now + request.ttl().toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        return sign(claims);
    }

    /** sub, cognito:groups, email_verified, iss, cognito:username, origin_jti, aud, event_id, token_use (then times). */
    private static ObjectNode idClaims(UserPoolSpec pool, TokenRequest request) {
        ObjectNode claims = subjectAndGroups(request);
        if (request.email() != null) {
            claims.put("email_verified", true);
        }
        claims.put("iss", PoolIssuer.of(pool.id()));
        claims.put("cognito:username", request.username());
        claims.put("origin_jti", UUID.randomUUID().toString());
        claims.put("aud", clientId(pool));
        claims.put("event_id", UUID.randomUUID().toString());
        claims.put("token_use", TokenUse.ID.claim());
        return claims;
    }

    /** sub, cognito:groups, iss, client_id, origin_jti, event_id, token_use, scope (then times, jti, username). */
    private static ObjectNode accessClaims(UserPoolSpec pool, TokenRequest request) {
        ObjectNode claims = subjectAndGroups(request);
        claims.put("iss", PoolIssuer.of(pool.id()));
        claims.put("client_id", clientId(pool));
        claims.put("origin_jti", UUID.randomUUID().toString());
        claims.put("event_id", UUID.randomUUID().toString());
        claims.put("token_use", TokenUse.ACCESS.claim());
        claims.put("scope", request.scopeClaim());
        return claims;
    }

    private static ObjectNode subjectAndGroups(TokenRequest request) {
        ObjectNode claims = JSON.createObjectNode();
        claims.put("sub", request.subject());
        if (!request.groups().isEmpty()) {
            request.groups().forEach(claims.putArray("cognito:groups")::add);
        }
        return claims;
    }

    private String sign(ObjectNode claims) {
        JWSObject token = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                new Payload(claims.toString()));
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the key in " + keyFile, e);
        }
        return token.serialize();
    }

    /**
     * The app client a local token names ({@code aud}, {@code client_id}): the pool's first {@code clientIds} entry, else
     * an id shaped like Cognito's (26 lowercase letters and digits) derived from the pool id, the same on every run.
     */
    public static String clientId(UserPoolSpec pool) {
        if (!pool.clientIds().isEmpty()) {
            return pool.clientIds().get(0);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("gwemu app client of " + pool.id()).getBytes(StandardCharsets.UTF_8));
            String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < 26; i++) {
                id.append(alphabet.charAt((hash[i] & 0xFF) % alphabet.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
