package dev.gwemu.httpapi.jwt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gwemu.model.HttpAuthorizerSpec;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.gwemu.httpapi.jwt.Refusals.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An issuer api.yaml does not declare: its keys come by OIDC discovery from a real local HTTP server, fetched on the
 * first token, cached, refetched for a new kid, within AWS's 1500 ms and 150000 bytes.
 */
class OidcDiscoveryTest {
    static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    static RsaTestKey first;
    static RsaTestKey rotated;

    @TempDir
    Path dir;
    HttpServer server;
    String issuer;
    final AtomicInteger discoveries = new AtomicInteger();
    final AtomicInteger jwksFetches = new AtomicInteger();
    final AtomicReference<String> discoveryBody = new AtomicReference<>();
    final AtomicReference<String> jwksBody = new AtomicReference<>();
    volatile long discoveryDelayMillis;
    JwtAuthorizer authorizer;

    @BeforeAll
    static void keys() {
        first = new RsaTestKey("first");
        rotated = new RsaTestKey("rotated");
    }

    @BeforeEach
    void serveIssuer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/shop";
        discoveryBody.set("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\"}");
        jwksBody.set(first.jwks());
        server.createContext("/realms/shop/.well-known/openid-configuration", exchange -> {
            discoveries.incrementAndGet();
            sleep(discoveryDelayMillis);
            answer(exchange, discoveryBody.get());
        });
        server.createContext("/realms/shop/certs", exchange -> {
            jwksFetches.incrementAndGet();
            answer(exchange, jwksBody.get());
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        authorizer = new JwtAuthorizer(List.of(), List.of(), dir, null, new MutableClock(NOW));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpAuthorizerSpec spec(String configuredIssuer) {
        return new HttpAuthorizerSpec("oidc", "oidc01", HttpAuthorizerSpec.Type.JWT,
                List.of(HttpAuthorizerSpec.DEFAULT_JWT_IDENTITY_SOURCE), configuredIssuer, List.of("orders-api"), null, null, false, 0);
    }

    private String token(RsaTestKey key, String iss) {
        return key.sign("{\"sub\":\"alice\",\"iss\":\"" + iss + "\",\"aud\":\"orders-api\",\"exp\":" + (NOW.getEpochSecond() + 600) + "}");
    }

    private Map<String, Object> authorize(String configuredIssuer, String token) {
        return authorizer.authorize(spec(configuredIssuer), List.of(), Requests.withHeader("Authorization", "Bearer " + token));
    }

    @Test
    void keysAreDiscoveredOnTheFirstTokenAndThenCached() {
        assertEquals(0, discoveries.get(), "fetched before any token needed it");

        for (int i = 0; i < 3; i++) {
            assertTrue(authorize(issuer, token(first, issuer)).containsKey("jwt"));
        }

        assertEquals(1, discoveries.get());
        assertEquals(1, jwksFetches.get());
    }

    @Test
    void aTrailingSlashOfTheIssuerIsNotDoubled() {
        assertTrue(authorize(issuer + "/", token(first, issuer + "/")).containsKey("jwt"));
        assertEquals(1, discoveries.get());
    }

    @Test
    void aNewKidRefetchesTheKeysOnce() {
        authorize(issuer, token(first, issuer));
        jwksBody.set("{\"keys\":[" + first.key.toPublicJWK().toJSONString() + "," + rotated.key.toPublicJWK().toJSONString() + "]}");

        assertTrue(authorize(issuer, token(rotated, issuer)).containsKey("jwt"));
        assertEquals(2, jwksFetches.get());
        assertEquals(1, discoveries.get(), "the jwks_uri is kept");

        String unknown = rotated.sign(com.nimbusds.jose.JWSAlgorithm.RS256, "never-published",
                "{\"iss\":\"" + issuer + "\",\"aud\":\"orders-api\",\"exp\":" + (NOW.getEpochSecond() + 600) + "}");
        for (int i = 0; i < 3; i++) {
            assertUnauthorized("the token does not have a valid kid", () -> authorize(issuer, unknown));
        }
        assertTrue(jwksFetches.get() <= 3, "an unknown kid refetched " + jwksFetches.get() + " times");
    }

    @Test
    void aDiscoveryThatTakesLongerThan1500MillisecondsIsA401() {
        discoveryDelayMillis = 4000;
        long start = System.nanoTime();

        assertUnauthorized("the signing keys of the issuer cannot be retrieved", () -> authorize(issuer, token(first, issuer)));

        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis >= 1400 && tookMillis < 3500, "gave up after " + tookMillis + " ms");
    }

    @Test
    void aDiscoveryDocumentOver150000BytesIsA401() {
        discoveryBody.set("{\"jwks_uri\":\"" + issuer + "/certs\",\"padding\":\"" + "x".repeat(150_000) + "\"}");

        assertUnauthorized("the signing keys of the issuer cannot be retrieved", () -> authorize(issuer, token(first, issuer)));
        assertEquals(0, jwksFetches.get());
    }

    @Test
    void aJwksOver150000BytesIsA401() {
        jwksBody.set("{\"keys\":[" + first.key.toPublicJWK().toJSONString() + "],\"padding\":\"" + "x".repeat(150_000) + "\"}");

        assertUnauthorized("the signing keys of the issuer cannot be retrieved", () -> authorize(issuer, token(first, issuer)));
    }

    @Test
    void aDiscoveryThatFailsIsTriedAgainOnTheNextToken() {
        discoveryBody.set("{\"issuer\":\"" + issuer + "\"}");
        assertUnauthorized("the signing keys of the issuer cannot be retrieved", () -> authorize(issuer, token(first, issuer)));

        discoveryBody.set("{\"jwks_uri\":\"" + issuer + "/certs\"}");
        assertTrue(authorize(issuer, token(first, issuer)).containsKey("jwt"));
        assertEquals(2, discoveries.get());
    }

    @Test
    void anIssuerWithNothingServedIsA401() {
        String nowhere = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/gone";
        assertUnauthorized("the signing keys of the issuer cannot be retrieved", () -> authorize(nowhere, token(first, nowhere)));
        String notAUrl = "accounts.example.com";
        assertUnauthorized("the signing keys of the issuer cannot be retrieved", () -> authorize(notAUrl, token(first, notAUrl)));
    }
}
