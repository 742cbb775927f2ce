package dev.gwemu.server.endpoint;

import dev.gwemu.support.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.gwemu.server.endpoint.EndpointProjects.ASSOCIATED_VPCE;
import static dev.gwemu.server.endpoint.EndpointProjects.EDGE_HOST;
import static dev.gwemu.server.endpoint.EndpointProjects.PRIVATE_HOST;
import static dev.gwemu.server.endpoint.EndpointProjects.PRIVATE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A PRIVATE API refuses every way in that is not a VPC endpoint, over HTTP (security-and-operations.md §5.3).
 * The ways through an endpoint are in {@link PrivateEndpointDispatchTest}.
 */
class PrivateEndpointOverHttpTest {
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = RunningGateway.start(EndpointProjects.API);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void itsPublicNameIsForbidden() throws Exception {
        assertForbidden(gateway.get("/dev/headers", PRIVATE_HOST));
        assertForbidden(gateway.get("/dev/headers", PRIVATE_HOST + ":" + gateway.port()));
    }

    @Test
    void aCustomDomainDoesNotMakeItPublic() throws Exception {
        assertForbidden(gateway.get("/headers", "internal.example.test"));
    }

    @Test
    void theDefaultApiFallbackDoesNotReachIt() throws Exception {
        try (RunningGateway privateFirst = RunningGateway.start(EndpointProjects.PRIVATE_FIRST)) {
            assertForbidden(privateFirst.get("/dev/headers"));
        }
    }

    @Test
    void anEndpointThatIsNotDeclaredLeadsNowhere() throws Exception {
        assertForbidden(gateway.get("/dev/headers", PRIVATE_ID + "-vpce-00000000000000000.execute-api.localhost"));
        assertForbidden(send("vpce-00000000000000000.execute-api.localhost", PRIVATE_ID));
    }

    @Test
    void aVpcEndpointRequestWithoutApiIdHeaderIsForbidden() throws Exception {
        assertForbidden(gateway.get("/dev/headers", ASSOCIATED_VPCE + ".execute-api.localhost"));
    }

    @Test
    void aPublicApiIsNotReachableThroughAVpcEndpoint() throws Exception {
        HttpResponse<String> response = send(ASSOCIATED_VPCE + ".execute-api.localhost", "edge0api01");
        assertForbidden(response);
        assertEquals(200, gateway.get("/dev/headers", EDGE_HOST).statusCode(), "while its own name serves it");
    }

    private static HttpResponse<String> send(String host, String apiId) throws Exception {
        return gateway.client().send(HttpRequest.newBuilder(gateway.uri("/dev/headers")).header("Host", host)
                .header("x-apigw-api-id", apiId).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertEquals(403, response.statusCode(), response.body());
        assertEquals("{\"message\":\"Forbidden\"}", response.body());
        assertEquals("ForbiddenException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertFalse(response.headers().firstValue("X-Cache").isPresent(), "no CloudFront on the way");
    }
}
