package dev.gwemu.junit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** resettingBetweenTests(): each test starts with the day's quota unused, where GwemuExtensionTest carries it over. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResettingExtensionTest {
    @RegisterExtension
    static GwemuExtension gwemu = GwemuExtension.forApi("src/test/resources/pets/api.yaml")
            .startingAt(Instant.parse("2026-11-25T09:00:00Z"))
            .resettingBetweenTests();

    static int pets(URI base) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("pets"))
                .header("x-api-key", "tester-key-0123456789abcdef").build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    @Order(1)
    void usesTheWholeQuota(@GwemuBaseUrl URI dev) throws Exception {
        assertEquals(200, pets(dev));
        assertEquals(200, pets(dev));
        assertEquals(429, pets(dev));
    }

    @Test
    @Order(2)
    void theNextTestHasItAgain(@GwemuBaseUrl(api = "pets", stage = "dev") String dev) throws Exception {
        assertEquals(200, pets(URI.create(dev)));
        assertEquals(200, pets(URI.create(dev)));
        assertEquals(429, pets(URI.create(dev)));
    }
}
