package dev.gwemu.httpapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.auth.cognito.LocalIssuer;
import dev.gwemu.auth.cognito.TokenRequest;
import dev.gwemu.model.UserPoolSpec;
import dev.gwemu.support.MutableClock;
import dev.gwemu.support.ProjectCopy;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * testdata/httpapi copied to a temporary folder, its HTTP proxy backend URL filled in, and served by a real gwemu on
 * a free port, on a clock the test moves.
 */
final class HttpApiProject implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    static final String SHOP = "h77pshop01.execute-api.localhost";
    static final String STAGED = "h77pstag01.execute-api.localhost";
    static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock;
    final RunningGateway gateway;
    final Path apiYaml;

    private HttpApiProject(MutableClock clock, RunningGateway gateway, Path apiYaml) {
        this.clock = clock;
        this.gateway = gateway;
        this.apiYaml = apiYaml;
    }

    /** @param backendUrl what the HTTP proxy route of stage dev calls, e.g. {@code http://127.0.0.1:4567} */
    static HttpApiProject start(Path folder, String backendUrl) throws Exception {
        Path project = folder.resolve("httpapi");
        ProjectCopy.of(TestPaths.TESTDATA.resolve("httpapi"), project);
        Path apiYaml = project.resolve("api.yaml");
        Files.writeString(apiYaml, Files.readString(apiYaml).replace("BACKEND_URL", backendUrl));
        MutableClock clock = new MutableClock(START);
        LocalIssuer.open(project.resolve(".gwemu"), clock); // the JWT authorizers' keys, made before the gateway reads them
        return new HttpApiProject(clock, RunningGateway.start(apiYaml, clock), apiYaml);
    }

    /** The project's local issuer, on the gateway's clock: it signs the tokens the JWT authorizers trust. */
    LocalIssuer issuer() {
        try {
            return LocalIssuer.open(apiYaml.getParent().resolve(".gwemu"), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An access token of the shoppers pool with these scopes. */
    String shopperToken(String subject, List<String> scopes) {
        UserPoolSpec pool = new UserPoolSpec("shoppers", "us-east-1_Shoppers1", null, List.of("shopwebclient000001"));
        return issuer().issue(pool, TokenRequest.access(subject, scopes));
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
