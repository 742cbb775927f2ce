package dev.gwemu.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The spec's recorded GET event (fixture rest-v1-proxy-event-get.json), replayed: gwemu's event has
 * the same keys, in the same order, with the same JSON types, and the same values wherever they
 * do not depend on time, addresses or random ids.
 */
class ProxyEventFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values that differ by nature: ids, clock, client address, the Host and headers gwemu adds per listener. */
    private static final Set<String> VARYING = Set.of("/headers", "/multiValueHeaders", "/requestContext/deploymentId",
            "/requestContext/domainName", "/requestContext/domainPrefix", "/requestContext/extendedRequestId",
            "/requestContext/identity/sourceIp", "/requestContext/requestId", "/requestContext/requestTime",
            "/requestContext/requestTimeEpoch", "/requestContext/resourceId", "/requestContext/operationName");

    @Test
    void matchesTheRecordedEvent() throws Exception {
        JsonNode fixture = JSON.readTree(TestPaths.TESTDATA.resolve("spec-fixtures/rest-v1-proxy-event-get.json").toFile());
        try (RunningGateway gateway = RunningGateway.start(TestPaths.CONFORMANCE_API)) {
            HttpResponse<String> response = gateway.client().send(HttpRequest.newBuilder(gateway.uri("/dev/pets/42?include=owner&tag=a&tag=b"))
                    .header("Accept", "application/json").header("User-Agent", "curl/8.5.0").header("x-request-source", "fixture")
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode event = JSON.readTree(response.body());
            List<String> differences = new ArrayList<>();
            compare("", fixture, event, differences);
            assertEquals(List.of(), differences);
            // The headers the client sent arrive as sent.
            assertEquals("fixture", event.at("/headers/x-request-source").asText());
            assertEquals("application/json", event.at("/headers/Accept").asText());
        }
    }

    private static void compare(String at, JsonNode expected, JsonNode actual, List<String> differences) {
        if (VARYING.contains(at) || at.startsWith("/headers/") || at.startsWith("/multiValueHeaders/")) {
            if (actual.getNodeType() != expected.getNodeType()) {
                differences.add(at + ": " + actual.getNodeType() + " instead of " + expected.getNodeType());
            }
            return;
        }
        if (expected.isObject()) {
            List<String> expectedKeys = new ArrayList<>();
            expected.fieldNames().forEachRemaining(expectedKeys::add);
            List<String> actualKeys = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualKeys::add);
            actualKeys.remove("operationName"); // the fixture's method has no operationId; the test API's has one
            if (!expectedKeys.equals(actualKeys)) {
                differences.add(at + ": keys " + actualKeys + " instead of " + expectedKeys);
                return;
            }
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                compare(at + "/" + key, expected.get(key), actual.get(key), differences);
            }
        } else if (!expected.equals(actual)) {
            differences.add(at + ": " + actual + " instead of " + expected);
        }
    }
}
