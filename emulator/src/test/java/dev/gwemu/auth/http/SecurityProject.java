package dev.gwemu.auth.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.auth.cognito.LocalIssuer;
import dev.gwemu.auth.cognito.TokenRequest;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.UserPoolSpec;
import dev.gwemu.support.MutableClock;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * testdata/security (with the authorizers of testdata/authorizers beside it) copied to a temporary folder and served
 * by a real gwemu on a free port, on a clock the test moves. The copy keeps the project's {@code .gwemu/} state (the
 * local Cognito issuer's key) out of the source tree, and gives every gateway its own.
 */
final class SecurityProject implements AutoCloseable {
    /** The gateway's time when it starts: dates in SigV4 and Cognito texts follow from it. */
    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    static final String ACCOUNT = "123456789012";

    static final String SECURE = "s3cur3ap1x.execute-api.localhost";
    static final String GUARDED = "gu4rd3dap1.execute-api.localhost";
    static final String INTERNAL_ID = "int3rnal01";
    static final String INTERNAL = INTERNAL_ID + ".execute-api.localhost";
    static final String KEYED = "k3y3dap1xx.execute-api.localhost";
    static final String HOSTILE = "h0st1leap1.execute-api.localhost";

    static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock;
    final RunningGateway gateway;
    final Path apiYaml;
    private UserPoolSpec pool;

    private SecurityProject(MutableClock clock, RunningGateway gateway, Path apiYaml) {
        this.clock = clock;
        this.gateway = gateway;
        this.apiYaml = apiYaml;
    }

    /** Copies the project into {@code folder} and starts it at {@link #START}. */
    static SecurityProject start(Path folder) throws Exception {
        return start(folder, START);
    }

    /** Copies the project into {@code folder} and starts it with its clock at {@code start}. */
    static SecurityProject start(Path folder, Instant start) throws Exception {
        return start(folder, start, "");
    }

    /** As {@link #start(Path, Instant)}, with {@code settings} appended to the copied api.yaml. */
    static SecurityProject start(Path folder, Instant start, String settings) throws Exception {
        Path security = folder.resolve("security");
        copy(TestPaths.TESTDATA.resolve("security"), security);
        Files.writeString(security.resolve("api.yaml"), settings, java.nio.file.StandardOpenOption.APPEND);
        copy(TestPaths.TESTDATA.resolve("authorizers"), folder.resolve("authorizers"));
        MutableClock clock = new MutableClock(start);
        // The state folder is inside the Echo function's code folder ("code: ."): made after the functions are
        // loaded, gwemu would take the signing key for a code change and reload Echo mid-test, resetting its count.
        LocalIssuer.open(security.resolve(".gwemu"), clock);
        Path apiYaml = security.resolve("api.yaml");
        return new SecurityProject(clock, RunningGateway.start(apiYaml, clock), apiYaml);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                if (relative.startsWith(".gwemu")) {
                    continue; // a state folder a run in the source tree left behind
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    HttpRequest.Builder request(String host, String pathAndQuery) {
        return gateway.request(host, pathAndQuery);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return gateway.send(request);
    }

    HttpResponse<String> get(String host, String pathAndQuery) {
        return send(request(host, pathAndQuery));
    }

    /** A GET with one extra header. */
    HttpResponse<String> get(String host, String pathAndQuery, String header, String value) {
        return send(request(host, pathAndQuery).header(header, value));
    }

    /** The project's user pool {@code main} (no jwks: gwemu's local issuer signs for it). */
    UserPoolSpec pool() {
        if (pool == null) {
            try {
                pool = ProjectLoader.load(apiYaml).project().security().userPools().get(0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return pool;
    }

    /** The issuer the gateway trusts for {@link #pool()}: the same key file, on the gateway's clock. */
    LocalIssuer issuer() {
        try {
            return LocalIssuer.open(apiYaml.getParent().resolve(".gwemu"), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String token(TokenRequest request) {
        return issuer().issue(pool(), request);
    }

    /** How many times the Echo function has run so far, read by running it once more (so the answer counts that run). */
    int echoCallsAfterOneMore() {
        HttpResponse<String> probe = get(SECURE, "/dev/open");
        if (probe.statusCode() != 200) {
            throw new AssertionError("the probe /dev/open answered " + probe.statusCode() + " " + probe.body());
        }
        return echoCalls(probe);
    }

    /** The Echo function's invocation count in this answer of it. */
    static int echoCalls(HttpResponse<String> echoed) {
        return Integer.parseInt(echoed.headers().firstValue("X-Echo-Calls").orElseThrow(
                () -> new AssertionError("not an answer of the Echo function: " + echoed.statusCode() + " " + echoed.body())));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        gateway.close();
    }
}
