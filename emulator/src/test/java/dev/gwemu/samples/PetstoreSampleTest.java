package dev.gwemu.samples;

import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sample-apis/petstore, served as the README's start command serves it. */
class PetstoreSampleTest {
    private static final Path API = TestPaths.PROJECT_ROOT.resolve("sample-apis/petstore/api.yaml");
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isRegularFile(TestPaths.PROJECT_ROOT.resolve("sample-apis/target/sample-handlers.jar")),
                "build from the project root so sample-apis is packaged first");
        gateway = RunningGateway.start(API);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return gateway.client().send(HttpRequest.newBuilder(gateway.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsTheSeededPetsAndFiltersByType() throws Exception {
        HttpResponse<String> all = gateway.get("/dev/pets");
        assertEquals(200, all.statusCode());
        assertTrue(all.body().contains("{\"id\":1,\"name\":\"Rex\",\"type\":\"dog\"}"), all.body());
        assertEquals("[{\"id\":2,\"name\":\"Tom\",\"type\":\"cat\"}]", gateway.get("/dev/pets?type=cat").body());
    }

    @Test
    void getsOnePetOr404() throws Exception {
        HttpResponse<String> rex = gateway.get("/prod/pets/1");
        assertEquals(200, rex.statusCode());
        assertEquals("application/json", rex.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"id\":1,\"name\":\"Rex\",\"type\":\"dog\"}", rex.body());
        HttpResponse<String> missing = gateway.get("/dev/pets/42");
        assertEquals(404, missing.statusCode());
        assertEquals("{\"message\":\"Pet 42 not found\"}", missing.body());
    }

    @Test
    void createsAPetWithLocationAndRefusesABadBody() throws Exception {
        HttpResponse<String> created = post("/dev/pets", "{\"name\":\"Fido\",\"type\":\"dog\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"name\":\"Fido\""), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().matches("/dev/pets/\\d+"));
        assertEquals(400, post("/dev/pets", "{\"name\":42}").statusCode());
    }

    @Test
    void unknownRouteIsAwsMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = gateway.get("/dev/owners");
        assertEquals(403, response.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", response.body());
    }
}
