package dev.gwemu.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two goals run as Maven runs them (fields injected, one plugin context per module) against a real gateway and a
 * real HTTP client. That Maven loads and runs them in a build is proven by sample-apis/ci-example.
 */
class StartStopMojoTest {
    private final Map<String, Object> context = new HashMap<>();
    private final MavenProject project = new MavenProject();
    private final Properties properties = project.getProperties();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path temp;

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        stop().execute();
    }

    private StartMojo start(String testProject) {
        StartMojo mojo = new StartMojo();
        mojo.project = project;
        mojo.apiFile = new File("src/test/resources/" + testProject + "/api.yaml");
        mojo.host = "127.0.0.1";
        mojo.exportToArgLine = true;
        mojo.setPluginContext(context);
        return mojo;
    }

    private StopMojo stop() {
        StopMojo mojo = new StopMojo();
        mojo.project = project;
        mojo.setPluginContext(context);
        return mojo;
    }

    private HttpResponse<String> get(String url, String host) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (host != null) {
            request.header("Host", host);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheProjectAndSetsAPropertyForEveryStage() throws Exception {
        start("shop").execute();

        String port = properties.getProperty("gwemu.port");
        assertEquals(Set.of("gwemu.port", "gwemu.baseUrl", "gwemu.url.shop.dev", "gwemu.url.shop.prod",
                "gwemu.url.admin.ops", "gwemu.hostHeader.shop", "gwemu.hostHeader.admin", "argLine"), properties.keySet());
        assertEquals("http://127.0.0.1:" + port + "/dev/", properties.getProperty("gwemu.baseUrl"), "the first API's first stage");
        assertEquals("{\"api\":\"shop\",\"stage\":\"dev\"}", get(properties.getProperty("gwemu.baseUrl") + "items", null).body());
        assertEquals("{\"api\":\"shop\",\"stage\":\"prod\"}", get(properties.getProperty("gwemu.url.shop.prod") + "items", null).body());
        HttpResponse<String> admin = get(properties.getProperty("gwemu.url.admin.ops") + "health",
                properties.getProperty("gwemu.hostHeader.admin"));
        assertEquals(200, admin.statusCode());
        assertEquals("{\"api\":\"admin\",\"stage\":\"ops\"}", admin.body());
        assertTrue(properties.getProperty("gwemu.hostHeader.admin").endsWith(".execute-api.localhost"));
    }

    @Test
    void appendsThePropertiesToArgLineAndStopPutsItBack() throws Exception {
        properties.setProperty("argLine", "-Xmx256m");
        start("shop").execute();

        String argLine = properties.getProperty("argLine");
        assertTrue(argLine.startsWith("-Xmx256m -Dgwemu.port=" + properties.getProperty("gwemu.port") + " "), argLine);
        assertTrue(argLine.contains(" -Dgwemu.baseUrl=" + properties.getProperty("gwemu.baseUrl") + " "), argLine);
        assertTrue(argLine.contains(" -Dgwemu.hostHeader.admin=" + properties.getProperty("gwemu.hostHeader.admin")), argLine);

        stop().execute();
        assertEquals(Map.of("argLine", "-Xmx256m"), Map.copyOf(properties), "only what was there before");
    }

    @Test
    void leavesOutOfArgLineWhatTheCommandLineAlreadyPasses() throws Exception {
        StartMojo start = start("shop");
        start.port = freePort();
        start.userProperties = new Properties();
        start.userProperties.setProperty("gwemu.port", Integer.toString(start.port));
        start.execute();

        String argLine = properties.getProperty("argLine");
        assertFalse(argLine.contains("-Dgwemu.port="), argLine);
        assertTrue(argLine.startsWith("-Dgwemu.baseUrl=http://127.0.0.1:" + start.port + "/dev/ "), argLine);
        assertEquals(Integer.toString(start.port), properties.getProperty("gwemu.port"));
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void leavesArgLineAloneWhenAsked() throws Exception {
        StartMojo start = start("shop");
        start.exportToArgLine = false;
        start.execute();

        assertNull(properties.getProperty("argLine"));
        assertTrue(properties.containsKey("gwemu.baseUrl"));
    }

    @Test
    void stopClosesThePortAndForgetsTheGateway() throws Exception {
        start("shop").execute();
        String items = properties.getProperty("gwemu.baseUrl") + "items";
        assertEquals(200, get(items, null).statusCode());

        stop().execute();

        assertThrows(ConnectException.class, () -> get(items, null));
        assertTrue(properties.isEmpty(), "no property left pointing at a closed port: " + properties);
        assertTrue(context.isEmpty());
    }

    @Test
    void loadWarningsAreLoggedAsWarningsWithFileAndLine() throws Exception {
        Path shop = temp.resolve("shop");
        java.nio.file.Files.createDirectories(shop);
        for (String file : List.of("api.yaml", "admin.yaml", "shop.yaml")) {
            java.nio.file.Files.copy(Path.of("src/test/resources/shop", file), shop.resolve(file));
        }
        java.nio.file.Files.writeString(shop.resolve("shop.yaml"), java.nio.file.Files.readString(shop.resolve("shop.yaml"))
                .replace("info: {title: shop, version: '1'}\n", "info: {title: shop, version: '1'}\nx-amazon-apigateway-cors-typo: {}\n"));
        List<String> warned = new java.util.ArrayList<>();
        StartMojo start = start("shop");
        start.apiFile = shop.resolve("api.yaml").toFile();
        start.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warned.add(content.toString());
            }
        });

        start.execute();

        assertEquals(1, warned.size(), warned.toString());
        assertTrue(warned.get(0).startsWith("gwemu: " + shop.resolve("shop.yaml") + ":3: "), warned.get(0));
        assertTrue(warned.get(0).contains("x-amazon-apigateway-cors-typo"), warned.get(0));
    }

    @Test
    void aDefinitionThatCannotLoadFailsTheBuildNamingFileAndLine() {
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> start("broken").execute());

        assertTrue(failure.getMessage().startsWith("gwemu: cannot load "), failure.getMessage());
        assertTrue(failure.getMessage().contains("openapi.yaml:9"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Missing"), failure.getMessage());
        assertTrue(context.isEmpty());
        assertTrue(properties.isEmpty());
    }

    @Test
    void aMissingProjectFileFailsTheBuildNamingIt() {
        StartMojo start = start("shop");
        start.apiFile = temp.resolve("api.yaml").toFile();

        MojoFailureException failure = assertThrows(MojoFailureException.class, start::execute);

        assertTrue(failure.getMessage().contains("no project file " + temp.resolve("api.yaml")), failure.getMessage());
    }

    @Test
    void aBusyPortFailsTheBuild() throws Exception {
        start("shop").execute();
        int busy = Integer.parseInt(properties.getProperty("gwemu.port"));
        StartMojo other = new StartMojo();
        other.project = new MavenProject();
        other.apiFile = new File("src/test/resources/shop/api.yaml");
        other.host = "127.0.0.1";
        other.port = busy;
        other.setPluginContext(new HashMap<>());

        MojoFailureException failure = assertThrows(MojoFailureException.class, other::execute);

        assertTrue(failure.getMessage().startsWith("gwemu: cannot listen on 127.0.0.1:" + busy), failure.getMessage());
    }

    @Test
    void oneStartPerModule() throws Exception {
        start("shop").execute();

        MojoExecutionException again = assertThrows(MojoExecutionException.class, () -> start("shop").execute());

        assertTrue(again.getMessage().contains("already running"), again.getMessage());
    }

    @Test
    void skipsWhenAskedOrWhenIntegrationTestsAreSkipped() throws Exception {
        StartMojo skipped = start("shop");
        skipped.skip = true;
        skipped.execute();
        StartMojo noIts = start("shop");
        noIts.skipITs = true;
        noIts.execute();
        StartMojo noTests = start("shop");
        noTests.skipTests = true;
        noTests.execute();

        assertTrue(context.isEmpty());
        assertTrue(properties.isEmpty());
        stop().execute(); // nothing to stop is not an error
    }

    @Test
    void theClockStartsAtTheGivenTime() throws Exception {
        StartMojo start = start("shop");
        start.startTime = "2026-11-25T09:00:00Z";
        start.execute();

        Instant now = ((RunningGateway) context.get(RunningGateway.CONTEXT_KEY)).gwemu().now();
        assertTrue(!now.isBefore(Instant.parse("2026-11-25T09:00:00Z"))
                && now.isBefore(Instant.parse("2026-11-25T09:01:00Z")), now.toString());
    }

    @Test
    void aStartTimeThatIsNoInstantFailsTheBuild() {
        StartMojo start = start("shop");
        start.startTime = "tomorrow";

        MojoFailureException failure = assertThrows(MojoFailureException.class, start::execute);

        assertTrue(failure.getMessage().contains("not an ISO-8601 instant"), failure.getMessage());
        assertTrue(context.isEmpty());
    }

    @Test
    void writesTheRequestLogToTheGivenFile() throws Exception {
        StartMojo start = start("shop");
        start.requestLog = temp.resolve("logs/requests.log").toFile();
        start.execute();

        get(properties.getProperty("gwemu.url.shop.prod") + "items", null);
        stop().execute();

        String log = Files.readString(temp.resolve("logs/requests.log"));
        assertTrue(log.contains("/prod/items"), log);
        assertFalse(log.isBlank());
    }
}
