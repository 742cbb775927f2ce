package dev.gwemu.mapping;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gwemu.mapping.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** data-plane.md §4.1 (request parameter mapping) and §4.2 (response parameters): source expressions. */
class ParameterSourceTest {
    private static final MappingInput REQUEST = request()
            .withBody("{\"petstore\": {\"pets\": [{\"name\": \"Rex\", \"age\": 3, \"tags\": [\"a\"]}]}}")
            .path("petId", "42")
            .query("q", "first", "last").query("empty", "")
            .header("X-Multi", "one", "two").header("Accept", "*/*")
            .context("requestId", "req-1").context("requestTimeEpoch", 1700000000000L)
            .context("identity", Map.of("sourceIp", "203.0.113.7"))
            .stageVariable("color", "blue")
            .input();

    private static List<String> resolve(String expression) {
        return ParameterSource.parse(expression).resolve(REQUEST);
    }

    // §4.1 [D] table: each method request source.
    @Test
    void methodRequestSources() {
        assertEquals(List.of("42"), resolve("method.request.path.petId"));
        assertEquals(List.of("last"), resolve("method.request.querystring.q"));
        assertEquals(List.of("first", "last"), resolve("method.request.multivaluequerystring.q"));
        assertEquals(List.of("two"), resolve("method.request.header.X-Multi"));
        assertEquals(List.of("one,two"), resolve("method.request.multivalueheader.X-Multi"));
        assertEquals(List.of(REQUEST.body()), resolve("method.request.body"));
        assertEquals(List.of("req-1"), resolve("context.requestId"));
        assertEquals(List.of("203.0.113.7"), resolve("context.identity.sourceIp"));
        assertEquals(List.of("blue"), resolve("stageVariables.color"));
        assertEquals(List.of("application/json"), resolve("'application/json'"));
    }

    // §4.1 [E] ParameterSource.HEADER_NAMES_CASE_SENSITIVE: method.request.header.NAME is an exact-spelling lookup.
    @Test
    void headerLookupIsCaseSensitive() {
        assertTrue(ParameterSource.HEADER_NAMES_CASE_SENSITIVE);
        assertEquals(List.of("*/*"), resolve("method.request.header.Accept"));
        assertEquals(List.of(), resolve("method.request.header.accept"));
        assertEquals(List.of(), resolve("method.request.multivalueheader.x-multi"));
    }

    // §4.1 [D]: body JSONPath written without "$."; objects and arrays come out as JSON text, numbers as numbers.
    @Test
    void bodyJsonPath() {
        assertEquals(List.of("Rex"), resolve("method.request.body.petstore.pets[0].name"));
        assertEquals(List.of("3"), resolve("method.request.body.petstore.pets[0].age"));
        assertEquals(List.of("[\"a\"]"), resolve("method.request.body.petstore.pets[0].tags"));
        assertEquals(List.of("{\"name\":\"Rex\",\"age\":3,\"tags\":[\"a\"]}"), resolve("method.request.body.petstore.pets[0]"));
    }

    // §4.1 [E]: a body is JSON only when it starts with { [ " or '; otherwise body.X finds nothing; a body that
    // starts like JSON but does not parse is the 400 "Invalid JSON in request body".
    @Test
    void bodyIsParsedOnlyWhenItLooksLikeJson() {
        ParameterSource name = ParameterSource.parse("method.request.body.name");
        assertEquals(List.of(), name.resolve(request().withBody("name=Rex").input()));
        assertEquals(List.of("Rex"), name.resolve(request().withBody("  {'name': 'Rex'}").input()));
        InvalidJsonBodyException e = assertThrows(InvalidJsonBodyException.class, () -> name.resolve(request().withBody("{\"name\": ").input()));
        assertEquals("Invalid JSON in request body", e.getMessage());
        assertFalse(e.integrationResponse());
    }

    // §4.1 [E]: a source that resolves to nothing (absent, empty, JSON null, an object in $context) is skipped.
    @Test
    void nothingResolvesToAnEmptyList() {
        for (String expression : List.of("method.request.path.none", "method.request.querystring.none", "method.request.querystring.empty",
                "method.request.multivaluequerystring.none", "method.request.header.None", "method.request.multivalueheader.None",
                "method.request.body.petstore.none", "context.none", "context.identity", "context.identity.sourceIp.deeper",
                "stageVariables.none", "''")) {
            assertEquals(List.of(), resolve(expression), expression);
        }
    }

    // §4.1 [E] (LocalStack): a request without a body maps method.request.body to {}.
    @Test
    void missingBodyIsBraces() {
        assertEquals(List.of("{}"), ParameterSource.parse("method.request.body").resolve(request().input()));
    }

    // §4.2 [D]: integration response sources, with the integration's headers and body.
    @Test
    void integrationResponseSources() {
        Map<String, List<String>> headers = Map.of("X-Backend", List.of("a", "b"));
        String body = "{\"result\": {\"id\": 7}}";
        assertEquals(List.of("b"), ParameterSource.parse("integration.response.header.X-Backend").resolve(REQUEST, headers, body));
        assertEquals(List.of("a,b"), ParameterSource.parse("integration.response.multivalueheader.X-Backend").resolve(REQUEST, headers, body));
        assertEquals(List.of(body), ParameterSource.parse("integration.response.body").resolve(REQUEST, headers, body));
        assertEquals(List.of("7"), ParameterSource.parse("integration.response.body.result.id").resolve(REQUEST, headers, body));
        assertEquals(List.of("{\"id\":7}"), ParameterSource.parse("integration.response.body.result").resolve(REQUEST, headers, body));
        assertEquals(List.of("req-1"), ParameterSource.parse("context.requestId").resolve(REQUEST, headers, body));
        assertEquals(List.of("1700000000000"), ParameterSource.parse("context.requestTimeEpoch").resolve(REQUEST, headers, body));
        InvalidJsonBodyException e = assertThrows(InvalidJsonBodyException.class,
                () -> ParameterSource.parse("integration.response.body.result").resolve(REQUEST, headers, "[1,"));
        assertTrue(e.integrationResponse());
    }

    @Test
    void responseSourcesAreMarkedAndResolveToNothingOnTheRequestSide() {
        ParameterSource header = ParameterSource.parse("integration.response.header.X-Backend");
        assertTrue(header.isResponseSource());
        assertFalse(ParameterSource.parse("method.request.header.X").isResponseSource());
        assertFalse(ParameterSource.parse("'static'").isResponseSource());
        assertEquals(List.of(), header.resolve(REQUEST));
    }

    // §4.1 [D]: names must match ^[a-zA-Z0-9._$-]+$; anything else is a load error saying what is wrong.
    @Test
    void invalidExpressionsAreRejectedAtParse() {
        assertEquals("invalid name 'a b' in 'method.request.header.a b': names must match ^[a-zA-Z0-9._$-]+$",
                assertThrows(IllegalArgumentException.class, () -> ParameterSource.parse("method.request.header.a b")).getMessage());
        assertEquals("unsupported parameter mapping source 'method.request.cookie.a': expected method.request.path.NAME, "
                        + "method.request.querystring.NAME, method.request.multivaluequerystring.NAME, method.request.header.NAME, "
                        + "method.request.multivalueheader.NAME, method.request.body, method.request.body.JSONPATH",
                assertThrows(IllegalArgumentException.class, () -> ParameterSource.parse("method.request.cookie.a")).getMessage());
        assertEquals("invalid JSONPath 'a.' in 'method.request.body.a.'",
                assertThrows(IllegalArgumentException.class, () -> ParameterSource.parse("method.request.body.a.")).getMessage());
        for (String bad : List.of("", "method.request.path", "method.request.header.", "integration.response.querystring.a",
                "stageVariables.", "stageVariables.a/b", "context.", "context.a..b", "'unterminated", "request.header.a")) {
            assertThrows(IllegalArgumentException.class, () -> ParameterSource.parse(bad), bad);
        }
        assertEquals("stageVariables.v-1.x$", ParameterSource.parse("stageVariables.v-1.x$").expression());
    }
}
