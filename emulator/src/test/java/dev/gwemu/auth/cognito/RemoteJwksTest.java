package dev.gwemu.auth.cognito;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import dev.gwemu.model.UserPoolSpec;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.gwemu.auth.cognito.CognitoAuthenticatorTest.NOW;
import static dev.gwemu.auth.cognito.CognitoAuthenticatorTest.idClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pool whose JWKS is a URL: fetched on the first token, then cached; a JWKS that cannot be had is a 500, not a 401. */
class RemoteJwksTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(NOW);
    final TestSigner key = new TestSigner("remote-key-1");
    final AtomicInteger fetches = new AtomicInteger();
    HttpServer server;

    @BeforeEach
    void serveJwks() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/us-east-1_Remote/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(key.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private UserPoolSpec pool(String path) {
        return new UserPoolSpec("remote", "us-east-1_Remote",
                "http://127.0.0.1:" + server.getAddress().getPort() + path, List.of());
    }

    @Test
    void theJwksIsFetchedOnTheFirstTokenAndThenCached() {
        UserPoolSpec pool = pool("/us-east-1_Remote/.well-known/jwks.json");
        CognitoAuthenticator authenticator = new CognitoAuthenticator(List.of(pool), dir, null, clock);
        assertEquals(0, fetches.get(), "fetched before any token needed it");
        String token = key.sign(idClaims(pool.id(), "anyclient", NOW.getEpochSecond() + 3600));

        for (int i = 0; i < 3; i++) {
            assertEquals("alice", authenticator.authenticate(Pools.authorizer(pool), token, List.of()).get("sub"));
        }

        assertEquals(1, fetches.get());
    }

    @Test
    void aJwksUrlThatDoesNotAnswerIsAnAuthorizerConfigurationError() {
        UserPoolSpec pool = pool("/nothing-here.json");
        CognitoAuthenticator authenticator = new CognitoAuthenticator(List.of(pool), dir, null, clock);
        String token = key.sign(idClaims(pool.id(), "anyclient", NOW.getEpochSecond() + 3600));

        GatewayException e = assertThrows(GatewayException.class,
                () -> authenticator.authenticate(Pools.authorizer(pool), token, List.of()));

        assertEquals(500, e.status());
        assertEquals("AuthorizerConfigurationException", e.errorType());
        assertEquals(null, e.getMessage());
        assertTrue(e.detail().contains("/nothing-here.json"), e.detail());
    }
}
