package dev.gwemu.support;

import dev.gwemu.Gateway;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.server.GatewayServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A real gwemu server on a free port, loaded from a project file, for tests that talk HTTP. */
public final class RunningGateway implements AutoCloseable {
    private final GatewayServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningGateway(GatewayServer server) {
        this.server = server;
    }

    public static RunningGateway start(Path apiYaml) throws Exception {
        return start(apiYaml, Clock.systemUTC());
    }

    /** With the gateway's clock given: quotas, throttles and caches follow it. */
    public static RunningGateway start(Path apiYaml, Clock clock) throws Exception {
        dev.gwemu.model.Project project = ProjectLoader.load(apiYaml).project();
        if (project.functions().values().stream().anyMatch(f -> !f.runtime().isNodeJs())) {
            requireHandlerJars(); // only projects with Java functions need the test jars built
        }
        Gateway gateway = Gateway.create(project, clock, null);
        return new RunningGateway(GatewayServer.start(gateway, "127.0.0.1", 0));
    }

    /** The test handler jars are built by the reactor before this module; say so when they are missing. */
    public static void requireHandlerJars() {
        for (Path jar : new Path[]{TestPaths.LEAN_JAR, TestPaths.FAT_JAR}) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build from the project root (mvn -B verify) so testdata/handlers is packaged first");
            }
        }
    }

    /** The server itself, for tests that replace its gateway as a reload does. */
    public GatewayServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    public HttpClient client() {
        return client;
    }

    public HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with its own Host header (surefire allows the restricted header for the tests). */
    public HttpResponse<String> get(String pathAndQuery, String host) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Host", host).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request to {@code pathAndQuery} (encoded, as on the wire) addressed to {@code host}. */
    public HttpRequest.Builder request(String host, String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).header("Host", host);
    }

    /** Sends it and reads the answer as text; I/O failures are the test's failure, unchecked. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
