package dev.gwemu.mapping;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static dev.gwemu.mapping.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Request template, then response template, over one {@link Overrides}: the MOCK scenarios of LocalStack's
 * test_apigateway_integrations.py that were recorded on AWS (data-plane.md §4.2 "Overrides", §4.3). The templates
 * are the tests' own, after Python's dedent. AWS's recorded bodies were compared as parsed JSON; the exact bytes
 * asserted here are what this engine renders for them.
 */
class RecordedScenariosTest {
    // test_integration_mock_with_request_overrides_in_response_template: a request override read back later.
    @Test
    void requestOverridesReachTheResponseTemplate() {
        VtlTemplate requestTemplate = VtlTemplate.compile("request", "#set($body = $util.base64Decode($input.params('testPath')))\n"
                + "#set($context.requestOverride.path.body = $body)\n{\n  \"statusCode\": 200\n}\n");
        VtlTemplate responseTemplate = VtlTemplate.compile("response", "\n#set($body = $util.parseJson($context.requestOverride.path.body))\n"
                + "#set($inputBody = $body.message)\n#if($inputBody == \"path1\")\n{\n   \"response\": \"path was path one\"\n}\n"
                + "#elseif($inputBody == \"path2\")\n{\n   \"response\": \"path was path two\"\n}\n#else\n{\n  \"response\": \"this is the else clause\"\n}\n#end\n");
        Map<String, String> expected = Map.of(
                "path1", "{\n   \"response\": \"path was path one\"\n}\n",
                "path2", "{\n   \"response\": \"path was path two\"\n}\n",
                "whatever", "{\n  \"response\": \"this is the else clause\"\n}\n");
        expected.forEach((message, body) -> {
            String testPath = Base64.getEncoder().encodeToString(("{\"message\": \"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
            MappingInput input = request().path("testPath", testPath).input();
            Overrides overrides = new Overrides();
            assertEquals("{\n  \"statusCode\": 200\n}", requestTemplate.render(input, overrides));
            assertEquals(body, responseTemplate.render(input.withBody(""), overrides), message);
        });
    }

    // test_integration_mock_with_response_override_in_request_template[True]: status 444, header foo, and a
    // custom key on responseOverride all carried over.
    @Test
    void responseOverridesSetInTheRequestTemplate() {
        Overrides overrides = new Overrides();
        VtlTemplate.compile("request", "\n#set($context.responseOverride.status = 444)\n#set($context.responseOverride.header.foo = \"bar\")\n"
                + "#set($context.responseOverride.custom = \"is also passed around\")\n{\n  \"statusCode\": 200\n}\n").render(request().input(), overrides);
        String body = VtlTemplate.compile("response", "\n#set($statusOverride = $context.responseOverride.status)\n"
                + "#set($fooHeader = $context.responseOverride.header.foo)\n#set($custom = $context.responseOverride.custom)\n"
                + "{\n    \"statusOverride\": \"$statusOverride\",\n    \"fooHeader\": \"$fooHeader\",\n    \"custom\": \"$custom\"\n}\n")
                .render(request().input(), overrides);
        assertEquals("{\n    \"statusOverride\": \"444\",\n    \"fooHeader\": \"bar\",\n    \"custom\": \"is also passed around\"\n}", body);
        assertEquals(444, overrides.responseStatus());
        assertEquals(Map.of("foo", "bar"), overrides.responseHeaders());
    }

    // test_integration_mock_with_vtl_map_assignation: index assignment, put(), and $context["requestOverride"].
    @Test
    void overrideMapsTakeEveryAssignmentForm() {
        Overrides overrides = new Overrides();
        String requestBody = VtlTemplate.compile("request", "\n#set($paramName = \"foo\")\n#set($context.requestOverride.querystring[$paramName] = \"bar\")\n"
                + "#set($paramPutName = \"putfoo\")\n$context.requestOverride.querystring.put($paramPutName, \"putBar\")\n"
                + "#set($context[\"requestOverride\"].querystring[\"nestedfoo\"] = \"nestedFoo\")\n{\n  \"statusCode\": 200\n}\n")
                .render(request().input(), overrides);
        assertEquals("\n{\n  \"statusCode\": 200\n}", requestBody);
        String body = VtlTemplate.compile("response", "\n#set($value = $context.requestOverride.querystring[\"foo\"])\n"
                + "#set($value2 = $context.requestOverride.querystring[\"putfoo\"])\n#set($value3 = $context.requestOverride.querystring[\"nestedfoo\"])\n"
                + "{\n    \"value\": \"$value\",\n    \"value2\": \"$value2\",\n    \"value3\": \"$value3\"\n}\n").render(request().input(), overrides);
        assertEquals("{\n    \"value\": \"bar\",\n    \"value2\": \"putBar\",\n    \"value3\": \"nestedFoo\"\n}", body);
        assertEquals(Map.of("foo", "bar", "putfoo", "putBar", "nestedfoo", "nestedFoo"), overrides.requestQuery());
    }
}
