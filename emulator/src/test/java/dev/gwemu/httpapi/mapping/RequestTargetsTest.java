package dev.gwemu.httpapi.mapping;

import dev.gwemu.pipeline.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.gwemu.httpapi.mapping.Requests.map;
import static dev.gwemu.httpapi.mapping.Requests.request;
import static dev.gwemu.httpapi.mapping.Requests.sources;
import static dev.gwemu.httpapi.mapping.Requests.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What each request target does to the headers, query string and path sent to the integration. */
class RequestTargetsTest {
    private static final HttpRequest REQUEST = request("tag=a&tag=b&keep=1", null,
            "X-Multi: one", "x-multi: two", "Name: Ann", "Host: gw.local");

    private static MappedRequest apply(HttpRequest request, String... keysAndValues) {
        return RequestParameterMapping.compile(map(keysAndValues)).apply(sources(request));
    }

    /** Expected lines of header X-Multi, '|'-separated, "-" for none. */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "append:header.X-Multi; three; one|two|three",
            "overwrite:header.X-Multi; three; three",
            "overwrite:header.x-multi; $request.header.x-multi; \"one,two\"",
            "remove:header.X-MULTI; ''; -",
            // a skipped mapping (missing source) leaves the header as it was, overwrite included
            "overwrite:header.X-Multi; $request.header.absent; one|two",
            "append:header.X-Multi; $request.header.absent; one|two",
    })
    void headerTargets(String key, String value, String expected) {
        List<String> lines = values(apply(REQUEST, key, value).headers(), "X-Multi");
        assertEquals(expected.equals("-") ? List.of() : Arrays.asList(expected.split("\\|")), lines);
    }

    @Test
    void newHeaderKeepsTheKeysSpelling() {
        MappedRequest result = apply(REQUEST, "append:header.X-Request-Id", "$context.requestId");
        assertEquals("X-Request-Id", result.headers().lines().get(result.headers().lines().size() - 1).name());
        assertEquals(List.of("req-1"), values(result.headers(), "x-request-id"));
    }

    /** Expected parameters written "name=v1,v2&..." in order. */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "append:querystring.tag; c; tag=a,b,c&keep=1; tag=a&tag=b&tag=c&keep=1",
            "append:querystring.new; x y; tag=a,b&keep=1&new=x y; tag=a&tag=b&keep=1&new=x%20y",
            "overwrite:querystring.tag; c; tag=c&keep=1; tag=c&keep=1",
            "overwrite:querystring.Tag; c; tag=a,b&keep=1&Tag=c; tag=a&tag=b&keep=1&Tag=c",
            "overwrite:querystring.joined; $request.querystring.tag; tag=a,b&keep=1&joined=a,b; tag=a&tag=b&keep=1&joined=a%2Cb",
            "remove:querystring.tag; ''; keep=1; keep=1",
            "remove:querystring.absent; ''; tag=a,b&keep=1; tag=a&tag=b&keep=1",
            "overwrite:querystring.tag; $request.querystring.absent; tag=a,b&keep=1; tag=a&tag=b&keep=1",
            "overwrite:querystring.city; Zürich; tag=a,b&keep=1&city=Zürich; tag=a&tag=b&keep=1&city=Z%C3%BCrich",
    })
    void queryTargets(String key, String value, String expectedParameters, String expectedRaw) {
        MappedRequest result = apply(REQUEST, key, value);
        assertEquals(expectedParameters, written(result.queryParameters()));
        assertEquals(expectedRaw, result.rawQuery());
    }

    @Test
    void unchangedQueryKeepsTheClientsEncoding() {
        HttpRequest request = request("a=x+y&b=%7e", null);
        assertEquals("a=x+y&b=%7e", apply(request, "append:header.h", "v").rawQuery());
        assertEquals("a=x+y&b=%7e", apply(request, "remove:querystring.absent", "''").rawQuery());
        assertEquals("", apply(request(null, null), "append:header.h", "v").rawQuery());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', nullValues = "<null>", value = {
            "/static; /static",
            "/v2$request.path; /v2/pets/17",
            "/items/${request.path.petId}/${stageVariables.env}; /items/17/dev",
            "$request.path.absent; <null>",
    })
    void pathTarget(String value, String expected) {
        assertEquals(expected, apply(REQUEST, "overwrite:path", value).path());
    }

    @Test
    void pathIsNullWhenNotMapped() {
        assertNull(apply(REQUEST, "append:header.h", "v").path());
        assertNull(RequestParameterMapping.NONE.apply(sources(REQUEST)).path());
    }

    /** The docs' "Rename a request header" example: values read the request as it arrived. */
    @Test
    void renameReadsTheOriginalRequest() {
        MappedRequest result = apply(REQUEST, "append:header.header2", "$request.header.name",
                "remove:header.name", "''");
        assertEquals(List.of("Ann"), values(result.headers(), "header2"));
        assertEquals(List.of(), values(result.headers(), "name"));
    }

    /** Removals, then overwrites, then appends, whatever order the keys are written in. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "append first; append:header.x-multi; three; overwrite:header.x-multi; zero",
            "overwrite first; overwrite:header.x-multi; zero; append:header.x-multi; three",
    })
    void overwriteRunsBeforeAppend(String name, String key1, String value1, String key2, String value2) {
        MappedRequest result = apply(REQUEST, key1, value1, key2, value2);
        assertEquals(List.of("zero", "three"), values(result.headers(), "x-multi"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "append first; append:header.name; Bob; remove:header.name; ''",
            "remove first; remove:header.name; ''; append:header.name; Bob",
    })
    void removeRunsBeforeAppend(String name, String key1, String value1, String key2, String value2) {
        MappedRequest result = apply(REQUEST, key1, value1, key2, value2);
        assertEquals(List.of("Bob"), values(result.headers(), "name"));
    }

    @Test
    void theClientsRequestIsLeftAlone() {
        MappedRequest result = apply(REQUEST, "overwrite:header.X-Multi", "z", "remove:header.Name", "''",
                "append:querystring.tag", "c");
        assertEquals(List.of("one", "two"), values(REQUEST.headers(), "x-multi"));
        assertEquals(List.of("Ann"), values(REQUEST.headers(), "name"));
        assertEquals("tag=a&tag=b&keep=1", REQUEST.rawQuery());
        assertEquals(List.of("z"), values(result.headers(), "x-multi"));
    }

    @Test
    void noMappingsIsNone() {
        assertSame(RequestParameterMapping.NONE, RequestParameterMapping.compile(Map.of()));
        assertSame(RequestParameterMapping.NONE, RequestParameterMapping.compile(null));
        MappedRequest result = RequestParameterMapping.NONE.apply(sources(REQUEST));
        assertEquals(REQUEST.headers().lines(), result.headers().lines());
        assertEquals("tag=a&tag=b&keep=1", result.rawQuery());
    }

    private static String written(Map<String, List<String>> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((name, list) -> out.append(out.isEmpty() ? "" : "&").append(name).append('=')
                .append(String.join(",", list)));
        return out.toString();
    }
}
