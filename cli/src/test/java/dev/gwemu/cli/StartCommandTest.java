package dev.gwemu.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gwemu start} as a user runs it: a separate JVM, real HTTP, a signal to stop. */
class StartCommandTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SERVING = Pattern.compile("gwemu: serving on http://127\\.0\\.0\\.1:(\\d+) ");
    private final GwemuProcesses processes = new GwemuProcesses();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        processes.close();
    }

    private Process gwemu(String... args) throws IOException {
        return processes.start(args);
    }

    @Test
    void servesTheSampleOnAFreePortAndStopsOnSigterm() throws Exception {
        Process p = gwemu("start", ROOT.resolve("sample-apis/petstore/api.yaml").toString(), "--port", "0");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        int port = GwemuProcesses.servingPort(out, lines);
        assertTrue(port > 0, "no 'serving on' line in " + lines);
        assertTrue(lines.contains("http://127.0.0.1:" + port + "/dev  (petstore, stage dev)"), lines.toString());
        assertTrue(lines.contains("http://127.0.0.1:" + port + "/prod  (petstore, stage prod)"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("gwemu: loaded .*api\\.yaml in \\d+ ms: 1 API, 2 stages, 3 routes, "
                + "3 functions, \\d+ warnings?")), lines.toString());
        assertTrue(lines.contains("  GET   /pets/{petId}  aws_proxy GetPet"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("function GetPet  (java17, dev.gwemu.samples.petstore.GetPet::handleRequest, ")),
                lines.toString());

        HttpClient client = HttpClient.newHttpClient();
        URI pets = URI.create("http://127.0.0.1:" + port + "/dev/pets/1");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(pets).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"name\""), response.body());

        // Process.destroy() would close our end of its output; a real signal leaves it readable.
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "gwemu did not stop on SIGTERM");
        StringBuilder rest = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            rest.append(line).append('\n');
        }
        assertTrue(rest.toString().contains("gwemu: stopped"), rest.toString());
        assertThrows(ConnectException.class, () -> client.send(HttpRequest.newBuilder(pets).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void reloadsAChangedDefinitionAndKeepsServingWhenTheNextOneIsBroken() throws Exception {
        Path project = copyOfReloadProject();
        Process p = gwemu("start", project.resolve("api.yaml").toString(), "--port", "0");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String serving = waitFor(out, "gwemu: serving on ");
        assertTrue(serving.contains("reloads when the project's files change"), serving);
        int port = port(serving);
        assertEquals("{\"definition\": \"first\"}", get(port, "/dev/version"));

        Path definition = project.resolve("openapi.yaml");
        String good = Files.readString(definition);
        Files.writeString(definition, good.replace("\"first\"", "\"second\""));
        waitFor(out, "gwemu: openapi.yaml changed; reloading");
        String reloaded = waitFor(out, "gwemu: reloaded in ");
        assertTrue(reloaded.matches("gwemu: reloaded in \\d+ ms: 1 API, 1 stage, 2 routes, 1 function, 0 warnings"), reloaded);
        assertEquals("{\"definition\": \"second\"}", get(port, "/dev/version"));

        Files.writeString(definition, good.replace("type: mock", "type: nonsense"));
        waitFor(out, "gwemu: openapi.yaml changed; reloading");
        waitFor(out, "gwemu: reload failed; still serving the previous version:");
        assertTrue(out.readLine().startsWith("  " + definition + ":"));
        assertEquals("{\"definition\": \"second\"}", get(port, "/dev/version"));
    }

    @Test
    void noWatchServesWhatWasLoadedAtStart() throws Exception {
        Path project = copyOfReloadProject();
        Process p = gwemu("start", project.resolve("api.yaml").toString(), "--port", "0", "--no-watch");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String serving = waitFor(out, "gwemu: serving on ");
        assertTrue(!serving.contains("reloads"), serving);
        int port = port(serving);

        Path definition = project.resolve("openapi.yaml");
        Files.writeString(definition, Files.readString(definition).replace("\"first\"", "\"second\""));
        Thread.sleep(1500);
        assertEquals("{\"definition\": \"first\"}", get(port, "/dev/version"));
    }

    private Path copyOfReloadProject() throws IOException {
        Path project = Files.createDirectories(dir.resolve("reload"));
        for (String file : List.of("api.yaml", "openapi.yaml", "handlers/greet.js")) {
            Files.createDirectories(project.resolve(file).getParent());
            Files.copy(ROOT.resolve("testdata/reload").resolve(file), project.resolve(file));
        }
        return project;
    }

    /** Reads output until a line starting with {@code prefix}; fails on the end of output. */
    private static String waitFor(BufferedReader out, String prefix) throws IOException {
        List<String> seen = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.add(line);
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + seen);
    }

    private static int port(String servingLine) {
        Matcher m = SERVING.matcher(servingLine);
        assertTrue(m.find(), servingLine);
        return Integer.parseInt(m.group(1));
    }

    private static String get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aDefinitionItCannotLoadExitsNonZeroNamingFileAndLine() throws Exception {
        Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n"
                + "      responses: {}\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        httpMethod: POST\n"
                + "        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Ghost/invocations\n");
        Path apiYaml = Files.writeString(dir.resolve("api.yaml"), "apis:\n  - name: a\n    definition: openapi.yaml\n    stages: {dev: {}}\n");
        Process p = gwemu("start", apiYaml.toString(), "--port", "0");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains(dir.resolve("openapi.yaml") + ":10: "), output);
        assertTrue(output.contains("function 'Ghost'"), output);
    }

    @Test
    void aHandlerClassThatDoesNotExistIsALoadError() throws Exception {
        Path apiYaml = Files.writeString(dir.resolve("api.yaml"), Files.readString(ROOT.resolve("sample-apis/petstore/api.yaml"))
                .replace("../target/", ROOT.resolve("sample-apis/target").toString() + "/")
                .replace("definition: openapi.yaml", "definition: " + ROOT.resolve("sample-apis/petstore/openapi.yaml"))
                .replace("dev.gwemu.samples.petstore.CreatePet", "dev.gwemu.samples.petstore.NoSuchClass"));
        Process p = gwemu("start", apiYaml.toString(), "--port", "0");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("CreatePet") && output.contains("NoSuchClass"), output);
    }

    @Test
    void helpReadsLikeAManPage() throws Exception {
        Process p = gwemu("start", "--help");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertNotNull(output);
        assertTrue(output.contains("Usage: gwemu start") && output.contains("--port") && output.contains("Exit codes"), output);
    }
}
