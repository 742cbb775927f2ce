package dev.gwemu.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.auth.cognito.LocalIssuer;
import dev.gwemu.auth.cognito.TokenRequest;
import dev.gwemu.model.UserPoolSpec;
import dev.gwemu.support.ProjectCopy;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sample-apis/bookmarks-http, the calls of its README: public, JWT and Lambda-authorizer routes, CORS, mapping, the
 * throttled beta stage. The sample is copied so the local issuer's key stays out of the source tree.
 */
class BookmarksHttpSampleTest {
    private static final UserPoolSpec POOL = new UserPoolSpec("bookmarks", "us-east-1_Bookmark1", null,
            List.of("bookmarkswebclient00001"));
    @TempDir
    static Path folder;
    private static RunningGateway gateway;
    private static LocalIssuer issuer;

    @BeforeAll
    static void start() throws Exception {
        ProjectCopy.of(TestPaths.PROJECT_ROOT.resolve("sample-apis/bookmarks-http"), folder);
        issuer = LocalIssuer.open(folder.resolve(".gwemu"));
        gateway = RunningGateway.start(folder.resolve("api.yaml"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return gateway.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.uri(path));
    }

    private static String token(String sub, String scope) {
        return issuer.issue(POOL, TokenRequest.access(sub, List.of(scope)));
    }

    @Test
    void anyoneListsAndTheMappedStageReachesTheFunction() throws Exception {
        HttpResponse<String> list = gateway.get("/bookmarks");
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().startsWith("[{\"id\":1,"), list.body());
        assertEquals("$default", list.headers().firstValue("x-served-stage").orElse(null));
        assertEquals("beta", gateway.get("/beta/bookmarks").headers().firstValue("x-served-stage").orElse(null));
        assertEquals("{\"message\":\"Not Found\"}", gateway.get("/nothing").body());
    }

    @Test
    void writingNeedsAJwtWithTheWriteScope() throws Exception {
        HttpResponse<String> created = send(request("/bookmarks").header("Authorization", "Bearer " + token("alice", "bookmarks/write"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com\"}")));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("alice", new ObjectMapper().readTree(created.body()).path("owner").asText());
        assertTrue(created.headers().firstValue("set-cookie").orElse("").startsWith("last-added="));

        HttpResponse<String> reader = send(request("/bookmarks").header("Authorization", token("bob", "bookmarks/read"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com\"}")));
        assertEquals(403, reader.statusCode());

        HttpResponse<String> anonymous = send(request("/bookmarks").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("www-authenticate").isPresent());

        HttpResponse<String> me = send(request("/me").header("Authorization", token("carol", "bookmarks/read")));
        assertEquals("{\"sub\":\"carol\",\"scopes\":null,\"clientId\":\"bookmarkswebclient00001\"}", me.body());
    }

    @Test
    void removingNeedsAnAdminKeyTheAuthorizerAccepts() throws Exception {
        HttpResponse<String> refused = send(request("/bookmarks/2").header("x-admin-key", "wrong").DELETE());
        assertEquals(403, refused.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", refused.body());

        HttpResponse<String> removed = send(request("/bookmarks/2").header("x-admin-key", "key-of-grace").DELETE());
        assertEquals(204, removed.statusCode(), removed.body());
        assertEquals("grace", removed.headers().firstValue("x-removed-by").orElse(null));
    }

    @Test
    void theGatewayAnswersPreflights() throws Exception {
        HttpResponse<String> preflight = send(request("/bookmarks").header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.statusCode());
        assertEquals("http://localhost:5173", preflight.headers().firstValue("access-control-allow-origin").orElse(null));
        assertEquals("GET,POST,DELETE", preflight.headers().firstValue("access-control-allow-methods").orElse(null));
    }
}
