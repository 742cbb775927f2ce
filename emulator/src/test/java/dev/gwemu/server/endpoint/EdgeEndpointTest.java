package dev.gwemu.server.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.support.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.gwemu.server.endpoint.EndpointProjects.EDGE_HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An EDGE API behind its simulated CloudFront distribution, over HTTP (security-and-operations.md §0, §5.1). */
class EdgeEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EdgeLocation EDGE = EdgeLocation.DEFAULT;
    private static final String VIA = "1.1 " + EDGE.serverHost() + " (CloudFront)";
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
    void integrationsSeeCloudFrontsRequestHeaders() throws Exception {
        HttpResponse<String> response = gateway.get("/dev/headers", EDGE_HOST + ":" + gateway.port());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode seen = JSON.readTree(response.body());
        assertEquals(VIA, seen.path("Via").asText());
        assertEquals(response.headers().firstValue("X-Amz-Cf-Id").orElseThrow(), seen.path("X-Amz-Cf-Id").asText(),
                "the request and the response carry the same CloudFront id");
        assertEquals("127.0.0.1, " + EDGE.address(), seen.path("X-Forwarded-For").asText(), "the viewer, then the edge");
        assertEquals(Integer.toString(gateway.port()), seen.path("X-Forwarded-Port").asText(), "the port the viewer addressed");
        assertEquals("http", seen.path("X-Forwarded-Proto").asText());
        assertEquals("http", seen.path("CloudFront-Forwarded-Proto").asText());
        assertEquals("true", seen.path("CloudFront-Is-Desktop-Viewer").asText());
        assertEquals("false", seen.path("CloudFront-Is-Mobile-Viewer").asText());
        assertEquals("false", seen.path("CloudFront-Is-SmartTV-Viewer").asText());
        assertEquals("false", seen.path("CloudFront-Is-Tablet-Viewer").asText());
        assertEquals(EDGE.viewerAsn(), seen.path("CloudFront-Viewer-ASN").asText());
        assertEquals(EDGE.viewerCountry(), seen.path("CloudFront-Viewer-Country").asText());
    }

    @Test
    void responsesCarryCloudFrontsHeaders() throws Exception {
        HttpResponse<String> response = gateway.get("/dev/headers", EDGE_HOST);
        assertEquals("Miss from cloudfront", response.headers().firstValue("X-Cache").orElseThrow());
        assertEquals(VIA, response.headers().firstValue("Via").orElseThrow());
        assertEquals(EDGE.pop(), response.headers().firstValue("X-Amz-Cf-Pop").orElseThrow());
        String id = response.headers().firstValue("X-Amz-Cf-Id").orElseThrow();
        assertTrue(id.matches("[A-Za-z0-9_-]{54}=="), id);
        assertTrue(!id.equals(gateway.get("/dev/headers", EDGE_HOST).headers().firstValue("X-Amz-Cf-Id").orElseThrow()),
                "every request has its own id");
    }

    @Test
    void errorsAreErrorsFromCloudFront() throws Exception {
        HttpResponse<String> notFound = gateway.get("/dev/status/404", EDGE_HOST);
        assertEquals(404, notFound.statusCode());
        assertEquals("Error from cloudfront", notFound.headers().firstValue("X-Cache").orElseThrow());

        HttpResponse<String> noResource = gateway.get("/dev/nothing", EDGE_HOST);
        assertEquals(403, noResource.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", noResource.body());
        assertEquals("Error from cloudfront", noResource.headers().firstValue("X-Cache").orElseThrow());
        assertEquals(VIA, noResource.headers().firstValue("Via").orElseThrow());
        assertTrue(noResource.headers().firstValue("X-Amz-Cf-Pop").isPresent());

        HttpResponse<String> noStage = gateway.get("/prod/headers", EDGE_HOST);
        assertEquals(403, noStage.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", noStage.body());
        assertEquals("Error from cloudfront", noStage.headers().firstValue("X-Cache").orElseThrow(),
                "a request for no stage went through CloudFront too");
        assertTrue(noStage.headers().firstValue("X-Amz-Cf-Id").isPresent());
    }

    @Test
    void aLambdaProxyEventCarriesThemToo() throws Exception {
        HttpResponse<String> response = gateway.get("/dev/event", EDGE_HOST);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode event = JSON.readTree(response.body());
        JsonNode headers = event.path("headers");
        assertEquals(VIA, headers.path("Via").asText());
        assertEquals(response.headers().firstValue("X-Amz-Cf-Id").orElseThrow(), headers.path("X-Amz-Cf-Id").asText());
        assertEquals("true", headers.path("CloudFront-Is-Desktop-Viewer").asText());
        assertEquals(EDGE.viewerCountry(), headers.path("CloudFront-Viewer-Country").asText());
        assertEquals(EDGE.viewerCountry(), event.at("/multiValueHeaders/CloudFront-Viewer-Country/0").asText());
        assertEquals("127.0.0.1, " + EDGE.address(), headers.path("X-Forwarded-For").asText());
        assertEquals("127.0.0.1", event.at("/requestContext/identity/sourceIp").asText(), "the viewer, not the edge");
    }

    @Test
    void theViewersDeviceAndForwardingChainArePassedOn() throws Exception {
        HttpResponse<String> response = gateway.client().send(HttpRequest.newBuilder(gateway.uri("/dev/headers"))
                .header("Host", EDGE_HOST)
                .header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("CloudFront-Viewer-Country", "FR")
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode seen = JSON.readTree(response.body());
        assertEquals("true", seen.path("CloudFront-Is-Mobile-Viewer").asText());
        assertEquals("false", seen.path("CloudFront-Is-Desktop-Viewer").asText());
        assertEquals("203.0.113.9, 127.0.0.1, " + EDGE.address(), seen.path("X-Forwarded-For").asText(),
                "CloudFront appends the viewer to the chain it was sent");
        assertEquals(EDGE.viewerCountry(), seen.path("CloudFront-Viewer-Country").asText(), "a viewer cannot set CloudFront's headers");
    }
}
