package dev.gwemu.server.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.support.RunningGateway;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import static dev.gwemu.server.endpoint.EndpointProjects.REGIONAL_HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A REGIONAL API has no CloudFront in front: none of its headers either way (security-and-operations.md §5.2). */
class RegionalEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CLOUDFRONT_RESPONSE_HEADERS = List.of("Via", "X-Cache", "X-Amz-Cf-Pop", "X-Amz-Cf-Id");

    @Test
    void neitherRequestsNorResponsesCarryCloudFrontHeaders() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(EndpointProjects.API)) {
            HttpResponse<String> response = gateway.get("/dev/headers", REGIONAL_HOST);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode seen = JSON.readTree(response.body());
            assertTrue(seen.has("Host"), "the template lists the request's headers: " + seen);
            seen.fieldNames().forEachRemaining(name -> {
                String lower = name.toLowerCase(Locale.ROOT);
                assertFalse(lower.startsWith("cloudfront-") || lower.equals("via") || lower.startsWith("x-amz-cf")
                        || lower.startsWith("x-amzn-vpc"), name + " reached a REGIONAL API's integration");
            });
            for (String name : CLOUDFRONT_RESPONSE_HEADERS) {
                assertFalse(response.headers().firstValue(name).isPresent(), name);
            }

            HttpResponse<String> error = gateway.get("/dev/nothing", REGIONAL_HOST);
            assertEquals(403, error.statusCode());
            for (String name : CLOUDFRONT_RESPONSE_HEADERS) {
                assertFalse(error.headers().firstValue(name).isPresent(), name + " on a gateway error");
            }
        }
    }
}
