package dev.gwemu.auth.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static dev.gwemu.auth.http.Answers.assertAccessDenied;
import static dev.gwemu.auth.http.Answers.assertForbidden;
import static dev.gwemu.auth.http.Answers.invokeDenied;
import static dev.gwemu.auth.http.SecurityProject.INTERNAL;
import static dev.gwemu.auth.http.SecurityProject.INTERNAL_ID;
import static dev.gwemu.auth.http.SecurityProject.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The private API {@code internal} over HTTP (security-and-operations.md §5.3): reachable only through a simulated
 * VPC endpoint, and its resource policy lets in only requests through vpce-0123456789abcdef0 ({@code aws:SourceVpce}).
 */
class PrivateApiOverHttpTest {
    private static final String ASSOCIATED = "vpce-0123456789abcdef0";
    private static final String OTHER = "vpce-0fedcba9876543210";
    private static final String THROUGH_ASSOCIATED = "{\"vpce\":\"vpce-0123456789abcdef0\",\"vpc\":\"vpc-0a1b2c3d\"}";

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

    private static HttpResponse<String> throughEndpointName(String vpceId, String apiId, String path) {
        return project.get(vpceId + ".execute-api.localhost", path, "x-apigw-api-id", apiId);
    }

    @Test
    void itsPublicNameIsForbidden() {
        assertForbidden(project.get(INTERNAL, "/dev/ping"));
        assertForbidden(project.get(INTERNAL, "/dev/echo"));
    }

    @Test
    void theRoute53AliasOfTheAssociatedEndpointReachesIt() {
        HttpResponse<String> response = project.get(INTERNAL_ID + "-" + ASSOCIATED + ".execute-api.localhost", "/dev/ping");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(THROUGH_ASSOCIATED, response.body());
    }

    @Test
    void theAssociatedEndpointsOwnNameWithTheApiIdHeaderReachesIt() {
        HttpResponse<String> response = throughEndpointName(ASSOCIATED, INTERNAL_ID, "/dev/ping");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(THROUGH_ASSOCIATED, response.body());
    }

    @Test
    void anotherDeclaredEndpointGetsThroughToThePolicyWhichDeniesIt() {
        assertAccessDenied(throughEndpointName(OTHER, INTERNAL_ID, "/dev/ping"), invokeDenied("anonymous", INTERNAL_ID, "dev/GET/ping"));
        assertAccessDenied(throughEndpointName(OTHER, INTERNAL_ID, "/dev/echo"), invokeDenied("anonymous", INTERNAL_ID, "dev/GET/echo"));
    }

    @Test
    void anEndpointNotInTheApisVpcEndpointIdsHasNoAliasForIt() {
        assertForbidden(project.get(INTERNAL_ID + "-" + OTHER + ".execute-api.localhost", "/dev/ping"));
    }

    @Test
    void theLambdaEventShowsTheVpcAndEndpointInIdentityAndHeaders() {
        HttpResponse<String> response = project.get(INTERNAL_ID + "-" + ASSOCIATED + ".execute-api.localhost", "/dev/echo");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode event = json(response);
        JsonNode identity = event.path("requestContext").path("identity");
        assertEquals("vpc-0a1b2c3d", identity.path("vpcId").asText());
        assertEquals(ASSOCIATED, identity.path("vpceId").asText());
        JsonNode headers = event.path("headers");
        assertEquals("vpc-0a1b2c3d", headers.path("x-amzn-vpc-id").asText(), headers.toString());
        assertEquals(ASSOCIATED, headers.path("x-amzn-vpce-id").asText(), headers.toString());
        assertFalse(headers.has("Via"), "no CloudFront in front of a private API");
    }

    @Test
    void aPublicApiIsNotReachableThroughAVpcEndpoint() {
        assertForbidden(throughEndpointName(ASSOCIATED, "s3cur3ap1x", "/dev/open"));
        assertEquals(200, project.get(SecurityProject.SECURE, "/dev/open").statusCode(), "while its own name serves it");
    }

    @Test
    void anEndpointNameWithoutTheApiIdHeaderIsForbidden() {
        assertForbidden(project.get(ASSOCIATED + ".execute-api.localhost", "/dev/ping"));
    }
}
