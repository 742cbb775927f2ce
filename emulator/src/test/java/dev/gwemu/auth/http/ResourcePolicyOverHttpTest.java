package dev.gwemu.auth.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.auth.cognito.TokenRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static dev.gwemu.auth.http.Answers.AUTHORIZER_EXPLICIT_DENY;
import static dev.gwemu.auth.http.Answers.assertAccessDenied;
import static dev.gwemu.auth.http.Answers.assertMissingToken;
import static dev.gwemu.auth.http.Answers.assertRefused;
import static dev.gwemu.auth.http.Answers.invokeDenied;
import static dev.gwemu.auth.http.SecurityProject.GUARDED;
import static dev.gwemu.auth.http.SecurityProject.json;
import static dev.gwemu.auth.http.Sigv4.ALICE;
import static dev.gwemu.auth.http.Sigv4.BOB;
import static dev.gwemu.auth.http.Sigv4.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The guarded API's resource policy over HTTP (security-and-operations.md §4): anyone may call /open, /token and
 * /blocked, but /blocked is also explicitly denied; bob of account 111122223333 may call /partner. Every denial is
 * 403 AccessDeniedException with a capital-M Message and the account masked in the ARN (§4.4).
 */
class ResourcePolicyOverHttpTest {
    private static final String BOB_ARN = "arn:aws:iam::111122223333:user/bob";

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

    private static Sigv4 signed(String pathAndQuery) {
        return Sigv4.request("GET", GUARDED, pathAndQuery).at(project.clock.instant());
    }

    private static String userArnOf(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response).path("requestContext").path("identity").path("userArn").asText();
    }

    @Test
    void aPathThePolicyAllowsToEveryoneIsOpen() {
        HttpResponse<String> response = project.get(GUARDED, "/dev/open");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode identity = json(response).path("requestContext").path("identity");
        assertEquals("gu4rd3dap1", json(response).path("requestContext").path("apiId").asText());
        assertEquals(true, identity.path("userArn").isNull());
    }

    @Test
    void aPathThePolicyDoesNotListIsDeniedToAnonymous() {
        assertAccessDenied(project.get(GUARDED, "/dev/unlisted"), invokeDenied("anonymous", "gu4rd3dap1", "dev/GET/unlisted"));
    }

    @Test
    void anExplicitDenyWinsOverTheAllowForTheSamePath() {
        assertAccessDenied(project.get(GUARDED, "/dev/blocked"), invokeDenied("anonymous", "gu4rd3dap1", "dev/GET/blocked")
                + " with an explicit deny in a resource-based policy");
    }

    @Test
    void theDenialArnKeepsTheQueryOutAndTheStageIn() {
        assertAccessDenied(project.get(GUARDED, "/dev/unlisted?who=me"), invokeDenied("anonymous", "gu4rd3dap1", "dev/GET/unlisted"));
    }

    @Test
    void aSameAccountUserMayCallAnIamMethodThePolicyIsSilentAbout() {
        // §4.3 same account: the identity side allows, the resource policy is silent: allowed.
        assertEquals("arn:aws:iam::123456789012:user/alice", userArnOf(signed("/dev/iam").by(ALICE).sign().send(project)));
        assertEquals("arn:aws:sts::123456789012:assumed-role/deployer/carol", userArnOf(signed("/dev/iam").by(CAROL).sign().send(project)));
        assertEquals("arn:aws:iam::123456789012:user/alice", userArnOf(signed("/dev/partner").by(ALICE).sign().send(project)));
    }

    @Test
    void anotherAccountsUserIsDeniedWhereThePolicyIsSilent() {
        // §4.3 cross account: both sides must allow explicitly.
        assertAccessDenied(signed("/dev/iam").by(BOB).sign().send(project), invokeDenied(BOB_ARN, "gu4rd3dap1", "dev/GET/iam"));
    }

    @Test
    void anotherAccountsUserIsAllowedWhereThePolicyNamesHim() {
        assertEquals(BOB_ARN, userArnOf(signed("/dev/partner").by(BOB).sign().send(project)));
    }

    @Test
    void anUnsignedRequestToAnIamMethodIsMissingAuthenticationToken() {
        assertMissingToken(project.get(GUARDED, "/dev/iam"));
        assertMissingToken(project.get(GUARDED, "/dev/partner"));
    }

    @Test
    void aLambdaAuthorizedMethodIsAllowedWhenTheAuthorizerAndThePolicyBothAllow() {
        HttpResponse<String> response = project.get(GUARDED, "/dev/token", "Authorization", "policy-and-token");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("user-123", json(response).path("requestContext").path("authorizer").path("principalId").asText());
    }

    @Test
    void theAuthorizersDenyStandsWhereThePolicyAllows() {
        assertRefused(project.get(GUARDED, "/dev/token", "Authorization", "deny"), 403, "AccessDeniedException", AUTHORIZER_EXPLICIT_DENY);
    }

    @Test
    void aLambdaAuthorizersAllowIsEnoughWhereThePolicyIsSilent() {
        // §4.3 same account: Allow (authorizer) + silent (resource policy) = Allow.
        HttpResponse<String> response = project.get(GUARDED, "/dev/token/unlisted", "Authorization", "authorizer-alone");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("user-123", json(response).path("requestContext").path("authorizer").path("principalId").asText());
    }

    @Test
    void whereAnAuthorizersPolicyIsSilentTheResourcePolicysAllowDecides() {
        // §4.3 table A [doc] (same account, authorizer vs resource policy): silent + Allow = Allow. The hostile API's
        // policy allows everything but /admin; the authorizer allows only another method.
        String token = "{\"resource\":\"arn:aws:execute-api:us-east-1:123456789012:h0st1leap1/dev/GET/scripted/other\"}";

        HttpResponse<String> response = project.get(SecurityProject.HOSTILE, "/dev/scripted", "Authorization", token);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("scripted-user", json(response).path("requestContext").path("authorizer").path("principalId").asText());
    }

    @Test
    void anAuthorizersExplicitDenyStandsAgainstTheResourcePolicysAllow() {
        assertRefused(project.get(SecurityProject.HOSTILE, "/dev/scripted", "Authorization", "{\"effect\":\"Deny\"}"),
                403, "AccessDeniedException", AUTHORIZER_EXPLICIT_DENY);
    }

    @Test
    void aCognitoUserStillNeedsThePolicysAllow() {
        // §4.2 [doc]: with Cognito the caller is authenticated, then the resource policy must allow on its own.
        String token = project.token(TokenRequest.id("ivan-sub"));

        assertAccessDenied(project.get(GUARDED, "/dev/pool", "Authorization", token), invokeDenied("anonymous", "gu4rd3dap1", "dev/GET/pool"));
        HttpResponse<String> listed = project.get(GUARDED, "/dev/pool/listed", "Authorization", token);
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals("ivan-sub", json(listed).path("requestContext").path("authorizer").path("claims").path("sub").asText());
    }

    @Test
    void aCognitoMethodAuthenticatesBeforeThePolicyIsAsked() {
        Answers.assertUnauthorized(project.get(GUARDED, "/dev/pool"));
        Answers.assertUnauthorized(project.get(GUARDED, "/dev/pool/listed", "Authorization", "not-a-jwt"));
    }

    @Test
    void anUnknownPathIsStillMissingAuthenticationTokenNotAPolicyDenial() {
        assertMissingToken(project.get(GUARDED, "/dev/nowhere"));
    }
}
