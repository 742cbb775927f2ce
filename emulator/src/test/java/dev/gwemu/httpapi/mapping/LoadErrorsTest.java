package dev.gwemu.httpapi.mapping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static dev.gwemu.httpapi.mapping.Requests.map;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What compile refuses, and the message a load error shows. */
class LoadErrorsTest {
    private static String requestError(String key, String value) {
        return assertThrows(IllegalArgumentException.class,
                () -> RequestParameterMapping.compile(map(key, value))).getMessage();
    }

    private static String responseError(String status, String key, String value) {
        return assertThrows(IllegalArgumentException.class,
                () -> ResponseParameterMapping.compile(Map.of(status, map(key, value)))).getMessage();
    }

    /** The docs' reserved list, each refused in requests and responses, any case. */
    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "connection", "Content-Encoding", "Content-Length", "Content-Location",
            "Forwarded", "Keep-Alive", "Origin", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailers",
            "Trailer", "Transfer-Encoding", "Upgrade", "X-Forwarded-For", "x-forwarded-host", "X-Forwarded-Proto",
            "Via", "Access-Control-Allow-Origin", "access-control-anything", "apigw-requestid", "X-Amz-Date",
            "x-amzn-trace-id", "X-AMZN-Remapped-Host"})
    void reservedHeadersAreRefused(String header) {
        for (String action : new String[]{"append", "overwrite", "remove"}) {
            String key = action + ":header." + header;
            assertEquals("requestParameters: '" + key + "': " + header + " is a reserved header and cannot be mapped"
                    + " (see \"Reserved headers\" in the HTTP API parameter mapping docs)", requestError(key, "v"));
            assertEquals("responseParameters[200]: '" + key + "': " + header + " is a reserved header and cannot be"
                    + " mapped (see \"Reserved headers\" in the HTTP API parameter mapping docs)",
                    responseError("200", key, "v"));
        }
    }

    /** Names that only look like reserved ones map fine. */
    @ParameterizedTest
    @ValueSource(strings = {"Host", "Content-Type", "X-Forwarded-Port", "X-Amzn", "x-amz", "apigw", "Originator",
            "Access-Control", "Cache-Control", "Cookie", "Set-Cookie"})
    void ordinaryHeadersAreAccepted(String header) {
        assertDoesNotThrow(() -> RequestParameterMapping.compile(map("append:header." + header, "v")));
        assertDoesNotThrow(() -> ResponseParameterMapping.compile(Map.of("200", map("append:header." + header, "v"))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"append:path", "remove:path", "overwrite:statuscode", "append:header.", "add:header.x",
            "Append:header.x", "overwrite:Header.x", "overwrite.path", "overwrite:body", "overwrite:querystring.",
            "header.x", "overwrite:header.x y", "overwrite:header.é", "overwrite:path.x", ""})
    void unknownRequestTargets(String key) {
        assertEquals("requestParameters: Invalid Request Actioned Parameter destination specified: " + key
                + " (expected append|overwrite|remove:header.NAME, append|overwrite|remove:querystring.NAME"
                + " or overwrite:path)", requestError(key, "v"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"append:statuscode", "remove:statuscode", "overwrite:path", "append:querystring.q",
            "overwrite.statuscode", "overwrite:status", "append:overwrite.static"})
    void unknownResponseTargets(String key) {
        assertEquals("responseParameters[500]: Invalid Response Actioned Parameter destination specified: " + key
                + " (expected append|overwrite|remove:header.NAME or overwrite:statuscode)",
                responseError("500", key, "v"));
    }

    /** Value errors name the entry, then say what is wrong. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "$request.head.x; unknown source '$request.head.x'",
            "$requests.header.x; unknown source '$requests.header.x'",
            "$foo; unknown source '$foo'",
            "${foo.bar}; unknown source '${foo.bar}'",
            "$request.header.; unknown source '$request.header'",
            "${request.path.}; unknown source '${request.path.}'",
            "$request.method; unknown source '$request.method'",
            "$response.header.x; '$response.header.x': $response sources can only be used in responseParameters",
            "${response.body.a}; '${response.body.a}': $response sources can only be used in responseParameters",
            "Hello ${request.header.name; unclosed '${' at position 6",
            "${context.request-id}; '${context.request-id}': invalid variable name 'request-id'",
            "$context.requestId-x; '$context.requestId-x': invalid variable name 'requestId-x'",
            "${stageVariables.a.b}; '${stageVariables.a.b}': invalid variable name 'a.b'",
            "$request.body..name; '$request.body..name': recursive descent (..) and filter expressions",
            "${request.body.items[?(@.id > 1)]}; '${request.body.items[?(@.id > 1)]}': recursive descent (..) and filter",
            "${request.body.a[x]}; '${request.body.a[x]}': invalid JSONPath '$.a[x]'",
            "${request.body.a b}; '${request.body.a b}': invalid JSONPath '$.a b'",
    })
    void invalidValues(String value, String reason) {
        String message = requestError("overwrite:header.out", value);
        String entry = "requestParameters \"overwrite:header.out\": \"" + value + "\": ";
        assertEquals(entry, message.substring(0, Math.min(message.length(), entry.length())), message);
        String rest = message.substring(entry.length());
        assertEquals(reason, rest.substring(0, Math.min(rest.length(), reason.length())), message);
    }

    @Test
    void valueLengthIsOneTo512() {
        String max = "v".repeat(MappingRule.MAX_VALUE_LENGTH);
        assertDoesNotThrow(() -> RequestParameterMapping.compile(map("overwrite:header.out", max)));
        String expected = "a value must be 1 to 512 characters long (write '' as the value of a remove: entry)";
        assertEquals("requestParameters \"overwrite:header.out\": \"" + max + "v\": " + expected,
                requestError("overwrite:header.out", max + "v"));
        assertEquals("requestParameters \"remove:header.out\": \"\": " + expected, requestError("remove:header.out", ""));
    }

    /** A remove entry's value is not read: the docs write '', anything else is let through. */
    @Test
    void removeValueIsNotParsed() {
        assertDoesNotThrow(() -> RequestParameterMapping.compile(map("remove:header.x", "$not.a.source")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"199", "600", "2xx", "default", "", "0200", "-200", "20"})
    void selectionKeyIsAStatusFrom200To599(String status) {
        assertEquals("responseParameters: the selection key '" + status + "' must be a valid HTTP status code within"
                + " the range of 200-599", responseError(status, "append:header.x", "v"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"99", "199", "600", "1000", "abc", "40 4", "4O4", "+404", "-1", "404.0"})
    void staticStatusCodeOutsideTheRangeIsALoadError(String value) {
        assertEquals("responseParameters[500] \"overwrite:statuscode\": \"" + value + "\": the status code must be"
                + " a number from 200 to 599", responseError("500", "overwrite:statuscode", value));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"200", "404", "599", " 403 ", "$response.body.code", "4${stageVariables.env}"})
    void statusCodeValuesAccepted(String value) {
        assertDoesNotThrow(() -> ResponseParameterMapping.compile(Map.of("500", map("overwrite:statuscode", value))));
    }

    /** The first bad entry fails the whole map: nothing is half-compiled. */
    @Test
    void oneBadEntryFailsTheMap() {
        assertThrows(IllegalArgumentException.class, () -> RequestParameterMapping.compile(
                map("append:header.ok", "v", "append:header.Via", "v")));
    }
}
