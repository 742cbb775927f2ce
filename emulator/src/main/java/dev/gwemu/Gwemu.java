package dev.gwemu;

import dev.gwemu.config.DefinitionException;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.lambda.FunctionLoadException;
import dev.gwemu.model.Api;
import dev.gwemu.model.Project;
import dev.gwemu.server.GatewayServer;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * gwemu embedded in a JVM, for integration tests: loads a project, serves it on a port (0 picks a free one), and
 * stops when closed. Its clock starts at the real time and can be moved ({@link #advanceClock}) so usage-plan
 * quotas, authorizer caches, token expiry and WebSocket idle limits can be tested without waiting.
 *
 * <pre>
 * try (Gwemu gwemu = Gwemu.forApi(Path.of("api.yaml")).start()) {
 *     URI pets = gwemu.baseUrl("petstore", "dev").resolve("dev/pets");
 * }
 * </pre>
 */
public final class Gwemu implements AutoCloseable {
    private final GatewayServer server;
    private final MovableClock clock;
    private final PrintStream requestLog;

    private final java.util.List<dev.gwemu.config.Problem> warnings;

    private Gwemu(GatewayServer server, MovableClock clock, PrintStream requestLog,
                  java.util.List<dev.gwemu.config.Problem> warnings) {
        this.server = server;
        this.clock = clock;
        this.requestLog = requestLog;
        this.warnings = warnings;
    }

    /** Starts the project with the defaults: 127.0.0.1, a free port, no request log. */
    public static Gwemu start(Path apiYaml) throws DefinitionException, FunctionLoadException {
        return forApi(apiYaml).start();
    }

    public static Builder forApi(Path apiYaml) {
        return new Builder(apiYaml);
    }

    /** Options of an embedded gwemu. */
    public static final class Builder {
        private final Path apiYaml;
        private String host = "127.0.0.1";
        private int port;
        private PrintStream requestLog;
        private Instant startTime;

        private Builder(Path apiYaml) {
            this.apiYaml = apiYaml;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Where the one-line-per-request log goes; none by default. */
        public Builder requestLog(PrintStream out) {
            this.requestLog = out;
            return this;
        }

        /** The gateway clock's start (the real time by default): dates in tokens and signatures follow from it. */
        public Builder startTime(Instant startTime) {
            this.startTime = startTime;
            return this;
        }

        public Gwemu start() throws DefinitionException, FunctionLoadException {
            ProjectLoader.Loaded loaded = ProjectLoader.load(apiYaml);
            Project project = loaded.project();
            MovableClock clock = new MovableClock(startTime == null ? Duration.ZERO
                    : Duration.between(Instant.now(), startTime));
            Gateway gateway = Gateway.create(project, clock, requestLog);
            try {
                return new Gwemu(GatewayServer.start(gateway, host, port), clock, requestLog, loaded.warnings());
            } catch (RuntimeException e) {
                gateway.close();
                throw e;
            }
        }
    }

    public int port() {
        return server.port();
    }

    /** What the project loaded with but would rather not (as {@code gwemu validate} prints them): file, line, reason. */
    public java.util.List<dev.gwemu.config.Problem> warnings() {
        return warnings;
    }

    /**
     * Where a stage of an API is served: {@code http://127.0.0.1:PORT/{stage}/} for the project's first API (and for
     * an HTTP API's {@code $default} stage the root). Other APIs are told apart by Host: send
     * {@code Host: {apiId}.execute-api.localhost} ({@link #host}) to the same base.
     */
    public URI baseUrl(String apiName, String stage) {
        api(apiName);
        String path = stage.equals("$default") ? "/" : "/" + stage + "/";
        return URI.create(server.scheme() + "://" + hostForUrl(server.host()) + ":" + port() + path);
    }

    /** The Host header that addresses an API: {@code {apiId}.execute-api.localhost}. */
    public String host(String apiName) {
        return api(apiName).id() + ".execute-api.localhost";
    }

    public Project project() {
        return server.gateway().project();
    }

    /**
     * The calls the project's AWS service integrations made of one service ({@code kinesis}, {@code sqs}, ...) while
     * captured, oldest first, each as {@code .gwemu/aws-calls/{service}.jsonl} holds it (service, action, method,
     * path, query, headers, body, status).
     */
    public java.util.List<com.fasterxml.jackson.databind.JsonNode> awsCalls(String service) {
        return server.gateway().capturedAwsCalls().read(service);
    }

    /**
     * Forgets every captured AWS service call (the log files are deleted) and what they built up (queued SQS messages,
     * DynamoDB items), e.g. before a test; S3 objects stay.
     */
    public void clearAwsCalls() {
        server.gateway().forgetAwsCalls();
    }

    /** Moves the gateway's clock forward (or back, with a negative duration). */
    public void advanceClock(Duration by) {
        clock.advance(by);
    }

    /** The gateway's clock now. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Serves the project as if it had just started, on the same port and clock: usage-plan quotas and throttle
     * buckets, stage and authorizer caches, WebSocket connections (closed with 1012) and the functions' execution
     * environments (the next call of each is a cold start) begin afresh. Requests under way finish first, on the old
     * state. The clock keeps its place.
     *
     * @throws IllegalStateException when a function's code can no longer be loaded
     */
    public void reset() {
        try {
            server.replace(Gateway.create(project(), clock, requestLog));
        } catch (FunctionLoadException e) {
            throw new IllegalStateException("cannot reset gwemu: " + e.getMessage(), e);
        }
    }

    /** Stops serving, lets requests in flight finish, and stops the functions. */
    public void stop() {
        server.close();
    }

    /** {@link #stop()}, for try-with-resources. */
    @Override
    public void close() {
        stop();
    }

    private Api api(String name) {
        return project().apis().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the project has no API named " + name));
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The system clock plus an offset tests move. */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Duration> offset;

        MovableClock(Duration offset) {
            this.offset = new AtomicReference<>(offset);
        }

        void advance(Duration by) {
            offset.updateAndGet(d -> d.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }
}
