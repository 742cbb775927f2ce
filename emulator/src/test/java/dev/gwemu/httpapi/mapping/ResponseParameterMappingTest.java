package dev.gwemu.httpapi.mapping;

import dev.gwemu.pipeline.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.gwemu.httpapi.mapping.Requests.headers;
import static dev.gwemu.httpapi.mapping.Requests.map;
import static dev.gwemu.httpapi.mapping.Requests.request;
import static dev.gwemu.httpapi.mapping.Requests.sources;
import static dev.gwemu.httpapi.mapping.Requests.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** responseParameters: selection by backend status, header targets, statuscode, response sources. */
class ResponseParameterMappingTest {
    private static final MappingSources SOURCES = sources(request("", null, "Name: Ann"));

    private static HttpResponse backend(int status, String body, String... headerLines) {
        return new HttpResponse(status, headers(headerLines), body.getBytes(StandardCharsets.UTF_8));
    }

    private static final HttpResponse BACKEND = backend(500,
            "{\"code\":\"403\",\"error\":{\"message\":\"denied\"},\"bad\":\"4o3\",\"big\":700}",
            "Content-Type: application/json", "X-Multi: one", "x-multi: two", "Server: backend");

    private static HttpResponse apply(HttpResponse backend, String... keysAndValues) {
        return ResponseParameterMapping.compile(Map.of("500", map(keysAndValues))).apply(backend, SOURCES);
    }

    /** The docs' example: on 500, status 403 and a header with the request id; on 404, a stage variable header. */
    @Test
    void docsExample() {
        ResponseParameterMapping mapping = ResponseParameterMapping.compile(Map.of(
                "500", map("append:header.header1", "$context.requestId", "overwrite:statuscode", "403"),
                "404", map("append:header.error", "$stageVariables.env")));
        HttpResponse on500 = mapping.apply(BACKEND, SOURCES);
        assertEquals(403, on500.status());
        assertEquals(List.of("req-1"), values(on500.headers(), "header1"));
        assertEquals(List.of(), values(on500.headers(), "error"));
        HttpResponse on404 = mapping.apply(backend(404, "", "Content-Type: text/plain"), SOURCES);
        assertEquals(404, on404.status());
        assertEquals(List.of("dev"), values(on404.headers(), "error"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"200", "404", "501"})
    void otherStatusesPassUnchanged(int status) {
        HttpResponse other = backend(status, "{}", "X-Multi: one");
        assertSame(other, apply(other, "overwrite:statuscode", "403", "remove:header.X-Multi", "''"));
    }

    /** Expected lines of X-Multi, '|'-separated, "-" for none. */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "append:header.X-Multi; three; one|two|three",
            "overwrite:header.x-multi; three; three",
            "remove:header.X-MULTI; ''; -",
            "overwrite:header.X-Multi; $response.header.x-multi; \"one,two\"",
            "overwrite:header.X-Multi; $response.header.absent; one|two",
    })
    void headerTargets(String key, String value, String expected) {
        List<String> lines = values(apply(BACKEND, key, value).headers(), "X-Multi");
        assertEquals(expected.equals("-") ? List.of() : Arrays.asList(expected.split("\\|")), lines);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "$response.header.server; backend",
            "$response.header.SERVER; backend",
            "$response.body.code; 403",
            "${response.body.error.message}; denied",
            "$response.body.error; {\"message\":\"denied\"}",
            "\"Error: ${response.body.error.message} (${context.requestId})\"; Error: denied (req-1)",
            "$stageVariables.env; dev",
            "$request.header.name; Ann",
            "$response.body.absent; <none>",
    })
    void responseSources(String value, String expected) {
        List<String> out = values(apply(BACKEND, "overwrite:header.out", value).headers(), "out");
        assertEquals(expected, out.isEmpty() ? "<none>" : String.join("|", out));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "403; 403",
            "\" 404 \"; 404",
            "200; 200",
            "599; 599",
            "$response.body.code; 403",
            "4${response.body.code}; 500", // "4403": not a status, the backend's stays
            "$response.body.bad; 500",
            "$response.body.big; 500",
            "$response.body.absent; 500",
            "$response.header.absent; 500",
    })
    void statusCode(String value, int expected) {
        assertEquals(expected, apply(BACKEND, "overwrite:statuscode", value).status());
    }

    @Test
    void bodyAndBackendAreLeftAlone() {
        HttpResponse result = apply(BACKEND, "overwrite:statuscode", "403", "remove:header.X-Multi", "''",
                "append:header.out", "$response.body.code");
        assertArrayEquals(BACKEND.body(), result.body());
        assertEquals(500, BACKEND.status());
        assertEquals(List.of("one", "two"), values(BACKEND.headers(), "x-multi"));
        assertEquals(List.of("403"), values(result.headers(), "out"));
    }

    @Test
    void nonJsonResponseBodyGivesNothing() {
        HttpResponse text = backend(500, "<html>oops</html>", "Content-Type: text/html");
        HttpResponse result = apply(text, "overwrite:statuscode", "$response.body.code", "overwrite:header.out",
                "$response.body.code");
        assertEquals(500, result.status());
        assertEquals(List.of(), values(result.headers(), "out"));
    }

    @Test
    void overwriteRunsBeforeAppend() {
        HttpResponse result = apply(BACKEND, "append:header.X-Multi", "three", "overwrite:header.X-Multi", "zero");
        assertEquals(List.of("zero", "three"), values(result.headers(), "x-multi"));
    }

    @Test
    void noMappingsIsNone() {
        assertSame(ResponseParameterMapping.NONE, ResponseParameterMapping.compile(Map.of()));
        assertSame(ResponseParameterMapping.NONE, ResponseParameterMapping.compile(null));
        assertSame(BACKEND, ResponseParameterMapping.NONE.apply(BACKEND, SOURCES));
    }
}
