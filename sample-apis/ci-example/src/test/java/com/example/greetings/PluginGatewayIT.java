package com.example.greetings;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The greetings API through the gwemu that gwemu-maven-plugin started for the whole build (pre-integration-test),
 * found through the system properties it hands to failsafe. Any HTTP client, in any test, can call it this way.
 */
class PluginGatewayIT {
    private final HttpClient client = HttpClient.newHttpClient();

    private static URI url(String property) {
        String value = System.getProperty(property);
        assertNotNull(value, property + " is not set: run `mvn verify`, where gwemu-maven-plugin's start goal sets it");
        return URI.create(value);
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFirstStageGreets() throws Exception {
        HttpResponse<String> response = get(url("gwemu.baseUrl").resolve("hello?name=CI"));   // .../dev/hello?name=CI

        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("{\"message\": \"Hello, CI!\""), response.body());
    }

    @Test
    void everyStageHasItsOwnProperty() throws Exception {
        HttpResponse<String> response = get(url("gwemu.url.greetings.prod").resolve("health"));   // .../prod/health

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\": \"ok\", \"stage\": \"prod\"}", response.body());
    }

    @Test
    void aPropertyOfYourOwnNameMappedInThePom() throws Exception {
        // pom.xml: <greetings.prodUrl>${gwemu.url.greetings.prod}</greetings.prodUrl> in failsafe's systemPropertyVariables.
        // A test that reads its own name can also run against a real stage: -Dgreetings.prodUrl=https://...
        HttpResponse<String> response = get(url("greetings.prodUrl").resolve("hello?name=prod"));

        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("{\"message\": \"Hello, prod!\""), response.body());
    }
}
