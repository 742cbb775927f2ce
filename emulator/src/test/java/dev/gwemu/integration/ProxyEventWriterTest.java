package dev.gwemu.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.auth.CallerIdentity;
import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.Method;
import dev.gwemu.model.Resource;
import dev.gwemu.model.Stage;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.RequestIds;
import dev.gwemu.routing.RouteMatch;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the proxy event says about who called: {@code requestContext.identity} for a SigV4 caller (§3.1) and
 * {@code requestContext.authorizer} once an authorizer ran (§3.3), in the recorded key order.
 */
class ProxyEventWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProxyEventWriter writer = new ProxyEventWriter("123456789012", new BinaryMediaTypes(List.of()));

    private static Invocation invocation() {
        Stage stage = new Stage("dev", "wtsh3b", Map.of());
        Resource resource = new Resource("7f3k2a", "/pets/{petId}", Map.of("GET", new Method("GET", null, null)));
        Api api = new Api("petstore", "b3kx9p2qde", ApiType.REST, Path.of("openapi.yaml"), List.of(resource),
                Map.of("dev", stage), List.of());
        HttpRequest request = new HttpRequest("GET", "/dev/pets/42", "", new HeaderList()
                .add("Host", "b3kx9p2qde.execute-api.us-east-1.amazonaws.com").add("User-Agent", "curl/8.5.0"),
                new byte[0], "198.51.100.7", "HTTP/1.1", "https", 443);
        Invocation inv = new Invocation(request, RequestIds.create(Instant.parse("2025-03-14T09:26:53Z"), null), api,
                stage, "/pets/42", "/dev/pets/42");
        inv.route(new RouteMatch(resource, resource.methods().get("GET"), Map.of("petId", "42")));
        return inv;
    }

    private static JsonNode read(byte[] event) {
        try {
            return JSON.readTree(event);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode fixture() throws IOException {
        return JSON.readTree(TestPaths.TESTDATA.resolve("spec-fixtures/rest-v1-proxy-event-get.json").toFile());
    }

    @Test
    void withoutAnAuthorizerTheContextHasNoAuthorizerKeyAndAnAnonymousIdentity() throws IOException {
        JsonNode context = read(writer.write(invocation())).get("requestContext");
        JsonNode recorded = fixture().get("requestContext");
        assertEquals(keys(recorded), keys(context));
        assertEquals(keys(recorded.get("identity")), keys(context.get("identity")));
        for (String key : List.of("accessKey", "accountId", "caller", "user", "userArn")) {
            assertTrue(context.get("identity").get(key).isNull(), key);
        }
    }

    @Test
    void aSigV4CallerFillsTheIdentity() {
        Invocation inv = invocation();
        inv.caller(new CallerIdentity("AKIAIOSFODNN7EXAMPLE", "111122223333", "AIDAEXAMPLE", "AIDAEXAMPLE",
                "arn:aws:iam::111122223333:user/bob"));
        inv.apiKey("k1d2e3", "alice-key-0123456789abcdef");
        JsonNode identity = read(writer.write(inv)).at("/requestContext/identity");
        assertEquals(List.of("accessKey", "accountId", "apiKey", "apiKeyId", "caller", "cognitoAuthenticationProvider",
                "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId", "sourceIp",
                "user", "userAgent", "userArn"), keys(identity));
        assertEquals("AKIAIOSFODNN7EXAMPLE", identity.get("accessKey").asText());
        assertEquals("111122223333", identity.get("accountId").asText());
        assertEquals("AIDAEXAMPLE", identity.get("caller").asText());
        assertEquals("AIDAEXAMPLE", identity.get("user").asText());
        assertEquals("arn:aws:iam::111122223333:user/bob", identity.get("userArn").asText());
        assertTrue(identity.get("principalOrgId").isNull());
        assertEquals("alice-key-0123456789abcdef", identity.get("apiKey").asText());
    }

    @Test
    void anAuthorizersMapFollowsApiIdWithItsTypesKept() {
        Invocation inv = invocation();
        Map<String, Object> authorizer = new LinkedHashMap<>();
        authorizer.put("principalId", "user-123");
        authorizer.put("tenant", "acme");
        authorizer.put("tier", "3");
        authorizer.put("integrationLatency", 42L);
        inv.authorizer(authorizer);
        JsonNode context = read(writer.write(inv)).get("requestContext");
        List<String> keys = keys(context);
        assertEquals(List.of("accountId", "apiId", "authorizer", "deploymentId"), keys.subList(0, 4));
        JsonNode written = context.get("authorizer");
        assertEquals(List.of("principalId", "tenant", "tier", "integrationLatency"), keys(written));
        assertTrue(written.get("integrationLatency").isIntegralNumber());
        assertEquals(42, written.get("integrationLatency").asInt());
        assertEquals("3", written.get("tier").textValue(), "a string stays a string");
    }

    @Test
    void cognitoClaimsAreWrittenAsANestedObject() {
        Invocation inv = invocation();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "9408");
        claims.put("email_verified", "true");
        inv.authorizer(Map.of("claims", claims));
        JsonNode written = read(writer.write(inv)).at("/requestContext/authorizer");
        assertEquals("9408", written.at("/claims/sub").asText());
        assertEquals(List.of("sub", "email_verified"), keys(written.get("claims")));
    }

    @Test
    void theRequestAuthorizerEventStartsWithTypeAndMethodArnAndHasNoBodyOrAuthorizer() {
        Invocation inv = invocation();
        inv.authorizer(Map.of("principalId", "left over"));
        JsonNode event = read(writer.writeRequestAuthorizerEvent(inv, "arn:aws:execute-api:us-east-1:123456789012:b3kx9p2qde/dev/GET/pets/42"));
        assertEquals(List.of("type", "methodArn", "resource", "path", "httpMethod", "headers", "multiValueHeaders",
                "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables",
                "requestContext"), keys(event));
        assertEquals("REQUEST", event.get("type").asText());
        assertFalse(event.get("requestContext").has("authorizer"));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
