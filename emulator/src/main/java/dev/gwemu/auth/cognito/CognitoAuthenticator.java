package dev.gwemu.auth.cognito;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.AuthorizerType;
import dev.gwemu.model.UserPoolSpec;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * COGNITO_USER_POOLS authorizers (security-and-operations.md §3.2): checks a user pool token the way API Gateway does
 * and hands back its claims. Every refusal is 401 {@code {"message":"Unauthorized"}} (an expired token: "The incoming
 * token has expired"), with the reason in the exception's {@link GatewayException#detail() detail} for the console.
 * <p>
 * Keys are read when this is built (JWKS files, the local issuer's key) or on first use (JWKS URLs); checking a token
 * does no file I/O and compiles each {@code identityValidationExpression} once.
 */
public final class CognitoAuthenticator {
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String EXPIRED = "The incoming token has expired";
    /**
     * Whether {@code Authorization: Bearer <jwt>} is read as the JWT. §3.2 leaves it [unc] (§10.6); AWS's Amplify
     * guides send {@code Bearer} to user pool authorizers, so gwemu takes it rather than fail code that works in AWS.
     */
    static final boolean BEARER_PREFIX_TOLERATED = true;
    /**
     * How long after {@code exp} a token is still taken. None: RFC 7519 refuses a token on or after {@code exp}, and
     * Cognito's "The incoming token has expired" (§3.2 [obs]) has no known grace [unc].
     */
    static final Duration EXPIRY_LEEWAY = Duration.ZERO;
    /**
     * How far in the future {@code nbf} and {@code iat} may be: a minute, for a JWKS-URL pool whose tokens come from a
     * machine whose clock runs a little ahead. AWS's tolerance is not documented [unc] §3.2.
     */
    static final Duration FUTURE_LEEWAY = Duration.ofMinutes(1);

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // two "iss" in one payload is an attack, not a token
            .build();

    private final Map<String, TrustedPool> poolsById;
    private final Clock clock;
    private final Map<String, Pattern> validationExpressions = new ConcurrentHashMap<>();

    /**
     * @param pools         api.yaml's user pools
     * @param projectFolder api.yaml's folder: relative JWKS paths are resolved against it
     * @param localIssuer   signs for the pools without {@code jwks}; null when there is none (their tokens are all refused)
     * @throws JwksLoadException when a pool's JWKS file cannot be read or has no RS256 key
     */
    public CognitoAuthenticator(List<UserPoolSpec> pools, Path projectFolder, LocalIssuer localIssuer, Clock clock) {
        Map<String, TrustedPool> byId = new HashMap<>();
        for (UserPoolSpec pool : pools) {
            byId.put(pool.id(), new TrustedPool(pool, PoolIssuer.of(pool.id()), keysOf(pool, projectFolder, localIssuer)));
        }
        this.poolsById = Map.copyOf(byId);
        this.clock = clock;
    }

    private static PoolKeys keysOf(UserPoolSpec pool, Path projectFolder, LocalIssuer localIssuer) {
        String jwks = pool.jwks();
        if (jwks == null) {
            return localIssuer == null
                    ? FixedPoolKeys.of(new JWKSet(), "nowhere (the pool has no jwks, and gwemu was given no local issuer to sign for it)")
                    : FixedPoolKeys.of(localIssuer.publicKeys(), "gwemu's local issuer (" + localIssuer.keyFile() + ")");
        }
        if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
            try {
                return new RemotePoolKeys(URI.create(jwks).toURL());
            } catch (IllegalArgumentException | MalformedURLException e) {
                throw new JwksLoadException("user pool " + pool.name() + ": '" + jwks + "' is not a URL", e);
            }
        }
        return FixedPoolKeys.read(projectFolder.resolve(jwks));
    }

    /**
     * Checks {@code token} for a method guarded by {@code authorizer}.
     *
     * @param token        the identity source's value: the JWT, optionally after {@code Bearer }; null when absent
     * @param methodScopes the method's {@code authorizationScopes}: none wants an ID token, some want an access token with one of them
     * @return the claims as {@code requestContext.authorizer.claims} shows them: all strings (§3.2 formats), in the token's order
     * @throws GatewayException 401 UNAUTHORIZED when the token is refused; 500 AUTHORIZER_CONFIGURATION_ERROR when the
     *                          pool's JWKS URL cannot be fetched
     */
    public Map<String, String> authenticate(AuthorizerSpec authorizer, String token, List<String> methodScopes) {
        if (authorizer.type() != AuthorizerType.COGNITO_USER_POOLS) {
            throw new IllegalArgumentException("authorizer " + authorizer.name() + " is " + authorizer.type() + ", not COGNITO_USER_POOLS");
        }
        JWSObject jws = parse(jwtOf(token));
        JsonNode claims = payloadOf(jws);
        checkValidationExpression(authorizer, claims);
        JWSHeader header = jws.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw unauthorized("the token is signed with " + header.getAlgorithm() + "; user pools sign with RS256");
        }
        String issuer = claims.path("iss").asText(null);
        TrustedPool pool = trustedPool(authorizer, issuer);
        verifySignature(jws, pool);
        checkTimes(claims);
        checkUse(claims, methodScopes, pool);
        return AuthorizerClaims.render(claims);
    }

    private static String jwtOf(String identity) {
        if (identity == null || identity.isBlank()) {
            throw unauthorized("no token in the identity source");
        }
        String token = identity.strip();
        if (BEARER_PREFIX_TOLERATED && token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        return token;
    }

    private static JWSObject parse(String token) {
        try {
            return JWSObject.parse(token);
        } catch (ParseException e) {
            throw unauthorized("not a signed JWT (" + e.getMessage() + ")");
        }
    }

    private static JsonNode payloadOf(JWSObject jws) {
        JsonNode claims;
        try {
            claims = JSON.readTree(jws.getPayload().toString());
        } catch (JacksonException e) {
            throw unauthorized("the token's payload is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (claims == null || !claims.isObject()) {
            throw unauthorized("the token's payload is not a JSON object");
        }
        return claims;
    }

    /** §3.2 [doc]: the expression is matched, whole, against {@code aud} before anything else; access tokens have none. */
    private void checkValidationExpression(AuthorizerSpec authorizer, JsonNode claims) {
        String expression = authorizer.identityValidationExpression();
        if (expression == null) {
            return;
        }
        Pattern pattern = validationExpressions.computeIfAbsent(expression, Pattern::compile); // valid: the loader checked it
        JsonNode aud = claims.path("aud");
        boolean matches = aud.isTextual() ? pattern.matcher(aud.asText()).matches()
                : aud.isArray() && streamOfText(aud).anyMatch(a -> pattern.matcher(a).matches());
        if (!matches) {
            throw unauthorized("the token's aud " + (aud.isMissingNode() ? "(none)" : aud.toString())
                    + " does not match the authorizer's identityValidationExpression " + expression);
        }
    }

    /** The pool among the authorizer's {@code providerARNs} whose issuer the token names. */
    private TrustedPool trustedPool(AuthorizerSpec authorizer, String issuer) {
        if (issuer == null) {
            throw unauthorized("the token has no iss");
        }
        for (String arn : authorizer.providerArns()) {
            TrustedPool pool = poolsById.get(arn.substring(arn.lastIndexOf('/') + 1));
            if (pool != null && pool.issuer().equals(issuer)) {
                return pool;
            }
        }
        throw unauthorized("the token's issuer " + issuer + " is none of authorizer " + authorizer.name()
                + "'s user pools " + authorizer.providerArns());
    }

    private static void verifySignature(JWSObject jws, TrustedPool pool) {
        String kid = jws.getHeader().getKeyID();
        if (kid == null) {
            throw unauthorized("the token's header names no kid");
        }
        RSAPublicKey key;
        try {
            key = pool.keys().find(kid);
        } catch (KeysUnavailableException e) {
            throw GatewayException.of(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR, null)
                    .because("user pool " + pool.spec().name() + ": " + e.getMessage());
        }
        if (key == null) {
            throw unauthorized("user pool " + pool.spec().name() + " has no key " + kid + " (keys from " + pool.keys().origin() + ")");
        }
        boolean valid;
        try {
            // crit headers are refused by the verifier: Cognito tokens have none, and an unknown one must not be ignored
            valid = jws.verify(new RSASSAVerifier(key));
        } catch (JOSEException | IllegalStateException e) {
            valid = false;
        }
        if (!valid) {
            throw unauthorized("the token's signature does not verify with key " + kid + " of user pool " + pool.spec().name());
        }
    }

    private void checkTimes(JsonNode claims) {
        long nowMillis = clock.millis();
        JsonNode exp = claims.path("exp");
        if (!exp.isIntegralNumber()) {
            throw unauthorized("the token has no numeric exp");
        }
        if (nowMillis >= exp.asLong() * 1000 + EXPIRY_LEEWAY.toMillis()) {
            throw GatewayException.of(GatewayResponseType.UNAUTHORIZED, EXPIRED)
                    .because("the token expired at " + AuthorizerClaims.DATE.format(Instant.ofEpochSecond(exp.asLong())));
        }
        for (String claim : List.of("nbf", "iat")) {
            JsonNode time = claims.path(claim);
            if (time.isMissingNode()) {
                continue;
            }
            if (!time.isIntegralNumber()) {
                throw unauthorized("the token's " + claim + " is not a number");
            }
            if (time.asLong() * 1000 > nowMillis + FUTURE_LEEWAY.toMillis()) {
                throw unauthorized("the token's " + claim + " is in the future ("
                        + AuthorizerClaims.DATE.format(Instant.ofEpochSecond(time.asLong())) + ")");
            }
        }
    }

    /** §3.2 [doc]: a method without scopes takes ID tokens; one with scopes takes access tokens holding any of them. */
    private static void checkUse(JsonNode claims, List<String> methodScopes, TrustedPool pool) {
        String use = claims.path("token_use").asText(null);
        if (methodScopes.isEmpty()) {
            if (!TokenUse.ID.claim().equals(use)) {
                throw unauthorized("the method has no authorizationScopes, so it takes ID tokens; this token_use is " + use);
            }
            List<String> clients = pool.spec().clientIds();
            String aud = claims.path("aud").asText(null);
            if (!clients.isEmpty() && !clients.contains(aud)) {
                throw unauthorized("the ID token's aud " + aud + " is none of user pool " + pool.spec().name()
                        + "'s clientIds " + clients);
            }
            return;
        }
        if (!TokenUse.ACCESS.claim().equals(use)) {
            throw unauthorized("the method has authorizationScopes " + methodScopes + ", so it takes access tokens; this token_use is " + use);
        }
        JsonNode scope = claims.path("scope");
        Set<String> granted = scope.isTextual() ? Set.copyOf(Arrays.asList(SPACES.split(scope.asText().strip()))) : Set.of();
        if (methodScopes.stream().noneMatch(granted::contains)) {
            throw unauthorized("the token's scope '" + scope.asText("") + "' has none of the method's " + methodScopes);
        }
    }

    private static Stream<String> streamOfText(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    private static GatewayException unauthorized(String why) {
        return GatewayException.of(GatewayResponseType.UNAUTHORIZED, UNAUTHORIZED).because(why);
    }

    /** A pool an authorizer may name, with the issuer its tokens carry and the keys they are signed with. */
    private record TrustedPool(UserPoolSpec spec, String issuer, PoolKeys keys) {
    }
}
