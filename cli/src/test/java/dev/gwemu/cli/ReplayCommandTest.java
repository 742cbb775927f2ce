package dev.gwemu.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gwemu replay} as a CI job runs it: the sample recording against its project, output and exit codes. */
class ReplayCommandTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path PROJECT = ROOT.resolve("testdata/record");
    static final Path API = PROJECT.resolve("api.yaml");
    static final Path SAMPLE = PROJECT.resolve("sample.jsonl");

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** The gwemu command as main runs it. */
    static CommandLine gwemuCommand() {
        return GwemuCommand.commandLine();
    }

    int gwemu(String... args) {
        CommandLine gwemu = gwemuCommand();
        gwemu.setOut(new PrintWriter(out, true));
        gwemu.setErr(new PrintWriter(err, true));
        return gwemu.execute(args);
    }

    String printed() {
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    /** The record project in a temporary folder, with the MOCK's pet renamed. */
    static Path changedProject(Path into) throws Exception {
        try (Stream<Path> files = Files.walk(PROJECT)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = PROJECT.relativize(file);
                if (relative.startsWith(".gwemu")) {
                    continue;
                }
                Path target = into.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path openApi = into.resolve("openapi.yaml");
        Files.writeString(openApi, Files.readString(openApi).replace("\"name\": \"Rex\"", "\"name\": \"Max\""));
        return into.resolve("api.yaml");
    }

    @Test
    void theSampleMatchesItsProjectOnceTheRequestIdIsLeftOut() {
        assertEquals(0, gwemu("replay", API.toString(), SAMPLE.toString(), "--ignore", "/requestId"), err.toString());
        assertEquals("""
                ok   #1 GET /dev/pets/1?expand=owner 200
                ok   #2 POST /dev/pets 201
                ok   #3 GET /dev/pets/1/photo 200
                ok   #4 GET /dev/notes 200
                ok   #5 GET /dev/nothing 403
                5 exchanges, 5 matched, 0 differed
                """, printed());
    }

    @Test
    void aVolatileBodyFieldDiffersUntilIgnored() {
        assertEquals(1, gwemu("replay", API.toString(), SAMPLE.toString()));
        String printed = printed();
        assertTrue(printed.contains("""
                FAIL #2 POST /dev/pets 201 (sample.jsonl line 2)
                       body /requestId: recorded "d1edf6f3-f9e6-46f8-8a8a-1dfac8eab50a", replayed \""""), printed);
        assertTrue(printed.endsWith("5 exchanges, 4 matched, 1 differed\n"), printed);
    }

    @Test
    void aChangedProjectFailsWithADiffNamingTheChange() throws Exception {
        Path changed = changedProject(dir.resolve("changed"));
        assertEquals(1, gwemu("replay", changed.toString(), SAMPLE.toString(), "--ignore", "/requestId", "--quiet"));
        assertEquals("""
                FAIL #1 GET /dev/pets/1?expand=owner 200 (sample.jsonl line 1)
                       body /name: recorded "Rex", replayed "Max"
                5 exchanges, 4 matched, 1 differed
                """, printed());
    }

    @Test
    void strictComparesRequestIdsAndChosenOrIgnoredHeadersNarrowIt() {
        assertEquals(1, gwemu("replay", API.toString(), SAMPLE.toString(), "--ignore", "/requestId", "--strict", "-q"));
        assertTrue(printed().contains("       header x-amzn-requestid: recorded \"d25e9f69-5e17-475e-be87-bce609daddb0\", replayed \""),
                printed());
        assertTrue(printed().contains("       header x-amzn-trace-id: recorded \"Root=1-6b07934f-"), printed());
        out.getBuffer().setLength(0);
        assertEquals(0, gwemu("replay", API.toString(), SAMPLE.toString(), "--ignore", "/requestId", "--strict",
                "--header", "Content-Type", "--header", "location"), printed());
        assertEquals(0, gwemu("replay", API.toString(), SAMPLE.toString(), "--ignore", "/requestId", "--strict",
                "--ignore-header", "x-amzn-RequestId", "--ignore-header", "x-amz-apigw-id", "--ignore-header", "X-Amzn-Trace-Id"),
                printed());
    }

    @Test
    void aRequestHeaderCanBeSetOnEveryReplayedRequest() {
        // The function answers whether it got an Authorization header; the recorded POST had none.
        assertEquals(1, gwemu("replay", API.toString(), SAMPLE.toString(), "--ignore", "/requestId", "-q",
                "--request-header", "Authorization: Bearer local-token"));
        assertTrue(printed().contains("       body /authorization: recorded \"absent\", replayed \"present\""), printed());
    }

    @Test
    void exchangesWithoutAResponseAreSkippedAndRedactedCredentialsAreNamedWhenTheStatusDiffers() throws Exception {
        Path recording = Files.writeString(dir.resolve("rec.jsonl"), """
                {"gwemu":1,"request":{"method":"GET","path":"/dev/pets/1"},"error":"cannot reach https://example.com: ConnectException"}

                {"gwemu":1,"request":{"method":"GET","path":"/dev/nothing","headers":{"Authorization":["REDACTED"]}},"response":{"status":200,"body":"{}"}}
                """);
        assertEquals(1, gwemu("replay", API.toString(), recording.toString()));
        assertEquals("""
                skip #1 GET /dev/pets/1 (recorded without a response: cannot reach https://example.com: ConnectException)
                FAIL #2 GET /dev/nothing 200 (rec.jsonl line 3)
                       status: recorded 200, replayed 403
                       header Content-Type: recorded (absent), replayed "application/json"
                       header x-amzn-ErrorType: recorded (absent), replayed "MissingAuthenticationTokenException"
                       body /message: not recorded, replayed "Missing Authentication Token"
                2 exchanges, 0 matched, 1 differed, 1 skipped (recorded without a response)
                note: Authorization had been redacted when recorded (value REDACTED); give a working value with --request-header 'NAME: VALUE'
                """, printed());
    }

    @Test
    void recordingsOfAwsHostsReplayWhenTheProjectHasTheApiIdElseSaySo() throws Exception {
        String sample = Files.readString(SAMPLE);
        Path aws = Files.writeString(dir.resolve("aws.jsonl"),
                sample.replace("127.0.0.1:3000", "r3c0rdp3ts.execute-api.us-east-1.amazonaws.com"));
        assertEquals(0, gwemu("replay", API.toString(), aws.toString(), "--ignore", "/requestId", "-q"), printed());
        assertEquals("", err.toString());

        Path other = Files.writeString(dir.resolve("other.jsonl"),
                sample.replace("127.0.0.1:3000", "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"));
        assertEquals(1, gwemu("replay", API.toString(), other.toString(), "--ignore", "/requestId", "-q"));
        assertTrue(err.toString().startsWith("gwemu replay: warning: the recording addresses API a1b2c3d4e5 (Host "
                + "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com), which the project does not have"), err.toString());
        assertTrue(printed().contains("status: recorded 200, replayed 404"), printed());

        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertEquals(0, gwemu("replay", API.toString(), other.toString(), "--ignore", "/requestId", "-q",
                "--request-header", "Host: 127.0.0.1"), printed());
        assertEquals("", err.toString());
    }

    @Test
    void functionLogsGoToTheFileAskedFor() throws Exception {
        Path logs = dir.resolve("functions.log");
        assertEquals(0, gwemu("replay", API.toString(), SAMPLE.toString(), "--ignore", "/requestId", "-q",
                "--function-logs", logs.toString()));
        assertEquals("5 exchanges, 5 matched, 0 differed\n", printed());
        String logged = Files.readString(logs);
        assertEquals(3, logged.lines().filter(l -> l.startsWith("[Pets] START RequestId: ")).count(), logged);
    }

    @Test
    void badInputIsExitTwoWithFileAndLine() throws Exception {
        String first = Files.readAllLines(SAMPLE).get(0);
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), first + "\n" + first.replace("\"status\":200", "\"status\":\"200\"") + "\n");
        assertEquals(2, gwemu("replay", API.toString(), bad.toString()));
        assertEquals("gwemu replay: " + bad + ":2: /response/status is not an HTTP status (100 to 599)\n",
                err.toString().replace(System.lineSeparator(), "\n"));
        assertEquals("", out.toString(), "nothing is replayed from a recording with a bad line");

        err.getBuffer().setLength(0);
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        assertEquals(2, gwemu("replay", API.toString(), empty.toString()));
        assertTrue(err.toString().contains("holds no exchanges"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, gwemu("replay", API.toString()));
        assertTrue(err.toString().contains("looks like a project file; give the recording too"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, gwemu("replay", API.toString(), SAMPLE.toString(), "--ignore", "requestId"));
        assertTrue(err.toString().contains("'requestId' is not a JSON pointer: it starts with '/'"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, gwemu("replay", dir.resolve("missing.yaml").toString(), SAMPLE.toString()));
        assertTrue(err.toString().startsWith("gwemu replay: cannot load " + dir.resolve("missing.yaml")), err.toString());
        assertFalse(out.toString().contains("ok"), out.toString());
    }
}
