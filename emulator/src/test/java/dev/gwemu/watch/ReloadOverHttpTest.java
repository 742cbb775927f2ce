package dev.gwemu.watch;

import dev.gwemu.Gateway;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.server.GatewayServer;
import dev.gwemu.support.ProjectCopy;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Watch and reload on a real server: the project's files change under it and requests see the new version. */
class ReloadOverHttpTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    private GatewayServer server;
    private Reloader reloader;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        ProjectCopy.of(TestPaths.TESTDATA.resolve("reload"), folder);
        Gateway gateway = Gateway.create(ProjectLoader.load(folder.resolve("api.yaml")).project(), Clock.systemUTC(), null);
        server = GatewayServer.start(gateway, "127.0.0.1", 0);
        reloader = Reloader.watch(folder.resolve("api.yaml"), server,
                project -> Gateway.create(project, Clock.systemUTC(), null), new Reloader.Listener() {
                    @Override
                    public void reloading(Set<Path> changed) {
                        events.add("reloading " + changed.stream().map(p -> folder.relativize(p).toString()).sorted().toList());
                    }

                    @Override
                    public void reloaded(ProjectLoader.Loaded loaded, long millis) {
                        events.add("reloaded");
                    }

                    @Override
                    public void failed(List<String> problems) {
                        events.add("failed " + problems);
                    }
                });
    }

    @AfterEach
    void stop() {
        reloader.close();
        server.close();
    }

    @Test
    void aChangedDefinitionIsServedOnTheSamePort() throws Exception {
        assertEquals("{\"definition\": \"first\"}", get("/dev/version").body());

        replace("openapi.yaml", "\"first\"", "\"second\"");

        assertEquals("reloading [openapi.yaml]", next());
        assertEquals("reloaded", next());
        assertEquals("{\"definition\": \"second\"}", get("/dev/version").body());
    }

    @Test
    void changedFunctionCodeIsServedByANewExecutionEnvironment() throws Exception {
        assertEquals("hello", get("/dev/greeting").body());

        replace("handlers/greet.js", "'hello'", "'bonjour'");

        assertEquals("reloading [handlers/greet.js]", next());
        assertEquals("reloaded", next());
        assertEquals("bonjour", get("/dev/greeting").body());
    }

    @Test
    void aRecompiledJavaClassFolderIsServedAfterTheBuildSettles() throws Exception {
        compileGreeter("ahoy");
        Files.writeString(folder.resolve("api.yaml"), Files.readString(folder.resolve("api.yaml")) + """
                  JavaGreet:
                    code: classes
                    handler: example.Greeter
                """);
        replace("openapi.yaml", "function:Greet/", "function:JavaGreet/");
        assertTrue(next().startsWith("reloading ["));
        assertEquals("reloaded", next());
        assertEquals("ahoy", get("/dev/greeting").body());

        compileGreeter("moin");

        assertEquals("reloading [classes/example/Greeter.class]", next());
        assertEquals("reloaded", next());
        assertEquals("moin", get("/dev/greeting").body());
    }

    /** A build: javac writes a Java handler answering {@code word} into the project's class folder. */
    private void compileGreeter(String word) throws IOException {
        Path source = Files.createDirectories(folder.resolve("src/example")).resolve("Greeter.java");
        Files.writeString(source, """
                package example;
                public class Greeter implements com.amazonaws.services.lambda.runtime.RequestHandler<java.util.Map<String, Object>, java.util.Map<String, Object>> {
                    public java.util.Map<String, Object> handleRequest(java.util.Map<String, Object> event, com.amazonaws.services.lambda.runtime.Context context) {
                        return java.util.Map.of("statusCode", 200, "body", "WORD");
                    }
                }
                """.replace("WORD", word));
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", folder.resolve("classes").toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, status, "javac failed");
    }

    @Test
    void aVersionThatFailsToLoadLeavesTheOldOneServingUntilItIsFixed() throws Exception {
        String good = Files.readString(folder.resolve("openapi.yaml"));
        Files.writeString(folder.resolve("openapi.yaml"), good.replace("\"first\"", "\"second\"")
                .replace("type: mock", "type: carrier-pigeon"));

        assertEquals("reloading [openapi.yaml]", next());
        String failure = next();
        assertTrue(failure.startsWith("failed [" + folder.resolve("openapi.yaml") + ":"), failure);
        assertTrue(failure.contains("carrier-pigeon"), failure);
        assertEquals("{\"definition\": \"first\"}", get("/dev/version").body());

        Files.writeString(folder.resolve("openapi.yaml"), good.replace("\"first\"", "\"third\""));
        assertEquals("reloading [openapi.yaml]", next());
        assertEquals("reloaded", next());
        assertEquals("{\"definition\": \"third\"}", get("/dev/version").body());
    }

    @Test
    void aFunctionThatNoLongerLoadsIsAFailedReloadToo() throws Exception {
        replace("api.yaml", "handler: greet.handler", "handler: missing.handler");

        assertEquals("reloading [api.yaml]", next());
        String failure = next();
        assertTrue(failure.startsWith("failed [") && failure.contains("missing"), failure);
        assertEquals("hello", get("/dev/greeting").body());
    }

    @Test
    void aRequestInFlightFinishesOnTheVersionItStartedOn() throws Exception {
        assertEquals("hello", get("/dev/greeting").body()); // the function is warm: the wait below is all it takes
        CompletableFuture<HttpResponse<String>> slow = CLIENT.sendAsync(
                HttpRequest.newBuilder(url("/dev/greeting?wait=1500")).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);

        replace("handlers/greet.js", "'hello'", "'bonjour'");
        assertEquals("reloading [handlers/greet.js]", next());
        assertEquals("reloaded", next());
        assertEquals("bonjour", get("/dev/greeting").body());

        HttpResponse<String> inFlight = slow.get(10, TimeUnit.SECONDS);
        assertEquals(200, inFlight.statusCode(), inFlight.body());
        assertEquals("hello", inFlight.body());
    }

    @Test
    void editorFilesAndGwemusOwnStateAreNotChanges() throws Exception {
        Files.writeString(folder.resolve(".openapi.yaml.swp"), "swap");
        Files.writeString(folder.resolve("openapi.yaml~"), "backup");
        Files.writeString(folder.resolve("access.log"), "a log line");
        Files.createDirectories(folder.resolve(".gwemu"));
        Files.writeString(folder.resolve(".gwemu/state.json"), "{}");

        assertNull(events.poll(1500, TimeUnit.MILLISECONDS), "a reload for files that are not the project");
    }

    @Test
    void theAccessLogTheGatewayWritesIsNotAChange() throws Exception {
        replace("api.yaml", "stages: {dev: {}}", "stages: {dev: {accessLogSettings: "
                + "{format: '$context.requestId $context.status', destination: requests.txt}}}");
        assertEquals("reloading [api.yaml]", next());
        assertEquals("reloaded", next());

        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/dev/version").statusCode());
        }

        assertNull(events.poll(1500, TimeUnit.MILLISECONDS), "the access log written while serving caused a reload");
        assertEquals(3, Files.readAllLines(folder.resolve("requests.txt")).size());
    }

    @Test
    void changesThatComeTogetherAreOneReload() throws Exception {
        replace("openapi.yaml", "\"first\"", "\"second\"");
        replace("handlers/greet.js", "'hello'", "'bonjour'");

        assertEquals("reloading [handlers/greet.js, openapi.yaml]", next());
        assertEquals("reloaded", next());
        assertNull(events.poll(800, TimeUnit.MILLISECONDS));
        assertEquals("bonjour", get("/dev/greeting").body());
    }

    private String next() throws InterruptedException {
        String event = events.poll(20, TimeUnit.SECONDS);
        assertNotNull(event, "no reload within 20 s");
        return event;
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = folder.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " has no " + from);
        Files.writeString(path, text.replace(from, to));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
