package dev.gwemu.integration;

import dev.gwemu.model.Integration;
import dev.gwemu.model.IntegrationType;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** URI rendering, query encoding, the method rule and response-header remapping (data-plane.md §8, §6.4). */
class HttpBackendTest {
    private static final Map<String, String> STAGE = Map.of("host", "backend.example.com", "v", "2");

    @Test
    void fillsPlaceholdersInThePathAndTheQuery() {
        // §8.1 [V]: uri "https://backend/?testVar={pathVar}&testQs={qsVar}" renders ?testVar=foobar&testQs=bar
        URI uri = HttpBackend.render("https://backend/?testVar={pathVar}&testQs={qsVar}", Map.of(),
                Map.of("pathVar", "foobar", "qsVar", "bar"), "");
        assertEquals("https://backend/?testVar=foobar&testQs=bar", uri.toString());
    }

    @Test
    void insertsAGreedyValueAsCapturedAndEncodesOnlyWhatAUriCannotHold() {
        URI greedy = HttpBackend.render("http://h/base/{proxy}", Map.of(), Map.of("proxy", "a/b%20c/d%2Fe"), "");
        assertEquals("/base/a/b%20c/d%2Fe", greedy.getRawPath());

        URI decoded = HttpBackend.render("http://h/p/{v}", Map.of(), Map.of("v", "a b?c#d%zz é"), "");
        assertEquals("/p/a%20b%3Fc%23d%25zz%20%C3%A9", decoded.getRawPath());
    }

    @Test
    void substitutesStageVariablesAnywhereAndUnknownOnesAsEmpty() {
        URI uri = HttpBackend.render("https://${stageVariables.host}/v${stageVariables.v}/x${stageVariables.nope}?a=${stageVariables.v}",
                STAGE, Map.of(), "");
        assertEquals("https://backend.example.com/v2/x?a=2", uri.toString());
    }

    @Test
    void leavesAnUnmappedPlaceholderVisibleButEncoded() {
        assertEquals("/items/%7Bid%7D", HttpBackend.render("http://h/items/{id}", Map.of(), Map.of(), "").getRawPath());
    }

    @Test
    void appendsTheQueryAfterTheUrisOwn() {
        assertEquals("http://h/p?a=1&b=2", HttpBackend.render("http://h/p?a=1", Map.of(), Map.of(), "b=2").toString());
        assertEquals("http://h/p?b=2", HttpBackend.render("http://h/p?", Map.of(), Map.of(), "b=2").toString());
        assertEquals("http://h/p?b=2", HttpBackend.render("http://h/p", Map.of(), Map.of(), "b=2").toString());
        assertEquals("http://h/p?b=2", HttpBackend.render("http://h/p#frag", Map.of(), Map.of(), "b=2").toString());
    }

    @Test
    void encodesQueryNamesAndValues() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("a b", List.of("x y", "1+1=2&c"));
        values.put("é", List.of(""));
        StringBuilder query = new StringBuilder();
        HttpBackend.appendQuery(query, values);
        assertEquals("a%20b=x%20y&a%20b=1%2B1%3D2%26c&%C3%A9=", query.toString());
    }

    @Test
    void refusesWhatIsNotAnAbsoluteHttpUrlWith500() {
        for (String bad : List.of("not a url", "ftp://h/x", "http:///path", "/relative", "http://h/a b")) {
            GatewayException e = assertThrows(GatewayException.class, () -> HttpBackend.render(bad, Map.of(), Map.of(), ""), bad);
            assertEquals(500, e.status());
            assertEquals("{\"message\": \"Internal server error\"}", new String(e.fixedBody()));
            assertTrue(e.detail().contains("Invalid endpoint address"), e.detail());
        }
    }

    @Test
    void anUnresolvableHostIsAnInvalidEndpoint() {
        URI uri = URI.create("http://nonexistent.invalid/x"); // .invalid never resolves (RFC 6761)
        GatewayException e = assertThrows(GatewayException.class,
                () -> new HttpBackend().send("GET", uri, new HeaderList(), new byte[0], 5_000));
        assertTrue(e.status() == 500 || e.status() == 504, "500, or 504 should the resolver hang: " + e.status());
        if (e.status() == 500) {
            assertTrue(e.detail().contains("Invalid endpoint address"), e.detail());
        }
    }

    @Test
    void usesTheIntegrationMethodOrTheClientsForAnyOrUnset() {
        assertEquals("POST", HttpBackend.method(integration("POST"), "GET"));
        assertEquals("PUT", HttpBackend.method(integration("put"), "GET"));
        assertEquals("DELETE", HttpBackend.method(integration("ANY"), "DELETE"));
        assertEquals("PATCH", HttpBackend.method(integration(null), "PATCH"));
    }

    @Test
    void remapsReservedProxyResponseHeadersAndDropsHopByHopOnes() {
        Map<String, List<String>> backend = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        backend.put("connection", List.of("keep-alive"));
        backend.put("content-length", List.of("12"));
        backend.put("date", List.of("Mon, 01 Jan 2024 00:00:00 GMT"));
        backend.put("server", List.of("gunicorn/19.9.0"));
        backend.put("X-Amzn-RequestId", List.of("backend-id"));
        backend.put("transfer-encoding", List.of("chunked"));
        backend.put("via", List.of("1.1 proxy"));
        backend.put("content-encoding", List.of("gzip"));
        backend.put("set-cookie", List.of("a=1", "b=2"));
        HeaderList headers = HttpHeaderRules.proxyResponse(backend);

        assertEquals("keep-alive", headers.first("x-amzn-Remapped-Connection"));
        assertEquals("12", headers.first("x-amzn-Remapped-Content-Length"));
        assertEquals("Mon, 01 Jan 2024 00:00:00 GMT", headers.first("x-amzn-Remapped-Date"));
        assertEquals("gunicorn/19.9.0", headers.first("x-amzn-Remapped-Server"));
        assertEquals("backend-id", headers.first("x-amzn-Remapped-x-amzn-RequestId"));
        assertTrue(headers.lines().stream().anyMatch(h -> h.name().equals("x-amzn-Remapped-x-amzn-RequestId")), "AWS's spelling");
        for (String gone : List.of("Connection", "Content-Length", "Date", "Server", "x-amzn-RequestId", "Transfer-Encoding", "Via")) {
            assertNull(headers.first(gone), gone);
        }
        assertEquals("gzip", headers.first("Content-Encoding"), "passes, following the docs [U]");
        assertEquals(2, headers.lines().stream().filter(h -> h.name().equalsIgnoreCase("set-cookie")).count());
        assertEquals("application/json", headers.first("Content-Type"), "defaulted when the backend sent none");
        assertFalse(headers.contains("X-Amzn-Trace-Id"));
    }

    private static Integration integration(String httpMethod) {
        return new Integration(IntegrationType.HTTP_PROXY, "http://h/", httpMethod, Integration.DEFAULT_TIMEOUT_MILLIS);
    }
}
