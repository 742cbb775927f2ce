package dev.gwemu.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The 21 gateway response types and their default rendering, against AWS's get-gateway-responses (data-plane.md §6.1). */
class GatewayResponsesTest {
    @Test
    void everyTypeHasAwsDefaultStatus() throws Exception {
        JsonNode items = new ObjectMapper().readTree(TestPaths.TESTDATA.resolve("spec-fixtures/rest-gateway-responses-defaults.json").toFile()).path("items");
        Set<String> seen = new HashSet<>();
        for (JsonNode item : items) {
            GatewayResponseType type = GatewayResponseType.valueOf(item.path("responseType").asText());
            seen.add(type.name());
            int expected = item.has("statusCode") ? item.path("statusCode").asInt() : 0;
            assertEquals(expected, type.defaultStatus(), type.name());
            assertEquals("{\"message\":$context.error.messageString}", item.path("responseTemplates").path("application/json").asText());
        }
        assertEquals(GatewayResponseType.values().length, seen.size(), "every type of the fixture, and no other");
    }

    @Test
    void defaultTemplateIsCompactAndQuotesTheMessage() {
        HttpResponse r = new GatewayResponses().render(GatewayException.of(GatewayResponseType.BAD_REQUEST_PARAMETERS,
                "Missing required request parameters: [a, \"b\"]"));
        assertEquals(400, r.status());
        assertEquals("{\"message\":\"Missing required request parameters: [a, \\\"b\\\"]\"}", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("BadRequestException", r.headers().first("x-amzn-ErrorType"));
        assertEquals("application/json", r.headers().first("Content-Type"));
    }

    @Test
    void nullMessageRendersAsJsonNull() {
        HttpResponse r = new GatewayResponses().render(GatewayException.of(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR, null));
        assertEquals("{\"message\":null}", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(500, r.status());
    }

    @Test
    void fixedBodiesKeepTheirSpaceAndText413HasNoErrorType() {
        HttpResponse bad = new GatewayResponses().render(GatewayException.badLambdaResponse("why"));
        assertEquals(502, bad.status());
        assertEquals("{\"message\": \"Internal server error\"}", new String(bad.body(), StandardCharsets.UTF_8));
        HttpResponse large = new GatewayResponses().render(GatewayException.fixedText(413, "text; charset=utf-8", "HTTP content length exceeded 10485760 bytes."));
        assertNull(large.headers().first("x-amzn-ErrorType"));
        assertEquals("text; charset=utf-8", large.headers().first("Content-Type"));
    }
}
