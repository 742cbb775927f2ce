package dev.gwemu.auth.cognito;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.util.Base64URL;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.UserPoolSpec;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static dev.gwemu.auth.cognito.CognitoAuthenticatorTest.NOW;
import static dev.gwemu.auth.cognito.CognitoAuthenticatorTest.idClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens that must not pass: each is refused with 401 {@code {"message":"Unauthorized"}} (expired ones with "The
 * incoming token has expired"), security-and-operations.md §3.2. Each starts from a token that does pass, changed in
 * one way, so a refusal is for that change and nothing else.
 */
class HostileTokenTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(NOW);
    LocalIssuer issuer;
    /** The key of {@link #FILE_POOL}, the same for every test. */
    static final TestSigner pool = new TestSigner("real-key-1");
    CognitoAuthenticator authenticator;
    /** Passes {@link #FILE_POOL}'s methods without scopes; the base every hostile token departs from. */
    String good;

    static final UserPoolSpec FILE_POOL = Pools.FILE;
    static final AuthorizerSpec FILE_AUTHORIZER = Pools.authorizer(FILE_POOL);

    @BeforeEach
    void setUp() throws IOException {
        issuer = Pools.issuer(dir.resolve(".gwemu"), clock);
        Files.createDirectories(dir.resolve("keys"));
        pool.writeJwks(dir.resolve("keys/jwks.json"));
        authenticator = new CognitoAuthenticator(List.of(Pools.LOCAL, Pools.OTHER_LOCAL, FILE_POOL), dir, issuer, clock);
        good = pool.sign(goodClaims());
        assertEquals("alice", authenticator.authenticate(FILE_AUTHORIZER, good, List.of()).get("sub"));
    }

    private static String goodClaims() {
        return idClaims("us-east-1_Abc", "6an6jbexample", NOW.getEpochSecond() + 3600);
    }

    private void refused(String token, String because) {
        refused(FILE_AUTHORIZER, token, List.of(), because);
    }

    /** Refused with 401 Unauthorized, and for the expected reason (the console's detail), not some other. */
    private void refused(AuthorizerSpec authorizer, String token, List<String> scopes, String because) {
        GatewayException e = assertThrows(GatewayException.class, () -> authenticator.authenticate(authorizer, token, scopes));
        assertEquals(401, e.status());
        assertEquals("UnauthorizedException", e.errorType());
        assertEquals("Unauthorized", e.getMessage(), e.detail());
        assertTrue(e.detail().contains(because), "refused, but because: " + e.detail());
    }

    private static final String NOT_JWS = "not a signed JWT";
    private static final String NO_TOKEN = "no token";
    private static final String HS256 = "signed with HS256";
    private static final String SIGNATURE = "signature does not verify";
    private static final String EXPRESSION = "does not match the authorizer's identityValidationExpression";

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void algNone() {
        refused(b64("{\"alg\":\"none\",\"kid\":\"real-key-1\"}") + "." + b64(goodClaims()) + ".", NOT_JWS);
        refused(b64("{\"alg\":\"none\"}") + "." + b64(goodClaims()) + ".", NOT_JWS);
    }

    /** The classic confusion: HS256 keyed with the RSA public key, which anyone can read from the JWKS. */
    @Test
    void hs256SignedWithThePublicKeysEncodedBytes() throws JOSEException {
        byte[] der = pool.key.toRSAPublicKey().getEncoded();
        refused(hs256(der), HS256);
    }

    @Test
    void hs256SignedWithThePublicKeysPemText() throws JOSEException {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pool.key.toRSAPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        refused(hs256(pem.getBytes(StandardCharsets.US_ASCII)), HS256);
    }

    @Test
    void hs256SignedWithTheJwksText() throws JOSEException, IOException {
        refused(hs256(Files.readAllBytes(dir.resolve("keys/jwks.json"))), HS256);
    }

    private String hs256(byte[] secret) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("real-key-1").build(), new Payload(goodClaims()));
        jws.sign(new MACSigner(secret));
        return jws.serialize();
    }

    @Test
    void otherRsaAlgorithmsEvenWithTheRightKey() {
        for (JWSAlgorithm alg : List.of(JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256)) {
            refused(pool.sign(new JWSHeader.Builder(alg).keyID("real-key-1").build(), goodClaims()), alg.getName());
        }
    }

    @Test
    void aKidThePoolDoesNotHave() {
        refused(pool.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("other-key").build(), goodClaims()), "has no key other-key");
    }

    @Test
    void noKid() {
        refused(pool.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), goodClaims()), "no kid");
    }

    /** An attacker's own key under the pool's kid, even offering its public half in the header. */
    @Test
    void anUnknownKeyWithTheRightKidName() {
        TestSigner attacker = new TestSigner("real-key-1");
        refused(attacker.sign(goodClaims()), SIGNATURE);
        refused(attacker.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("real-key-1")
                .jwk(attacker.key.toPublicJWK()).build(), goodClaims()), SIGNATURE);
    }

    /** The local issuer's key is known, but only for pools without jwks: it cannot sign for a pool with its own keys. */
    @Test
    void theLocalIssuersKeyForAPoolWithItsOwnJwks() {
        TestSigner pretender = new TestSigner(issuer.keyId());
        refused(pretender.sign(goodClaims()), "has no key " + issuer.keyId());
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(FILE_POOL, TokenRequest.id("alice")));
    }

    @Test
    void expired() {
        clock.advance(Duration.ofHours(1));
        GatewayException e = assertThrows(GatewayException.class, () -> authenticator.authenticate(FILE_AUTHORIZER, good, List.of()));
        assertEquals(401, e.status());
        assertEquals("UnauthorizedException", e.errorType());
        assertEquals("The incoming token has expired", e.getMessage());
    }

    @Test
    void expiredLocalToken() {
        String token = issuer.issue(Pools.LOCAL, TokenRequest.id("alice").withTtl(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(6));
        GatewayException e = assertThrows(GatewayException.class,
                () -> authenticator.authenticate(Pools.authorizer(Pools.LOCAL), token, List.of()));
        assertEquals("The incoming token has expired", e.getMessage());
    }

    @Test
    void noExp() {
        refused(pool.sign(goodClaims().replaceFirst(",\"exp\":\\d+", "")), "no numeric exp");
        refused(pool.sign(goodClaims().replaceFirst("\"exp\":(\\d+)", "\"exp\":\"$1\"")), "no numeric exp");
    }

    @Test
    void notYetValid() {
        long later = NOW.getEpochSecond() + 3600;
        refused(pool.sign(goodClaims().replace("}", ",\"nbf\":" + later + "}")), "nbf is in the future");
    }

    @Test
    void issuedInTheFuture() {
        long beyondLeeway = NOW.getEpochSecond() + CognitoAuthenticator.FUTURE_LEEWAY.toSeconds() + 1;
        refused(pool.sign(goodClaims().replace("\"iat\":" + NOW.getEpochSecond(), "\"iat\":" + beyondLeeway)), "iat is in the future");
    }

    @Test
    void aForeignIssuer() {
        refused(pool.sign(goodClaims().replace("https://cognito-idp.us-east-1.amazonaws.com/", "https://evil.example/")), "issuer https://evil.example/us-east-1_Abc is none");
        refused(pool.sign(goodClaims().replace("us-east-1.amazonaws.com/us-east-1_Abc", "eu-west-1.amazonaws.com/us-east-1_Abc")), "issuer https://cognito-idp.eu-west-1");
        refused(pool.sign(goodClaims().replaceFirst(",\"iss\":\"[^\"]+\"", "")), "no iss");
    }

    /** A pool the authorizer does not name, though gwemu knows it and its key signed the token. */
    @Test
    void anotherPoolsIssuer() {
        String otherPools = issuer.issue(Pools.OTHER_LOCAL, TokenRequest.id("alice"));
        refused(Pools.authorizer(Pools.LOCAL), otherPools, List.of(), "us-east-1_Other2 is none");
    }

    @Test
    void anAudienceThatIsNotOneOfThePoolsClients() {
        refused(pool.sign(goodClaims().replace("6an6jbexample", "someotherclient")), "aud someotherclient is none of user pool real's clientIds");
    }

    @Test
    void anAudienceTheIdentityValidationExpressionRefuses() {
        refused(Pools.authorizer("^abc.*", FILE_POOL), good, List.of(), EXPRESSION);
        refused(Pools.authorizer("6an6jb", FILE_POOL), good, List.of(), EXPRESSION); // matched whole, not found inside
    }

    /** §3.2 [doc]: the expression is checked against aud, which access tokens do not have. */
    @Test
    void anAccessTokenUnderAnIdentityValidationExpression() {
        String access = issuer.issue(Pools.LOCAL, TokenRequest.access("alice", List.of("pets/read")));
        refused(Pools.authorizer(".*", Pools.LOCAL), access, List.of("pets/read"), "aud (none) does not match");
    }

    @Test
    void anAccessTokenOnAMethodWithoutScopes() {
        refused(Pools.authorizer(Pools.LOCAL), issuer.issue(Pools.LOCAL, TokenRequest.access("alice", List.of("pets/read"))), List.of(), "takes ID tokens; this token_use is access");
    }

    @Test
    void anIdTokenOnAMethodWithScopes() {
        refused(Pools.authorizer(Pools.LOCAL), issuer.issue(Pools.LOCAL, TokenRequest.id("alice")), List.of("pets/read"), "takes access tokens; this token_use is id");
    }

    @Test
    void noTokenUse() {
        refused(pool.sign(goodClaims().replace(",\"token_use\":\"id\"", "")), "token_use is null");
    }

    @Test
    void noneOfTheMethodsScopes() {
        String token = issuer.issue(Pools.LOCAL, TokenRequest.access("alice", List.of("pets/read", "pets/readwrite")));
        refused(Pools.authorizer(Pools.LOCAL), token, List.of("pets/write", "pets/read/all", "pets"), "has none of the method's");
    }

    @Test
    void aTamperedPayloadUnderTheOriginalSignature() {
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + b64(goodClaims().replace("\"sub\":\"alice\"", "\"sub\":\"admin\"")) + "." + parts[2];
        refused(tampered, SIGNATURE);
    }

    @Test
    void aTamperedSignature() {
        String[] parts = good.split("\\.");
        byte[] signature = new Base64URL(parts[2]).decode();
        signature[signature.length / 2] ^= 0x01;
        refused(parts[0] + "." + parts[1] + "." + Base64URL.encode(signature), SIGNATURE);
    }

    @Test
    void aTruncatedToken() {
        refused(good.substring(0, good.length() - 10), SIGNATURE);
        refused(good.substring(0, good.lastIndexOf('.')), NOT_JWS);
        refused(good.substring(0, good.lastIndexOf('.') + 1), NOT_JWS);
        refused(good.substring(0, good.indexOf('.')), NOT_JWS);
    }

    @Test
    void garbage() {
        refused("not a token", NOT_JWS);
        refused("a.b.c", NOT_JWS);
        refused("....", NOT_JWS);
        refused(b64("{\"alg\":\"RS256\",\"kid\":\"real-key-1\"}") + "." + b64("[1,2]") + ".AAAA", "payload is not a JSON object");
        refused(b64("{\"alg\":\"RS256\",\"kid\":\"real-key-1\"}") + "." + b64("not json") + ".AAAA", "payload is not JSON");
        refused("Basic dXNlcjpwYXNz", NOT_JWS);
    }

    @Test
    void empty() {
        refused(null, NO_TOKEN);
        refused("", NO_TOKEN);
        refused("   ", NO_TOKEN);
        refused("Bearer ", NOT_JWS);
    }

    /** Encrypted to the pool's own public key with a valid claim set inside: still not a signed token. */
    @Test
    void aJweInsteadOfAJws() throws JOSEException {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID("real-key-1").build(), new Payload(good));
        jwe.encrypt(new RSAEncrypter(pool.key.toRSAPublicKey()));
        refused(jwe.serialize(), NOT_JWS);
    }

    /** A second "iss" after the real one: parsers disagree on which wins, so such a payload is no token. */
    @Test
    void aDuplicatedClaim() {
        refused(pool.sign(goodClaims().replace("}", ",\"iss\":\"https://evil.example/us-east-1_Abc\"}")), "Duplicate field 'iss'");
        refused(pool.sign(goodClaims().replace("{", "{\"sub\":\"root\",")), "Duplicate field 'sub'");
    }

    /** A critical header gwemu does not understand must not be ignored (RFC 7515 §4.1.11). */
    @Test
    void anUnknownCriticalHeader() {
        refused(pool.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("real-key-1")
                .customParam("exp-policy", "lenient").criticalParams(java.util.Set.of("exp-policy")).build(), goodClaims()), SIGNATURE);
    }
}
