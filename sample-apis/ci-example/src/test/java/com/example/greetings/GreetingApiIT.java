package com.example.greetings;

import dev.gwemu.junit.GwemuBaseUrl;
import dev.gwemu.junit.GwemuExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The greetings API through a gwemu of this test class's own, started by the JUnit extension before the first test
 * and stopped after the last. The same test runs from an IDE, once {@code mvn compile} has built target/classes.
 */
class GreetingApiIT {
    @RegisterExtension
    static GwemuExtension gwemu = GwemuExtension.forApi("api.yaml");   // relative to the project folder

    private final HttpClient client = HttpClient.newHttpClient();

    private URI dev(String path) {
        return gwemu.baseUrl("greetings", "dev").resolve(path);        // http://127.0.0.1:PORT/dev/ + path
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void greetsTheNameInTheQuery() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(dev("hello?name=Ada")));

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().startsWith("{\"message\": \"Hello, Ada!\""), response.body());
    }

    @Test
    void greetsTheWorldWithoutAName() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(dev("hello")));

        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("{\"message\": \"Hello, world!\""), response.body());
    }

    @Test
    void postGreetsTheNameInTheBody() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(dev("hello"))
                .POST(HttpRequest.BodyPublishers.ofString("Grace")));

        assertEquals(201, response.statusCode());
        assertTrue(response.body().startsWith("{\"message\": \"Hello, Grace!\""), response.body());
    }

    @Test
    void postWithoutANameIsABadRequest() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(dev("hello"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertEquals(400, response.statusCode());
        assertEquals("{\"error\": \"send a name as the request body\"}", response.body());
    }

    @Test
    void theProdStageIsServedToo(@GwemuBaseUrl(api = "greetings", stage = "prod") URI prod) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(prod.resolve("health")));   // a URL injected

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\": \"ok\", \"stage\": \"prod\"}", response.body());
    }

    @Test
    void healthIsAnsweredByApiGatewayItself() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(dev("health")));

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\": \"ok\", \"stage\": \"dev\"}", response.body());
    }

    @Test
    void aPathTheApiDoesNotHaveGetsApiGatewaysAnswer() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(dev("goodbye")));

        assertEquals(403, response.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", response.body());
    }
}
