package dev.gwemu.httpapi.mapping;

import dev.gwemu.pipeline.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.gwemu.httpapi.mapping.Requests.map;
import static dev.gwemu.httpapi.mapping.Requests.request;
import static dev.gwemu.httpapi.mapping.Requests.sources;
import static dev.gwemu.httpapi.mapping.Requests.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every value source of request mappings, alone and combined, read through {@code overwrite:header.out}. */
class ValueSourcesTest {
    private static final HttpRequest REQUEST = request("tag=a&tag=b&q=hello+world&Q=upper&flag&empty=",
            "{\"name\":\"Ann\",\"a\":{\"b\":\"deep\"},\"n\":1.50,\"ok\":true,\"items\":[{\"id\":1},{\"id\":2}],"
                    + "\"nul\":null,\"obj\":{\"k\":[1,2]}}",
            "Name: Ann", "X-Multi: one", "x-multi: two", "Content-Type: application/json", "X-Empty: ");

    /** The value {@code overwrite:header.out} gets, or "<none>" when the mapping is skipped. */
    private static String mapped(HttpRequest request, String value) {
        MappedRequest result = RequestParameterMapping.compile(map("overwrite:header.out", value))
                .apply(sources(request));
        List<String> out = values(result.headers(), "out");
        return out.isEmpty() ? "<none>" : String.join("|", out);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // headers: any case, repeated lines joined with ',' and no space; an empty header is found, as ""
            "$request.header.name|Ann",
            "$request.header.NAME|Ann",
            "${request.header.Name}|Ann",
            "$request.header.x-multi|one,two",
            "\"[$request.header.x-empty]\"|[]",
            // query strings: decoded, repeated names joined, names case-sensitive, ?flag is ""
            "$request.querystring.tag|a,b",
            "$request.querystring.q|hello world",
            "$request.querystring.Q|upper",
            "\"[${request.querystring.flag}][${request.querystring.empty}]\"|[][]",
            // body JSONPath
            "$request.body.name|Ann",
            "$request.body.a.b|deep",
            "${request.body.items[1].id}|2",
            "$request.body.n|1.50",
            "$request.body.ok|true",
            "$request.body.a|{\"b\":\"deep\"}",
            "$request.body.obj.k|[1,2]",
            "$request.body.items[*].id|[1,2]",
            // path, path parameters, context, stage variables
            "$request.path|/pets/17",
            "$request.path.petId|17",
            "${request.path.proxy}|a/b",
            "$context.requestId|req-1",
            "$context.authorizer.claims.sub|user-7",
            "${context.identity.sourceIp}|198.51.100.7",
            "$stageVariables.env|dev",
            "${stageVariables.backend_host}|api.example.com",
            // static text, and static text with sources
            "static value|static value",
            "''|''",
            "price $5 or $ 6|price $5 or $ 6",
            "Hello $request.header.name|Hello Ann",
            "Hello ${request.header.name}!|Hello Ann!",
            "${request.path.petId}-${stageVariables.env}|17-dev",
            "$request.header.name,$request.querystring.tag|Ann,a,b",
            "id $context.requestId.|id req-1.",
            "${request.header.name} ${request.body.a.b} ${context.requestId}|Ann deep req-1",
    })
    void sourceValues(String value, String expected) {
        assertEquals(expected, mapped(REQUEST, value));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // a missing source alone skips the mapping; beside static text or a found source it reads as ""
            "$request.header.absent|<none>",
            "$request.querystring.TAG|<none>",
            "$request.body.absent|<none>",
            "$request.body.a.b.c|<none>",
            "$request.body.nul|<none>",
            "$request.path.absent|<none>",
            "$context.absent|<none>",
            "$stageVariables.absent|<none>",
            "${request.header.absent}${context.absent}|<none>",
            "Hello $request.header.absent|\"Hello \"",
            "${request.header.absent}${request.header.name}|Ann",
    })
    void missingSources(String value, String expected) {
        assertEquals(expected, mapped(REQUEST, value));
    }

    @ParameterizedTest(name = "body {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "not json at all",
            "\"{\"\"name\"\": \"\"Ann\"\"} trailing\"",
            "\"{\"\"name\"\": \"\"Ann\"\"\"",
            "[1,2]",
            "\"\"\"just a string\"\"\"",
            "null",
    })
    void bodiesWithoutTheValue(String body) {
        assertEquals("<none>", mapped(request("", body), "$request.body.name"));
    }

    @Test
    void wholeBodyIsTheTextEvenWhenNotJson() {
        assertEquals("not json", mapped(request("", "not json"), "$request.body"));
        assertEquals("<none>", mapped(request("", null), "$request.body"));
        assertEquals("<none>", mapped(request("", null), "$request.body.name"));
    }

    /** "API Gateway truncates the request body at 100 KB and then applies the selection expression". */
    @Test
    void jsonPathReadsOnlyTheFirst100KB() {
        String padding = "x".repeat(JsonBody.JSONPATH_BODY_LIMIT);
        String small = "{\"name\":\"Ann\",\"pad\":\"" + padding.substring(0, JsonBody.JSONPATH_BODY_LIMIT - 100) + "\"}";
        String large = "{\"name\":\"Ann\",\"pad\":\"" + padding + "\"}";
        assertEquals("Ann", mapped(request("", small), "$request.body.name"));
        assertEquals("<none>", mapped(request("", large), "$request.body.name"));
    }

    @Test
    void headerValueWithLineBreakIsNotWritten() {
        assertEquals("<none>", mapped(request("", "{\"v\":\"a\\r\\nInjected: yes\"}"), "$request.body.v"));
        // a query parameter may hold one: it is re-encoded, never written raw
        MappedRequest query = RequestParameterMapping.compile(map("overwrite:querystring.v", "$request.body.v"))
                .apply(sources(request("", "{\"v\":\"a\\nb\"}")));
        assertEquals("v=a%0Ab", query.rawQuery());
    }
}
