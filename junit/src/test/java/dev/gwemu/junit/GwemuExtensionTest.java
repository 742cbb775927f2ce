package dev.gwemu.junit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The extension registered as a field: one gateway for the class, its quota carried from test to test until the clock moves. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GwemuExtensionTest {
    @RegisterExtension
    static GwemuExtension gwemu = GwemuExtension.forApi("src/test/resources/pets/api.yaml")
            .startingAt(Instant.parse("2026-11-25T09:00:00Z"));

    static HttpResponse<String> pets() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(gwemu.baseUrl("pets", "dev").resolve("pets"))
                .header("x-api-key", "tester-key-0123456789abcdef").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void servesTheProject() throws Exception {
        HttpResponse<String> response = pets();
        assertEquals(200, response.statusCode());
        assertEquals("[{\"id\":1}]", response.body());
    }

    @Test
    @Order(2)
    void theSameGatewayServesTheNextTest() throws Exception {
        assertEquals(200, pets().statusCode());
        assertEquals(429, pets().statusCode(), "the third call of the day, across tests");
    }

    @Test
    @Order(3)
    void theClockMoves() throws Exception {
        gwemu.advanceClock(Duration.ofDays(1));
        assertEquals(200, pets().statusCode());
    }
}
