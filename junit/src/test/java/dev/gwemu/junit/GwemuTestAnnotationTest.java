package dev.gwemu.junit;

import dev.gwemu.Gwemu;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The annotation form: the project from {@link GwemuTest}, the running gateway as a test parameter. */
@GwemuTest(api = "src/test/resources/pets/api.yaml", startTime = "2026-11-25T09:00:00Z")
class GwemuTestAnnotationTest {
    @Test
    void aTestMethodGetsTheGateway(Gwemu gwemu) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        gwemu.baseUrl("pets", "dev").resolve("pets")).header("x-api-key", "tester-key-0123456789abcdef").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("2026-11-25", gwemu.now().toString().substring(0, 10));
    }
}
