package dev.gwemu.samples;

import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** sample-apis/notes-js (Node.js handlers on GraalJS), served as the README's start command serves it. */
class NotesJsSampleTest {
    private static final Path API = TestPaths.PROJECT_ROOT.resolve("sample-apis/notes-js/api.yaml");
    private static final String ALL_NOTES = "[{\"id\":1,\"title\":\"Buy oat milk\",\"tags\":[\"home\"]},"
            + "{\"id\":2,\"title\":\"Review the release notes\",\"tags\":[\"work\"]},"
            + "{\"id\":3,\"title\":\"Book the dentist\",\"tags\":[\"home\",\"health\"]}]";
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = RunningGateway.start(API);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static HttpResponse<String> post(RunningGateway target, String path, String body) throws Exception {
        return target.client().send(HttpRequest.newBuilder(target.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static void assertJson(int status, String body, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(body, response.body());
        assertEquals("application/json", header(response, "Content-Type"));
    }

    @Test
    void listsTheSeededNotesAndFiltersByTag() throws Exception {
        HttpResponse<String> all = gateway.get("/dev/notes");
        assertJson(200, ALL_NOTES, all);
        assertEquals(Optional.empty(), all.headers().firstValue("X-Notes-Edition"), "dev has no stage variables");

        assertJson(200, "[{\"id\":1,\"title\":\"Buy oat milk\",\"tags\":[\"home\"]},"
                + "{\"id\":3,\"title\":\"Book the dentist\",\"tags\":[\"home\",\"health\"]}]", gateway.get("/dev/notes?tag=home"));
        assertJson(200, "[{\"id\":2,\"title\":\"Review the release notes\",\"tags\":[\"work\"]}]",
                gateway.get("/dev/notes?tag=work"));
        assertJson(200, "[]", gateway.get("/dev/notes?tag=garden"));
    }

    @Test
    void getsOneNoteOr404() throws Exception {
        assertJson(200, "{\"id\":2,\"title\":\"Review the release notes\",\"tags\":[\"work\"]}", gateway.get("/dev/notes/2"));
        assertJson(404, "{\"message\":\"Note 42 not found\"}", gateway.get("/dev/notes/42"));
        assertJson(404, "{\"message\":\"Note abc not found\"}", gateway.get("/dev/notes/abc"));
    }

    @Test
    void everyFunctionAnswersWithItsEnvironmentsOwner() throws Exception {
        // NOTES_OWNER comes from each function's `environment` in api.yaml, read through process.env.
        assertEquals("alice", header(gateway.get("/dev/notes"), "X-Notes-Owner"));         // ListNotes
        assertEquals("alice", header(gateway.get("/dev/notes/1"), "X-Notes-Owner"));       // GetNote
        assertEquals("alice", header(gateway.get("/dev/notes/42"), "X-Notes-Owner"));
        assertEquals("alice", header(post(gateway, "/dev/notes", "{}"), "X-Notes-Owner")); // CreateNote
    }

    @Test
    void createsNotesWithLocationInTheirOwnFunctionsEnvironment() throws Exception {
        // A gateway of its own, so CreateNote's store is fresh and the new ids are known: 4, then 5.
        try (RunningGateway fresh = RunningGateway.start(API)) {
            HttpResponse<String> created = post(fresh, "/dev/notes", "{\"title\":\"Water the plants\",\"tags\":[\"home\"]}");
            assertJson(201, "{\"id\":4,\"title\":\"Water the plants\",\"tags\":[\"home\"]}", created);
            assertEquals("/dev/notes/4", header(created, "Location"));
            assertEquals("alice", header(created, "X-Notes-Owner"));

            // The same warm environment serves the next call: its module state goes on counting, and the
            // stage in Location is the request's (requestContext.stage). A 40-character title is the most
            // MAX_TITLE_LENGTH allows; tags default to none.
            String title = "x".repeat(40);
            HttpResponse<String> second = post(fresh, "/prod/notes", "{\"title\":\"" + title + "\"}");
            assertJson(201, "{\"id\":5,\"title\":\"" + title + "\",\"tags\":[]}", second);
            assertEquals("/prod/notes/5", header(second, "Location"));

            // GetNote and ListNotes are other functions, with environments (and stores) of their own:
            // as in Lambda, a note kept in CreateNote's memory is not theirs to see.
            assertJson(404, "{\"message\":\"Note 4 not found\"}", fresh.get("/dev/notes/4"));
            assertJson(200, ALL_NOTES, fresh.get("/dev/notes"));
        }
    }

    @Test
    void refusesABadBodyWith400() throws Exception {
        assertJson(400, "{\"message\":\"title must be a non-empty string\"}", post(gateway, "/dev/notes", "{\"title\":42}"));
        assertJson(400, "{\"message\":\"title must be a non-empty string\"}", post(gateway, "/dev/notes", "{\"title\":\" \"}"));
        assertJson(400, "{\"message\":\"Request body is not valid JSON\"}", post(gateway, "/dev/notes", "not json"));
        assertJson(400, "{\"message\":\"Request body must be a JSON object with a title\"}", post(gateway, "/dev/notes", "[]"));
        assertJson(400, "{\"message\":\"Request body must be a JSON object with a title\"}", post(gateway, "/dev/notes", ""));
        assertJson(400, "{\"message\":\"tags must be an array of strings\"}",
                post(gateway, "/dev/notes", "{\"title\":\"Plan the trip\",\"tags\":\"travel\"}"));
        // MAX_TITLE_LENGTH=40 from CreateNote's environment: 41 characters are one too many.
        assertJson(400, "{\"message\":\"title must be at most 40 characters\"}",
                post(gateway, "/dev/notes", "{\"title\":\"" + "x".repeat(41) + "\"}"));
    }

    @Test
    void prodStageServesTheSameFunctionsWithItsStageVariable() throws Exception {
        HttpResponse<String> all = gateway.get("/prod/notes");
        assertJson(200, ALL_NOTES, all);
        assertEquals("production", header(all, "X-Notes-Edition"));
        assertEquals("alice", header(all, "X-Notes-Owner"));
        assertJson(200, "{\"id\":3,\"title\":\"Book the dentist\",\"tags\":[\"home\",\"health\"]}", gateway.get("/prod/notes/3"));
        assertJson(404, "{\"message\":\"Note 7 not found\"}", gateway.get("/prod/notes/7"));
    }

    @Test
    void unknownRouteIsAwsMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = gateway.client().send(HttpRequest.newBuilder(gateway.uri("/dev/notes/1"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", response.body());
    }
}
