package dev.gwemu.cli;

import dev.gwemu.Gwemu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gwemu record} in front of a real gwemu server, then {@code gwemu replay} of what it wrote: the suite a team
 * makes from traffic, passing against the project it was recorded from and failing against a changed one.
 */
class RecordCommandTest {
    private static final Pattern LISTENING = Pattern.compile("gwemu record: http://127\\.0\\.0\\.1:(\\d+) -> ");

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final HttpClient client = HttpClient.newHttpClient();

    private CommandLine gwemu() {
        CommandLine gwemu = ReplayCommandTest.gwemuCommand();
        gwemu.setOut(new PrintWriter(out, true));
        gwemu.setErr(new PrintWriter(err, true));
        return gwemu;
    }

    private int proxyPort() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Matcher m = LISTENING.matcher(out.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no listening line in " + out + err);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void recordsTrafficThatReplaysAgainstItsProjectAndFailsAgainstAChangedOne() throws Exception {
        Path recording = dir.resolve("traffic.jsonl");
        int exit;
        try (Gwemu target = Gwemu.forApi(ReplayCommandTest.API).start()) {
            CompletableFuture<Integer> recorder = new CompletableFuture<>();
            Thread thread = new Thread(() -> recorder.complete(gwemu().execute("record", "--target",
                    "http://127.0.0.1:" + target.port(), "--out", recording.toString())), "record-command");
            thread.start();
            String base = "http://127.0.0.1:" + proxyPort();
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/dev/pets/2"))
                    .header("Authorization", "Bearer t0p-s3cret")).statusCode());
            assertEquals(201, send(HttpRequest.newBuilder(URI.create(base + "/dev/pets"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bo\"}"))).statusCode());
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/dev/notes"))).statusCode());
            thread.interrupt(); // what SIGINT's shutdown hook does, without ending the test JVM
            exit = recorder.get(10, TimeUnit.SECONDS);
        }
        assertEquals(0, exit, err.toString());
        String printed = out.toString();
        assertTrue(printed.contains("(redacting Authorization, Cookie, Proxy-Authorization, Set-Cookie, X-Amz-Security-Token, x-api-key)"),
                printed);
        assertTrue(Pattern.compile("#1 GET /dev/pets/2 -> 200 \\(\\d+ ms\\)").matcher(printed).find(), printed);
        assertTrue(Pattern.compile("#2 POST /dev/pets -> 201 \\(\\d+ ms\\)").matcher(printed).find(), printed);
        assertTrue(printed.contains("gwemu record: stopped, 3 exchanges recorded"), printed);
        String recorded = Files.readString(recording);
        assertEquals(3, recorded.lines().count());
        assertFalse(recorded.contains("t0p-s3cret"), recorded);

        out.getBuffer().setLength(0);
        assertEquals(0, gwemu().execute("replay", ReplayCommandTest.API.toString(), recording.toString(), "--ignore", "/requestId"),
                out.toString() + err);
        assertTrue(out.toString().endsWith("3 exchanges, 3 matched, 0 differed" + System.lineSeparator()), out.toString());

        out.getBuffer().setLength(0);
        Path changed = ReplayCommandTest.changedProject(dir.resolve("changed"));
        assertEquals(1, gwemu().execute("replay", changed.toString(), recording.toString(), "--ignore", "/requestId"));
        assertTrue(out.toString().contains("       body /name: recorded \"Rex\", replayed \"Max\""), out.toString());
    }

    @Test
    void badOptionsAreExitTwo() {
        Path recording = dir.resolve("rec.jsonl");
        assertEquals(2, gwemu().execute("record", "--target", "ftp://example.com", "--out", recording.toString()));
        assertTrue(err.toString().contains("--target ftp://example.com: the target is not an http:// or https:// URL"), err.toString());
        assertEquals(2, gwemu().execute("record", "--target", "http://127.0.0.1:3000", "--out", recording.toString(),
                "--no-redact", "--redact", "X-Session"));
        assertTrue(err.toString().contains("--redact and --no-redact contradict each other"), err.toString());
        assertFalse(Files.exists(recording), "nothing is written before the options are right");
    }
}
