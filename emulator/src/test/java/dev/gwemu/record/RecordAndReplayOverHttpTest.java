package dev.gwemu.record;

import dev.gwemu.Gwemu;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.Project;
import dev.gwemu.support.ProjectCopy;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recording proxy in front of a real gwemu server, real HTTP on both sides; then the recording replayed
 * in-process against the same project (it must match) and against a changed copy (it must not, and say where).
 */
class RecordAndReplayOverHttpTest {
    static final Path PROJECT = TestPaths.TESTDATA.resolve("record");
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    @TempDir
    Path dir;
    Path recording;
    Gwemu gwemu;
    RecordingWriter writer;
    RecordingProxy proxy;
    final List<Exchange> heard = new CopyOnWriteArrayList<>();
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        gwemu = Gwemu.forApi(PROJECT.resolve("api.yaml")).start();
        recording = dir.resolve("rec.jsonl");
        writer = RecordingWriter.create(recording);
        proxy = startProxy(URI.create("http://127.0.0.1:" + gwemu.port()));
    }

    private RecordingProxy startProxy(URI target) {
        return startProxy(target, false);
    }

    private RecordingProxy startProxy(URI target, boolean preserveHost) {
        return RecordingProxy.start("127.0.0.1", 0, new ExchangeForwarder(target, Duration.ofSeconds(10), preserveHost),
                HeaderRedactor.defaults(), writer, Clock.systemUTC(), new RecordingProxy.Listener() {
                    @Override
                    public void recorded(int number, Exchange exchange) {
                        heard.add(exchange);
                    }

                    @Override
                    public void writeFailed(Exchange exchange, IOException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        writer.close();
        gwemu.close();
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder at(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + pathAndQuery));
    }

    /** Five exchanges: JSON from a MOCK, a POST with a body and a secret, a PNG, plain text, a 403. */
    private void recordTraffic() throws Exception {
        HttpResponse<byte[]> pet = send(at("/dev/pets/1?expand=owner").header("Authorization", "Bearer s3cret-token"));
        assertEquals(200, pet.statusCode());
        assertEquals("{\"id\": \"1\", \"name\": \"Rex\", \"tags\": [\"good\", \"dog\"]}", new String(pet.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> created = send(at("/dev/pets").header("Content-Type", "application/json")
                .header("x-api-key", "k3y-value").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Fido\"}")));
        assertEquals(201, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
        assertEquals("/dev/pets/7", created.headers().firstValue("Location").orElseThrow());
        HttpResponse<byte[]> photo = send(at("/dev/pets/1/photo").header("Accept", "image/png"));
        assertEquals(200, photo.statusCode());
        assertArrayEquals(PNG, photo.body(), "the client gets the target's bytes unchanged");
        assertEquals(200, send(at("/dev/notes")).statusCode());
        HttpResponse<byte[]> missing = send(at("/dev/nothing"));
        assertEquals(403, missing.statusCode());
        assertEquals("MissingAuthenticationTokenException", missing.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals(5, heard.size());
    }

    @Test
    void recordsEachExchangeAsAJsonLineWithSecretsRedacted() throws Exception {
        recordTraffic();
        String text = Files.readString(recording);
        assertFalse(text.contains("s3cret-token"), text);
        assertFalse(text.contains("k3y-value"), text);
        List<RecordingReader.Entry> entries = RecordingReader.read(recording);
        assertEquals(5, entries.size());

        Exchange get = entries.get(0).exchange();
        assertEquals("GET", get.request().method());
        assertEquals("/dev/pets/1", get.request().path());
        assertEquals("expand=owner", get.request().query());
        assertEquals(List.of(HeaderRedactor.MARKER), Exchange.Headers.values(get.request().headers(), "authorization"));
        assertEquals(List.of("127.0.0.1:" + gwemu.port()), Exchange.Headers.values(get.request().headers(), "Host"),
                "the Host the target got");
        assertEquals(200, get.response().status());
        assertEquals("application/json", Exchange.Headers.first(get.response().headers(), "Content-Type"));
        assertTrue(Exchange.Headers.first(get.response().headers(), "x-amzn-RequestId").matches("[0-9a-f-]{36}"));
        assertNull(get.error());
        assertTrue(get.time() != null && get.latencyMs() >= 0);

        Exchange post = entries.get(1).exchange();
        assertEquals("{\"name\":\"Fido\"}", new String(post.request().body(), StandardCharsets.UTF_8));
        assertEquals(List.of("15"), Exchange.Headers.values(post.request().headers(), "Content-Length"));
        assertEquals(List.of(HeaderRedactor.MARKER), Exchange.Headers.values(post.request().headers(), "X-API-Key"));

        String photoLine = Files.readAllLines(recording).get(2);
        assertTrue(photoLine.contains("\"bodyBase64\":\"" + Base64.getEncoder().encodeToString(PNG) + "\""), photoLine);
        assertArrayEquals(PNG, entries.get(2).exchange().response().body());
    }

    @Test
    void theRecordingReplaysInProcessAgainstTheSameProject() throws Exception {
        recordTraffic();
        List<List<Difference>> strict = replay(PROJECT.resolve("api.yaml"), ComparisonRules.defaults());
        for (int i = 0; i < 5; i++) {
            if (i != 1) {
                assertEquals(List.of(), strict.get(i), "exchange " + (i + 1));
            }
        }
        // The function answers with its request id, new on every request: only that differs, until ignored.
        assertEquals(List.of("body /requestId"), strict.get(1).stream().map(Difference::subject).toList());
        List<List<Difference>> ignoring = replay(PROJECT.resolve("api.yaml"),
                ComparisonRules.defaults().ignoringPaths(List.of(JsonPointerPattern.parse("/requestId"))));
        ignoring.forEach(differences -> assertEquals(List.of(), differences));
    }

    @Test
    void aChangedProjectDiffersWhereItChanged() throws Exception {
        recordTraffic();
        Path copy = ProjectCopy.of(PROJECT, dir.resolve("changed"));
        Path openApi = copy.resolve("openapi.yaml");
        Files.writeString(openApi, Files.readString(openApi).replace("\"name\": \"Rex\"", "\"name\": \"Max\""));
        List<List<Difference>> results = replay(copy.resolve("api.yaml"),
                ComparisonRules.defaults().ignoringPaths(List.of(JsonPointerPattern.parse("/requestId"))));
        assertEquals(List.of(new Difference("body /name", "recorded \"Rex\", replayed \"Max\"")), results.get(0));
        for (int i = 1; i < 5; i++) {
            assertEquals(List.of(), results.get(i), "exchange " + (i + 1));
        }
    }

    @Test
    void anUnreachableTargetIsAnswered502AndRecordedWithItsError() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        proxy.close();
        proxy = startProxy(URI.create("http://127.0.0.1:" + closed));
        HttpResponse<byte[]> response = send(at("/dev/pets/1"));
        assertEquals(502, response.statusCode());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("{\"message\":\"gwemu record: cannot reach http://127.0.0.1:" + closed), body);
        Exchange recorded = RecordingReader.read(recording).get(0).exchange();
        assertNull(recorded.response());
        assertTrue(recorded.error().contains("cannot reach"), recorded.error());
    }

    @Test
    void aTargetWithABasePathPutsItBeforeEachPath() throws Exception {
        proxy.close();
        proxy = startProxy(URI.create("http://127.0.0.1:" + gwemu.port() + "/dev/"));
        assertEquals(200, send(at("/pets/1")).statusCode());
        assertEquals("/dev/pets/1", RecordingReader.read(recording).get(0).exchange().request().path());
    }

    @Test
    void theClientsHostReachesTheTargetOnlyWhenPreserved() throws Exception {
        String otherApi = "n0tth1s4p1.execute-api.localhost"; // surefire lets the tests send Host
        assertEquals(200, send(at("/dev/pets/1").header("Host", otherApi)).statusCode(), "the target's own Host");
        proxy.close();
        proxy = startProxy(URI.create("http://127.0.0.1:" + gwemu.port()), true);
        HttpResponse<byte[]> preserved = send(at("/dev/pets/1").header("Host", otherApi));
        assertEquals(404, preserved.statusCode(), "gwemu looked the API up by the client's Host");
        List<RecordingReader.Entry> entries = RecordingReader.read(recording);
        assertEquals(List.of("127.0.0.1:" + gwemu.port()), entries.get(0).exchange().request().headers().get("Host"));
        assertEquals(List.of(otherApi), entries.get(1).exchange().request().headers().get("Host"));
    }

    private List<List<Difference>> replay(Path apiYaml, ComparisonRules rules) throws Exception {
        Project project = ProjectLoader.load(apiYaml).project();
        List<List<Difference>> results = new ArrayList<>();
        try (ExchangeReplayer replayer = ExchangeReplayer.of(project, Map.of())) {
            for (RecordingReader.Entry entry : RecordingReader.read(recording)) {
                Exchange exchange = entry.exchange();
                results.add(ResponseComparison.compare(exchange.response(), replayer.replay(exchange), rules));
            }
        }
        return results;
    }
}
