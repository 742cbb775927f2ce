package dev.gwemu.auth.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static dev.gwemu.auth.http.Answers.AUTHORIZER_EXPLICIT_DENY;
import static dev.gwemu.auth.http.Answers.assertForbidden;
import static dev.gwemu.auth.http.Answers.assertRefused;
import static dev.gwemu.auth.http.Answers.assertUnauthorized;
import static dev.gwemu.auth.http.SecurityProject.KEYED;
import static dev.gwemu.auth.http.SecurityProject.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code apiKeySource: AUTHORIZER} over HTTP (security-and-operations.md §2.2, §2.5 step 5): the keyed API's methods
 * need a key, and the key is what the Lambda authorizer returns as {@code usageIdentifierKey}, never the client's
 * X-API-Key header. token.js returns alice's key; scripted.js returns whichever key its token names.
 */
class AuthorizerApiKeyOverHttpTest {
    private static final String ALICE_KEY = "alice-key-0123456789abcdef";

    @TempDir
    static Path folder;
    private static SecurityProject project;

    @BeforeAll
    static void start() throws Exception {
        project = SecurityProject.start(folder);
    }

    @AfterAll
    static void stop() {
        project.close();
    }

    private static HttpResponse<String> scripted(String path, String token) {
        return project.get(KEYED, path, "Authorization", token);
    }

    private static JsonNode identityOf(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response).path("requestContext").path("identity");
    }

    @Test
    void theAuthorizersUsageIdentifierKeyIsTheApiKey() {
        JsonNode identity = identityOf(project.get(KEYED, "/dev/metered", "Authorization", "any-allowed-token"));

        assertEquals(ALICE_KEY, identity.path("apiKey").asText());
        assertTrue(identity.path("apiKeyId").asText().matches("[a-z0-9]{10}"), identity.toString());
    }

    @Test
    void aKeyNamedByAnotherAuthorizerWorksTheSame() {
        JsonNode identity = identityOf(scripted("/dev/metered/scripted", "{\"key\":\"" + ALICE_KEY + "\"}"));

        assertEquals(ALICE_KEY, identity.path("apiKey").asText());
        String keyId = identityOf(project.get(KEYED, "/dev/metered", "Authorization", "any-allowed-token")).path("apiKeyId").asText();
        assertEquals(keyId, identity.path("apiKeyId").asText(), "the same key, the same id");
    }

    @Test
    void anXApiKeyHeaderAloneDoesNotCount() {
        HttpResponse<String> response = project.send(project.request(KEYED, "/dev/metered/scripted")
                .header("Authorization", "{}").header("X-API-Key", ALICE_KEY));

        assertForbidden(response);
    }

    @Test
    void anXApiKeyHeaderDoesNotReplaceTheAuthorizersKey() {
        HttpResponse<String> response = project.send(project.request(KEYED, "/dev/metered/scripted")
                .header("Authorization", "{\"key\":\"unknown-key-0123456789abcdef\"}").header("X-API-Key", ALICE_KEY));

        assertForbidden(response);
    }

    @Test
    void aKeyThatIsNotAnApiKeyIsForbidden() {
        assertForbidden(scripted("/dev/metered/scripted", "{\"key\":\"unknown-key-0123456789abcdef\"}"));
    }

    @Test
    void anEmptyKeyIsForbidden() {
        assertForbidden(scripted("/dev/metered/scripted", "{\"key\":\"\"}"));
    }

    @Test
    void aDisabledKeyIsForbidden() {
        assertForbidden(scripted("/dev/metered/scripted", "{\"key\":\"mallory-key-0123456789abcdef\"}"));
    }

    @Test
    void anEnabledKeyInNoPlanOfTheStageIsForbidden() {
        assertForbidden(scripted("/dev/metered/scripted", "{\"key\":\"outsider-key-0123456789abcdef\"}"));
    }

    @Test
    void noTokenIsUnauthorizedBeforeAnyKeyIsLookedAt() {
        // §2.5 [obs]: a request with neither token nor key gets 401, the authorizer first.
        assertUnauthorized(project.get(KEYED, "/dev/metered"));
        assertUnauthorized(project.get(KEYED, "/dev/metered", "X-API-Key", ALICE_KEY));
    }

    @Test
    void anAuthorizersDenyComesBeforeItsKey() {
        assertRefused(project.get(KEYED, "/dev/metered", "Authorization", "deny"), 403, "AccessDeniedException", AUTHORIZER_EXPLICIT_DENY);
    }

    @Test
    void aMethodWithoutApiKeyRequiredShowsNoKeyEvenWhenTheAuthorizerGaveOne() {
        HttpResponse<String> response = project.get(KEYED, "/dev/free", "Authorization", "any-allowed-token");

        JsonNode identity = identityOf(response);
        assertFalse(identity.has("apiKey"), "apiKey is absent, not null, when no key was validated (§2.2 [snap]): " + identity);
        assertFalse(identity.has("apiKeyId"));
        assertEquals("user-123", json(response).path("requestContext").path("authorizer").path("principalId").asText());
    }
}
