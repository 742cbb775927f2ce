package dev.gwemu.httpapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.RequestIds;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The payload 2.0 event against both spec fixtures, key order included, and each field rule of data-plane.md §3.2. */
class PayloadV2EventWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "r3pmxmplak.execute-api.us-east-1.amazonaws.com";
    private static final Instant TIME = Instant.parse("2025-03-14T09:26:53.123Z");

    private static HttpApiRequestContext context(String routeKey, String stage, Map<String, String> pathParameters,
                                                 String requestId, String traceRoot, Map<String, Object> authorizer) {
        return new HttpApiRequestContext(routeKey, stage, pathParameters, Map.of(),
                new RequestIds("0f6c1d2e-0000-4000-8000-000000000000", requestId, traceRoot, TIME),
                "123456789012", "r3pmxmplak", authorizer);
    }

    private static HttpRequest request(String method, String path, String query, HeaderList headers, String body) {
        return new HttpRequest(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8), "198.51.100.7",
                "HTTP/1.1", "https", 443);
    }

    private static HttpRequest namedStageRequest() {
        HeaderList headers = new HeaderList().add("Host", HOST).add("User-Agent", "curl/8.5.0")
                .add("Accept", "application/json").add("Content-Type", "application/json")
                .add("Content-Length", "9").add("Cookie", "session=abc123; theme=dark")
                .add("X-Multi", "one").add("X-Multi", "two");
        return request("POST", "/dev/orders/17", "expand=items&tag=a&tag=b&q=red%20shoes", headers, "{\"qty\":2}");
    }

    private static HttpApiRequestContext namedStageContext() {
        return context("POST /orders/{orderId}", "dev", Map.of("orderId", "17"), "HxWq8hV0IAMEb0w=",
                "1-67d3f65d-3b2a1c0d9e8f7a6b5c4d3e2f", null);
    }

    @Test
    void namedStageEventIsTheFixtureKeyForKey() throws IOException {
        JsonNode event = JSON.readTree(PayloadV2EventWriter.write(namedStageRequest(), namedStageContext()));
        assertSameTreeAndOrder(fixture("http-v2-event.json"), event, "$");
    }

    @Test
    void defaultStageWithJwtIsTheFixtureKeyForKey() throws IOException {
        HeaderList headers = new HeaderList().add("Host", HOST).add("User-Agent", "Mozilla/5.0").add("Accept", "*/*")
                .add("Authorization", "Bearer eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJ1c2VyLTEyMyJ9.c2ln")
                .add("Content-Length", "0");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", "my-client-id");
        claims.put("exp", "1741948013");
        claims.put("iat", "1741944413");
        claims.put("iss", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example");
        claims.put("sub", "user-123");
        Map<String, Object> jwt = new LinkedHashMap<>();
        jwt.put("claims", claims);
        jwt.put("scopes", List.of("orders/read", "orders/write"));
        HttpApiRequestContext context = context("$default", "$default", Map.of(), "HxWrKgEtIAMEbJw=",
                "1-67d3f65d-6c5b4a392817061f5e4d3c2b", Map.of("jwt", jwt));
        JsonNode event = JSON.readTree(PayloadV2EventWriter.write(request("GET", "/store/checkout", "", headers, ""), context));
        assertSameTreeAndOrder(fixture("http-v2-event-default-jwt.json"), event, "$");
    }

    @Test
    void cookiesFromEveryCookieHeaderAreSplitTrimmedAndLeaveTheHeaders() throws IOException {
        HeaderList headers = new HeaderList().add("Host", HOST).add("cookie", " a=1 ;b=2;").add("COOKIE", "c=3");
        JsonNode event = JSON.readTree(PayloadV2EventWriter.write(request("GET", "/x", "", headers, ""), namedStageContext()));
        assertEquals("[\"a=1\",\"b=2\",\"c=3\"]", event.get("cookies").toString());
        assertFalse(event.get("headers").has("cookie"));
    }

    @Test
    void absentCollectionsAndBodyLeaveTheirKeysOut() throws IOException {
        HttpApiRequestContext context = context("$default", "$default", Map.of(), "id", "1-a-b", null);
        JsonNode event = JSON.readTree(PayloadV2EventWriter.write(request("GET", "/", "", new HeaderList(), ""), context));
        for (String key : List.of("cookies", "queryStringParameters", "pathParameters", "stageVariables", "body")) {
            assertFalse(event.has(key), key);
        }
        assertFalse(event.get("requestContext").has("authorizer"));
        assertEquals("", event.get("rawQueryString").textValue());
        assertFalse(event.get("isBase64Encoded").booleanValue());
    }

    @Test
    void stageVariablesArePresentWhenTheStageHasSome() throws IOException {
        HttpApiRequestContext context = new HttpApiRequestContext("$default", "dev", Map.of(), Map.of("env", "test"),
                new RequestIds("u", "id", "1-a-b", TIME), "123456789012", "r3pmxmplak", null);
        JsonNode event = JSON.readTree(PayloadV2EventWriter.write(namedStageRequest(), context));
        assertEquals("{\"env\":\"test\"}", event.get("stageVariables").toString());
    }

    @Test
    void headersAreLowerCasedAndRepeatedValuesCommaJoinedWithoutSpace() {
        HeaderList headers = new HeaderList().add("X-A", "1").add("x-a", "2").add("X-B", "b");
        Map<String, String> out = PayloadV2EventWriter.eventHeaders(request("GET", "/", "", headers, ""), namedStageContext());
        assertEquals("1,2", out.get("x-a"));
        assertEquals("b", out.get("x-b"));
    }

    @Test
    void gatewaySetsTraceAndForwardedHeadersAppendingTheSourceIp() {
        HeaderList headers = new HeaderList().add("X-Forwarded-For", "203.0.113.9").add("X-Amzn-Trace-Id", "Root=forged")
                .add("X-Forwarded-Proto", "gopher").add("Connection", "keep-alive");
        Map<String, String> out = PayloadV2EventWriter.eventHeaders(request("GET", "/", "", headers, ""), namedStageContext());
        assertEquals("203.0.113.9, 198.51.100.7", out.get("x-forwarded-for"));
        assertEquals("Root=1-67d3f65d-3b2a1c0d9e8f7a6b5c4d3e2f", out.get("x-amzn-trace-id"));
        assertEquals("https", out.get("x-forwarded-proto"));
        assertEquals("443", out.get("x-forwarded-port"));
        assertFalse(out.containsKey("connection"));
    }

    @Test
    void queryValuesAreDecodedAndRepeatedKeysCommaJoined() {
        assertEquals(Map.of("a", "x y,+", "b", ""), PayloadV2EventWriter.queryParameters("a=x+y&b&a=%2B"));
    }

    @Test
    void rawPathKeepsPercentEncodingAndTheNamedStagePrefix() throws IOException {
        JsonNode event = JSON.readTree(PayloadV2EventWriter.write(
                request("GET", "/dev/a%2Fb", "q=%20", new HeaderList(), ""), namedStageContext()));
        assertEquals("/dev/a%2Fb", event.get("rawPath").textValue());
        assertEquals("/dev/a%2Fb", event.at("/requestContext/http/path").textValue());
        assertEquals("q=%20", event.get("rawQueryString").textValue());
    }

    @Test
    void requestIdIsTheShortIdAndTimeIsClf() throws IOException {
        JsonNode ctx = JSON.readTree(PayloadV2EventWriter.write(namedStageRequest(), namedStageContext())).get("requestContext");
        assertEquals("HxWq8hV0IAMEb0w=", ctx.get("requestId").textValue());
        assertEquals("14/Mar/2025:09:26:53 +0000", ctx.get("time").textValue());
        assertEquals(1741944413123L, ctx.get("timeEpoch").longValue());
    }

    @Test
    void textBodiesAreSentAsTextAndOthersAsBase64() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        HeaderList headers = new HeaderList().add("Content-Type", "image/png");
        HttpRequest request = new HttpRequest("PUT", "/", "", headers, png, "198.51.100.7", "HTTP/1.1", "https", 443);
        JsonNode event = JSON.readTree(PayloadV2EventWriter.write(request, namedStageContext()));
        assertEquals("iVBORw==", event.get("body").textValue());
        assertTrue(event.get("isBase64Encoded").booleanValue());

        JsonNode noType = JSON.readTree(PayloadV2EventWriter.write(request("POST", "/", "", new HeaderList(), "hi"), namedStageContext()));
        assertEquals("aGk=", noType.get("body").textValue());
        assertTrue(noType.get("isBase64Encoded").booleanValue());
    }

    @Test
    void textBodyRuleNamesTheTextualTypes() {
        for (String type : List.of("text/plain", "text/html; charset=utf-8", "Application/JSON", "application/xml",
                "application/javascript", "application/problem+json", "application/atom+xml",
                "application/x-www-form-urlencoded")) {
            assertTrue(PayloadV2EventWriter.TextBodyRule.sentAsText(type), type);
        }
        for (String type : new String[]{null, "", "image/png", "application/octet-stream", "application/pdf",
                "multipart/form-data; boundary=x"}) {
            assertFalse(PayloadV2EventWriter.TextBodyRule.sentAsText(type), String.valueOf(type));
        }
    }

    private static JsonNode fixture(String name) throws IOException {
        return JSON.readTree(TestPaths.TESTDATA.resolve("spec-fixtures/" + name).toFile());
    }

    /** Equal trees with object keys in the same order at every level. */
    private static void assertSameTreeAndOrder(JsonNode expected, JsonNode actual, String where) {
        assertEquals(expected, actual, where);
        if (expected.isObject()) {
            assertEquals(names(expected), names(actual), "key order at " + where);
            expected.fieldNames().forEachRemaining(k -> assertSameTreeAndOrder(expected.get(k), actual.get(k), where + "." + k));
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameTreeAndOrder(expected.get(i), actual.get(i), where + "[" + i + "]");
            }
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
