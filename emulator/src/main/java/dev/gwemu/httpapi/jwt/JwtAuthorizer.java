package dev.gwemu.httpapi.jwt;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import dev.gwemu.auth.cognito.KeysUnavailableException;
import dev.gwemu.auth.cognito.LocalIssuer;
import dev.gwemu.auth.cognito.PoolKeys;
import dev.gwemu.model.HttpAuthorizerSpec;
import dev.gwemu.model.JwtIssuerSpec;
import dev.gwemu.model.Project;
import dev.gwemu.model.SecuritySpec;
import dev.gwemu.model.UserPoolSpec;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HttpRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * HTTP API JWT authorizers (security-and-operations.md §3.4): checks a request's token the way API Gateway does, in
 * its documented order (token, algorithm, kid, signature, iss, aud/client_id, exp, nbf, iat, scopes), and hands back
 * {@code requestContext.authorizer} for the payload 2.0 event. Refusals are {@link BearerChallenge}s; the reason is
 * in the exception's {@link GatewayException#detail() detail} for the console.
 */
public final class JwtAuthorizer {
    /**
     * How long after {@code exp} a token is still taken: none, as RFC 7519 says and AWS's "the token has expired" shows
     * no known grace [unc] §3.4.
     */
    static final Duration EXPIRY_LEEWAY = Duration.ZERO;
    /** How far in the future {@code nbf} and {@code iat} may be: none [unc] §3.4 (AWS checks both "before now"). */
    static final Duration FUTURE_LEEWAY = Duration.ZERO;
    /**
     * Whether a token without {@code exp} is refused. AWS's behaviour is not recorded [unc] §3.4; refusing is the safe
     * side: a token that fails here is fixed before it reaches AWS, one that passed here might not pass there.
     */
    static final boolean EXPIRY_REQUIRED = true;
    /** Whether {@code Authorization: bearer <jwt>} (any case) is taken like {@code Bearer}: AWS says "Bearer" [unc] §3.4. */
    static final boolean BEARER_ANY_CASE = true;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // two "iss" in one payload is an attack, not a token
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // claims keep their decimal text
            .build();

    private final IssuerKeys keys;
    private final Clock clock;

    /**
     * @param pools         api.yaml's user pools (issuers {@code https://cognito-idp.{region}.amazonaws.com/{id}})
     * @param issuers       api.yaml's {@code jwtIssuers}
     * @param projectFolder api.yaml's folder: relative JWKS paths are resolved against it
     * @param localIssuer   signs for the pools and issuers without {@code jwks}; null when there is none
     * @throws dev.gwemu.auth.cognito.JwksLoadException when a JWKS file cannot be used
     */
    public JwtAuthorizer(List<UserPoolSpec> pools, List<JwtIssuerSpec> issuers, Path projectFolder,
                         LocalIssuer localIssuer, Clock clock) {
        this.keys = new IssuerKeys(pools, issuers, projectFolder, localIssuer);
        this.clock = clock;
    }

    /**
     * The project's JWT authorizer; opens the local issuer's key ({@code .gwemu/cognito-signing-key.json}) when a pool
     * or issuer has no {@code jwks}.
     *
     * @throws dev.gwemu.auth.cognito.JwksLoadException when a JWKS file cannot be used
     * @throws UncheckedIOException when the local issuer's key cannot be read or created
     */
    public static JwtAuthorizer of(Project project, Clock clock) {
        SecuritySpec security = project.security();
        LocalIssuer localIssuer = null;
        if (security.userPools().stream().anyMatch(pool -> pool.jwks() == null)
                || security.jwtIssuers().stream().anyMatch(issuer -> issuer.jwks() == null)) {
            try {
                localIssuer = LocalIssuer.open(project.stateDir(), clock);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the local token issuer's key in " + project.stateDir(), e);
            }
        }
        return new JwtAuthorizer(security.userPools(), security.jwtIssuers(), project.file().toAbsolutePath().getParent(),
                localIssuer, clock);
    }

    /**
     * Checks the token {@code request} carries for a route guarded by {@code spec}.
     *
     * @param routeScopes the route's {@code authorizationScopes}; empty: any valid token
     * @return {@code requestContext.authorizer}: {@code {"jwt": {"claims": {...}, "scopes": [...] | null}}}, in that
     *         order; {@code scopes} is the token's scopes when the route has scopes, else null [unc] §3.2
     * @throws GatewayException 401 (invalid_token) or 403 (insufficient_scope), see {@link BearerChallenge}
     * @throws IllegalArgumentException when {@code spec} is not a JWT authorizer with an issuer and a
     *                                  {@code $request.header} or {@code $request.querystring} identity source
     */
    public Map<String, Object> authorize(HttpAuthorizerSpec spec, List<String> routeScopes, HttpRequest request) {
        if (spec.type() != HttpAuthorizerSpec.Type.JWT || spec.issuer() == null) {
            throw new IllegalArgumentException("authorizer " + spec.name() + " is not a JWT authorizer with an issuer");
        }
        IdentitySource source = IdentitySource.parse(spec.identitySources().isEmpty()
                ? HttpAuthorizerSpec.DEFAULT_JWT_IDENTITY_SOURCE : spec.identitySources().get(0));
        String token = tokenIn(source.read(request), source);
        JWSObject jws = parse(token);
        JsonNode claims = payloadOf(jws);
        verifySignature(jws, spec.issuer());
        checkIssuer(claims, spec.issuer());
        checkAudience(claims, spec);
        checkTimes(claims);
        List<String> granted = TokenScopes.of(claims);
        if (!routeScopes.isEmpty() && routeScopes.stream().noneMatch(granted::contains)) {
            throw BearerChallenge.insufficientScope("the token's scopes " + granted + " have none of the route's " + routeScopes);
        }
        Map<String, Object> jwt = new LinkedHashMap<>();
        jwt.put("claims", JwtClaimsText.render(claims));
        jwt.put("scopes", routeScopes.isEmpty() ? null : granted);
        Map<String, Object> authorizer = new LinkedHashMap<>();
        authorizer.put("jwt", Collections.unmodifiableMap(jwt));
        return Collections.unmodifiableMap(authorizer);
    }

    /** §3.4 [doc]: the identity source holds the token, or {@code Bearer <token>}. */
    private static String tokenIn(String identity, IdentitySource source) {
        if (identity == null || identity.isBlank()) {
            throw BearerChallenge.invalidToken(BearerChallenge.MISSING, "the request has no " + source);
        }
        String token = identity.strip();
        boolean bearer = BEARER_ANY_CASE ? token.regionMatches(true, 0, "Bearer ", 0, 7) : token.startsWith("Bearer ");
        if (bearer) {
            token = token.substring(7).strip();
        }
        if (token.isEmpty() || token.equalsIgnoreCase("Bearer")) {
            throw BearerChallenge.invalidToken(BearerChallenge.MISSING, source + " says Bearer and nothing after it");
        }
        return token;
    }

    /** Three parts, an RSA algorithm in the header, a JSON object for claims. */
    private static JWSObject parse(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw BearerChallenge.invalidToken(BearerChallenge.MALFORMED, "a JWS has 3 parts, this token has " + parts.length);
        }
        Header header;
        try {
            header = Header.parse(new Base64URL(parts[0]));
        } catch (ParseException e) {
            throw BearerChallenge.invalidToken(BearerChallenge.MALFORMED, "the token's header is not a JOSE header: " + e.getMessage());
        }
        String alg = header.getAlgorithm() == null ? "none" : header.getAlgorithm().getName();
        if (!JWSAlgorithm.Family.RSA.contains(JWSAlgorithm.parse(alg))) {
            throw BearerChallenge.invalidToken(BearerChallenge.UNSUPPORTED_ALGORITHM + alg,
                    "the token is signed with " + alg + "; JWT authorizers take RSA algorithms only");
        }
        try {
            return JWSObject.parse(token);
        } catch (ParseException e) {
            throw BearerChallenge.invalidToken(BearerChallenge.MALFORMED, "not a signed JWT: " + e.getMessage());
        }
    }

    private static JsonNode payloadOf(JWSObject jws) {
        JsonNode claims;
        try {
            claims = JSON.readTree(jws.getPayload().toString());
        } catch (JacksonException e) {
            throw BearerChallenge.invalidToken(BearerChallenge.MALFORMED, "the token's payload is not JSON: " + e.getOriginalMessage());
        }
        if (claims == null || !claims.isObject()) {
            throw BearerChallenge.invalidToken(BearerChallenge.MALFORMED, "the token's payload is not a JSON object");
        }
        return claims;
    }

    /** §3.4 [doc]: the keys are the authorizer's issuer's, whatever {@code iss} the token claims. */
    private void verifySignature(JWSObject jws, String issuer) {
        String kid = jws.getHeader().getKeyID();
        if (kid == null) {
            throw BearerChallenge.invalidToken(BearerChallenge.UNKNOWN_KEY, "the token's header names no kid");
        }
        PoolKeys issuerKeys;
        RSAPublicKey key;
        try {
            issuerKeys = keys.of(issuer);
            key = issuerKeys.find(kid);
        } catch (IllegalArgumentException | KeysUnavailableException e) {
            throw BearerChallenge.invalidToken(BearerChallenge.KEYS_UNAVAILABLE, "issuer " + issuer + ": " + e.getMessage());
        }
        if (key == null) {
            throw BearerChallenge.invalidToken(BearerChallenge.UNKNOWN_KEY,
                    "issuer " + issuer + " has no key " + kid + " (keys from " + issuerKeys.origin() + ")");
        }
        boolean valid;
        try {
            // crit headers are refused by the verifier: an unknown one must not be ignored
            valid = jws.verify(new RSASSAVerifier(key));
        } catch (JOSEException | IllegalStateException e) {
            valid = false;
        }
        if (!valid) {
            throw BearerChallenge.invalidToken(BearerChallenge.INVALID_SIGNATURE,
                    "the token's signature does not verify with key " + kid + " of " + issuer);
        }
    }

    /** §3.4 [doc]: {@code iss} equals the configured issuer, character for character (a trailing '/' counts). */
    private static void checkIssuer(JsonNode claims, String issuer) {
        JsonNode iss = claims.path("iss");
        if (!iss.isTextual() || !iss.asText().equals(issuer)) {
            throw BearerChallenge.invalidToken(BearerChallenge.INVALID_ISSUER,
                    "the token's iss " + (iss.isMissingNode() ? "(none)" : iss.toString()) + " is not " + issuer);
        }
    }

    /**
     * §3.4 [doc]: {@code aud} (a string or an array) must hold one of the audiences; {@code client_id} is read only
     * when there is no {@code aud} ("When both aud and client_id are present, API Gateway evaluates aud").
     */
    private static void checkAudience(JsonNode claims, HttpAuthorizerSpec spec) {
        JsonNode aud = claims.path("aud");
        JsonNode presented = aud.isMissingNode() || aud.isNull() ? claims.path("client_id") : aud;
        boolean matches = textsOf(presented).anyMatch(spec.audience()::contains);
        if (!matches) {
            throw BearerChallenge.invalidToken(BearerChallenge.INVALID_AUDIENCE, "the token's "
                    + (presented == aud ? "aud " : "client_id ") + (presented.isMissingNode() ? "(none)" : presented.toString())
                    + " is none of authorizer " + spec.name() + "'s audience " + spec.audience());
        }
    }

    private static Stream<String> textsOf(JsonNode node) {
        if (node.isTextual()) {
            return Stream.of(node.asText());
        }
        return node.isArray()
                ? StreamSupport.stream(node.spliterator(), false).filter(JsonNode::isTextual).map(JsonNode::asText)
                : Stream.empty();
    }

    /** §3.4 [doc]: {@code exp} after now; {@code nbf} and {@code iat}, when present, not after now. */
    private void checkTimes(JsonNode claims) {
        long nowMillis = clock.millis();
        JsonNode exp = claims.path("exp");
        if (!exp.isMissingNode() || EXPIRY_REQUIRED) {
            if (!exp.isNumber()) {
                throw BearerChallenge.invalidToken(BearerChallenge.NO_EXPIRY, "the token has no numeric exp");
            }
            if (nowMillis >= millis(exp) + EXPIRY_LEEWAY.toMillis()) {
                throw BearerChallenge.invalidToken(BearerChallenge.EXPIRED, "the token expired at " + Instant.ofEpochMilli(millis(exp)));
            }
        }
        checkNotFuture(claims.path("nbf"), "nbf", BearerChallenge.NOT_YET_VALID, nowMillis);
        checkNotFuture(claims.path("iat"), "iat", BearerChallenge.ISSUED_IN_THE_FUTURE, nowMillis);
    }

    private static void checkNotFuture(JsonNode time, String claim, String description, long nowMillis) {
        if (time.isMissingNode()) {
            return;
        }
        if (!time.isNumber()) {
            throw BearerChallenge.invalidToken(BearerChallenge.MALFORMED, "the token's " + claim + " is not a number");
        }
        if (millis(time) > nowMillis + FUTURE_LEEWAY.toMillis()) {
            throw BearerChallenge.invalidToken(description, "the token's " + claim + " is " + Instant.ofEpochMilli(millis(time))
                    + ", after now (" + Instant.ofEpochMilli(nowMillis) + ")");
        }
    }

    /** NumericDate seconds (fractions allowed, RFC 7519 §2) as epoch milliseconds, saturating on absurd values. */
    private static long millis(JsonNode seconds) {
        BigDecimal millis = seconds.decimalValue().movePointRight(3);
        if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (millis.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return millis.longValue();
    }
}
