package dev.gwemu.httpapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.auth.CallerIdentity;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.RequestIds;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP API payload 1.0 event against the AWS docs' example (resource {@code httpapi/http-v1-event.json}, key order
 * included), and each rule of data-plane.md §3.2 last paragraph and §2.2 it inherits.
 */
class PayloadV1EventWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCS_HOST = "id.execute-api.us-east-1.amazonaws.com";
    private static final String HOST = "r3pmxmplak.execute-api.us-east-1.amazonaws.com";
    private static final Instant TIME = Instant.ofEpochMilli(1583349317135L);
    private static final String TRACE = "1-5e5ffe45-2a3c8e1b7d9f0a4c6e8b1d3f";

    private static HttpApiRequestContext context(String routeKey, String stage, Map<String, String> pathParameters,
                                                 Map<String, String> stageVariables, String apiId,
                                                 Map<String, Object> authorizer) {
        return new HttpApiRequestContext(routeKey, stage, pathParameters, stageVariables,
                new RequestIds("0f6c1d2e-0000-4000-8000-000000000000", "id=", TRACE, TIME), "123456789012", apiId,
                authorizer);
    }

    private static HttpApiRequestContext plainContext() {
        return context("GET /my/path", "$default", Map.of(), Map.of(), "id", null);
    }

    private static HttpRequest request(String method, String path, String query, HeaderList headers, byte[] body) {
        return new HttpRequest(method, path, query, headers, body, "IP", "HTTP/1.1", "https", 443);
    }

    private static HttpRequest request(String method, String path, String query, HeaderList headers, String body) {
        return request(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode write(HttpRequest request, HttpApiRequestContext context, String routePath,
                                  CallerIdentity caller) throws IOException {
        return JSON.readTree(PayloadV1EventWriter.write(request, context, routePath, caller));
    }

    /** The docs' request: curl with Header1, Header2 twice and parameter1 twice, a text body, no authorizer. */
    @Test
    void docsExampleIsTheFixtureKeyForKeyAndInOrder() throws IOException {
        HeaderList headers = new HeaderList().add("Host", DOCS_HOST).add("User-Agent", "user-agent")
                .add("Header1", "value1").add("Header2", "value1").add("Header2", "value2")
                .add("Content-Type", "text/plain");
        HttpRequest request = request("GET", "/my/path", "parameter1=value1&parameter1=value2&parameter2=value",
                headers, "Hello from Lambda!");
        JsonNode event = write(request, plainContext(), "/my/path", null);
        assertSameTreeAndOrder(fixture("http-v1-event.json"), event, "$");
    }

    @Test
    void namedStageRouteWithPathParametersAndStageVariables() throws IOException {
        Map<String, String> stageVariables = new LinkedHashMap<>();
        stageVariables.put("env", "test");
        stageVariables.put("table", "pets");
        HttpApiRequestContext context = context("GET /pets/{id}", "dev", Map.of("id", "a b"), stageVariables,
                "r3pmxmplak", null);
        HeaderList headers = new HeaderList().add("Host", HOST);
        JsonNode event = write(request("GET", "/dev/pets/a%20b", "", headers, ""), context, "/pets/{id}", null);
        assertEquals("1.0", event.get("version").textValue());
        assertEquals("/pets/{id}", event.get("resource").textValue());
        assertEquals("/dev/pets/a%20b", event.get("path").textValue());
        assertEquals("{\"id\":\"a b\"}", event.get("pathParameters").toString());
        assertEquals("{\"env\":\"test\",\"table\":\"pets\"}", event.get("stageVariables").toString());
        JsonNode ctx = event.get("requestContext");
        assertEquals("/pets/{id}", ctx.get("resourcePath").textValue());
        assertEquals("/dev/pets/a%20b", ctx.get("path").textValue());
        assertEquals("dev", ctx.get("stage").textValue());
        assertEquals("r3pmxmplak", ctx.get("domainPrefix").textValue());
        assertEquals(HOST, ctx.get("domainName").textValue());
        assertTrue(ctx.has("resourceId") && ctx.get("resourceId").isNull());
        assertFalse(ctx.has("deploymentId"));
    }

    @Test
    void defaultRouteResourceIsTheRequestPath() throws IOException {
        HttpApiRequestContext context = context("$default", "$default", Map.of(), Map.of(), "id", null);
        JsonNode event = write(request("POST", "/any/where", "", new HeaderList(), ""), context, null, null);
        assertEquals("/any/where", event.get("resource").textValue());
        assertEquals("/any/where", event.at("/requestContext/resourcePath").textValue());
        assertEquals("$default", event.at("/requestContext/stage").textValue());
        assertEquals("POST", event.get("httpMethod").textValue());
        assertEquals("POST", event.at("/requestContext/httpMethod").textValue());
    }

    @Test
    void noQueryNoBodyNoPathParametersNoStageVariablesAreNullKeys() throws IOException {
        JsonNode event = write(request("GET", "/my/path", "", new HeaderList(), ""), plainContext(), "/my/path", null);
        for (String key : List.of("queryStringParameters", "multiValueQueryStringParameters", "pathParameters",
                "stageVariables", "body")) {
            assertTrue(event.has(key), key);
            assertTrue(event.get(key).isNull(), key);
        }
        assertFalse(event.get("isBase64Encoded").booleanValue());
        assertTrue(event.at("/requestContext/identity/userAgent").isNull());
        assertFalse(event.has("cookies"));
    }

    @Test
    void repeatedHeadersAreLowerCasedWithTheLastValueAndAllValuesInOrder() throws IOException {
        HeaderList headers = new HeaderList().add("X-A", "1").add("x-a", "2").add("X-A", "3, 4").add("X-B", "b");
        JsonNode event = write(request("GET", "/", "", headers, ""), plainContext(), "/", null);
        assertEquals("3, 4", event.at("/headers/x-a").textValue());
        assertEquals("[\"1\",\"2\",\"3, 4\"]", event.at("/multiValueHeaders/x-a").toString());
        assertEquals("b", event.at("/headers/x-b").textValue());
        assertFalse(event.get("headers").has("X-A"));
        assertEquals(names(event.get("headers")), names(event.get("multiValueHeaders")));
        List<String> sorted = new ArrayList<>(names(event.get("headers")));
        sorted.sort(null);
        assertEquals(sorted, names(event.get("headers")));
    }

    @Test
    void repeatedQueryKeysAreDecodedFirstValueAndAllValues() throws IOException {
        JsonNode event = write(request("GET", "/", "b=x+y&a=1&b=%2B&flag&b=", new HeaderList(), ""), plainContext(),
                "/", null);
        assertEquals("{\"b\":\"x y\",\"a\":\"1\",\"flag\":\"\"}", event.get("queryStringParameters").toString());
        assertEquals("{\"b\":[\"x y\",\"+\",\"\"],\"a\":[\"1\"],\"flag\":[\"\"]}",
                event.get("multiValueQueryStringParameters").toString());
    }

    @Test
    void cookieHeadersStayInTheHeadersAndThereIsNoCookiesKey() throws IOException {
        HeaderList headers = new HeaderList().add("Cookie", "session=abc123; theme=dark").add("cookie", "c=3");
        JsonNode event = write(request("GET", "/", "", headers, ""), plainContext(), "/", null);
        assertFalse(event.has("cookies"));
        assertEquals("c=3", event.at("/headers/cookie").textValue());
        assertEquals("[\"session=abc123; theme=dark\",\"c=3\"]", event.at("/multiValueHeaders/cookie").toString());
    }

    @Test
    void gatewaySetsTraceAndForwardedHeadersAndDropsHopByHopOnes() throws IOException {
        HeaderList headers = new HeaderList().add("X-Forwarded-For", "203.0.113.9").add("X-Amzn-Trace-Id", "Root=forged")
                .add("X-Forwarded-Proto", "gopher").add("X-Forwarded-Port", "1").add("Connection", "keep-alive")
                .add("Transfer-Encoding", "chunked").add("Content-Length", "2");
        HttpRequest request = new HttpRequest("POST", "/", "", headers, "{}".getBytes(StandardCharsets.UTF_8),
                "198.51.100.7", "HTTP/1.1", "http", 3000);
        JsonNode h = write(request, plainContext(), "/", null).get("multiValueHeaders");
        assertEquals("[\"203.0.113.9, 198.51.100.7\"]", h.get("x-forwarded-for").toString());
        assertEquals("[\"Root=" + TRACE + "\"]", h.get("x-amzn-trace-id").toString());
        assertEquals("[\"http\"]", h.get("x-forwarded-proto").toString());
        assertEquals("[\"3000\"]", h.get("x-forwarded-port").toString());
        assertEquals("[\"2\"]", h.get("content-length").toString());
        assertFalse(h.has("connection"));
        assertFalse(h.has("transfer-encoding"));
    }

    @Test
    void binaryBodiesAreBase64AndTextBodiesAreText() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        JsonNode binary = write(request("PUT", "/", "", new HeaderList().add("Content-Type", "image/png"), png),
                plainContext(), "/", null);
        assertEquals("iVBORw==", binary.get("body").textValue());
        assertTrue(binary.get("isBase64Encoded").booleanValue());

        JsonNode noType = write(request("POST", "/", "", new HeaderList(), "hi"), plainContext(), "/", null);
        assertEquals("aGk=", noType.get("body").textValue());
        assertTrue(noType.get("isBase64Encoded").booleanValue());

        JsonNode json = write(request("POST", "/", "", new HeaderList().add("content-type", "application/json; charset=utf-8"),
                "{\"qty\":2}"), plainContext(), "/", null);
        assertEquals("{\"qty\":2}", json.get("body").textValue());
        assertFalse(json.get("isBase64Encoded").booleanValue());
    }

    @Test
    void withoutAnAuthorizerTheContextSaysNullClaimsAndScopes() throws IOException {
        JsonNode ctx = write(request("GET", "/", "", new HeaderList(), ""), plainContext(), "/", null).get("requestContext");
        assertEquals("{\"claims\":null,\"scopes\":null}", ctx.get("authorizer").toString());
        assertEquals(List.of("accountId", "apiId", "authorizer", "domainName"), names(ctx).subList(0, 4));
    }

    @Test
    void anAuthorizerIsWrittenAsGivenAfterApiId() throws IOException {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "user-123");
        claims.put("exp", "1741948013");
        Map<String, Object> authorizer = new LinkedHashMap<>();
        authorizer.put("claims", claims);
        authorizer.put("scopes", List.of("orders/read", "orders/write"));
        HttpApiRequestContext context = context("GET /my/path", "$default", Map.of(), Map.of(), "id", authorizer);
        JsonNode ctx = write(request("GET", "/", "", new HeaderList(), ""), context, "/", null).get("requestContext");
        assertEquals("{\"claims\":{\"sub\":\"user-123\",\"exp\":\"1741948013\"},\"scopes\":[\"orders/read\",\"orders/write\"]}",
                ctx.get("authorizer").toString());
        assertEquals(List.of("accountId", "apiId", "authorizer", "domainName"), names(ctx).subList(0, 4));

        Map<String, Object> lambda = new LinkedHashMap<>();
        lambda.put("principalId", "me");
        lambda.put("integrationLatency", 12);
        lambda.put("admin", true);
        JsonNode lambdaCtx = write(request("GET", "/", "", new HeaderList(), ""),
                context("GET /my/path", "$default", Map.of(), Map.of(), "id", lambda), "/", null).get("requestContext");
        assertEquals("{\"principalId\":\"me\",\"integrationLatency\":12,\"admin\":true}",
                lambdaCtx.get("authorizer").toString());
    }

    @Test
    void anIamCallerFillsTheIdentity() throws IOException {
        CallerIdentity caller = new CallerIdentity("AKIAIOSFODNN7EXAMPLE", "111122223333", "AIDAEXAMPLEUSERID",
                "AIDAEXAMPLEUSERID", "arn:aws:iam::111122223333:user/alice");
        HeaderList headers = new HeaderList().add("User-Agent", "aws-cli/2");
        JsonNode identity = write(request("GET", "/", "", headers, ""), plainContext(), "/", caller)
                .at("/requestContext/identity");
        assertEquals("{\"accessKey\":\"AKIAIOSFODNN7EXAMPLE\",\"accountId\":\"111122223333\",\"caller\":\"AIDAEXAMPLEUSERID\","
                + "\"cognitoAuthenticationProvider\":null,\"cognitoAuthenticationType\":null,\"cognitoIdentityId\":null,"
                + "\"cognitoIdentityPoolId\":null,\"principalOrgId\":null,\"sourceIp\":\"IP\",\"user\":\"AIDAEXAMPLEUSERID\","
                + "\"userAgent\":\"aws-cli/2\",\"userArn\":\"arn:aws:iam::111122223333:user/alice\"}", identity.toString());
    }

    @Test
    void requestIdsAndTimeAreTheShortIdAndClf() throws IOException {
        HttpApiRequestContext context = new HttpApiRequestContext("GET /x", "$default", Map.of(), Map.of(),
                new RequestIds("0f6c1d2e-0000-4000-8000-000000000000", "HxWq8hV0IAMEb0w=", TRACE,
                        Instant.parse("2025-03-14T09:26:53.123Z")), "123456789012", "id", null);
        JsonNode ctx = write(request("GET", "/x", "", new HeaderList(), ""), context, "/x", null).get("requestContext");
        assertEquals("HxWq8hV0IAMEb0w=", ctx.get("requestId").textValue());
        assertEquals("HxWq8hV0IAMEb0w=", ctx.get("extendedRequestId").textValue());
        assertEquals("14/Mar/2025:09:26:53 +0000", ctx.get("requestTime").textValue());
        assertEquals(1741944413123L, ctx.get("requestTimeEpoch").longValue());
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = PayloadV1EventWriterTest.class.getResourceAsStream("/httpapi/" + name)) {
            assertNotNull(in, name);
            return JSON.readTree(in);
        }
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
