package dev.gwemu.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static dev.gwemu.lambda.HandlerJars.fat;
import static dev.gwemu.lambda.HandlerJars.lean;
import static dev.gwemu.lambda.HandlerJars.spec;
import static dev.gwemu.lambda.Invoker.JSON;
import static dev.gwemu.lambda.Invoker.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every handler form Lambda's Java runtime accepts, with its JSON conversion. */
class HandlerFormsTest {
    private static LambdaRuntime runtime;
    private static Invoker invoker;

    @BeforeAll
    static void load() throws Exception {
        List<dev.gwemu.model.FunctionSpec> specs = new ArrayList<>(List.of(
                spec("Echo", lean(), "EchoEventHandler"),
                spec("Scripted", lean(), "ScriptedResponseHandler"),
                spec("Map", lean(), "MapHandler"),
                spec("Method", lean(), "MethodHandler::handle"),
                spec("Typed", fat(), "TypedProxyHandler"),
                spec("String", lean(), "StringHandler"),
                spec("Integer", lean(), "IntegerHandler"),
                spec("List", lean(), "ListHandler"),
                spec("Void", lean(), "VoidHandler"),
                spec("NullResult", lean(), "NullReturningHandler"),
                spec("Pet", lean(), "PetHandler"),
                spec("Inherited", lean(), "InheritedTypesHandler"),
                spec("Unserializable", lean(), "UnserializableResultHandler")));
        for (String method : List.of("upper", "withContext", "copy", "copyWithContext", "twice", "nothing", "noArgs",
                "pick")) {
            specs.add(spec("Forms-" + method, lean(), "MethodFormsHandler::" + method));
        }
        runtime = new LambdaRuntime(specs, "us-east-1", "123456789012");
        invoker = new Invoker(runtime);
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void streamHandlerGetsTheRawEventAndItsBytesAreTheAnswer() throws Exception {
        String event = "{\"path\":\"/a\\\"b\",\"note\":\"line1\\nline2 \\u00e9 \u00e9\",\"n\":[1, 2 ,3]}";

        InvokeResult result = invoker.invoke("Echo", event);

        assertFalse(result.functionError(), result.payloadText());
        JsonNode response = json(result);
        assertEquals(200, response.get("statusCode").asInt());
        assertEquals("application/json", response.get("headers").get("Content-Type").asText());
        assertEquals(event, response.get("body").asText());
    }

    @Test
    void scriptedHandlerReturnsTheValueVerbatim() {
        String returned = "{\"statusCode\": 201 ,\"body\":\"x\\\"y\",\"headers\":{\"A\":[1,{\"b\":null}]}}";
        String script = "{\"sleepMillis\": 1, \"return\": " + returned + "}";

        InvokeResult result = invoker.invoke("Scripted", proxyEvent(script, false));

        assertFalse(result.functionError(), result.payloadText());
        assertEquals(returned, result.payloadText());
    }

    @Test
    void scriptedHandlerReturnsRawTextAndReadsBase64Bodies() {
        String script = "{\"returnRaw\": \"not json \\\"at all\\\"\"}";
        String base64 = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));

        InvokeResult result = invoker.invoke("Scripted", proxyEvent(base64, true));

        assertFalse(result.functionError(), result.payloadText());
        assertEquals("not json \"at all\"", result.payloadText());
    }

    @Test
    void scriptedHandlerThrows() {
        InvokeResult result = invoker.invoke("Scripted", proxyEvent("{\"throw\":\"scripted failure\"}", false));

        assertTrue(result.functionError());
        assertEquals("scripted failure", json(result).get("errorMessage").asText());
        assertEquals("java.lang.RuntimeException", json(result).get("errorType").asText());
    }

    @Test
    void mapHandlerUsesJacksonBothWays() {
        InvokeResult result = invoker.invoke("Map", "{\"path\":\"/pets\",\"headers\":{\"a\":\"b\"}}");

        assertFalse(result.functionError(), result.payloadText());
        assertEquals("{\"statusCode\":200,\"body\":\"map:/pets\"}", result.payloadText());
    }

    @Test
    void plainMethodWithContext() {
        InvokeResult result = invoker.invoke("Method", "{}");

        assertEquals("{\"statusCode\":200,\"body\":\"method:Method\"}", result.payloadText());
    }

    @Test
    void eventsTypesFromTheFatJarUseLambdasEventSerializers() throws Exception {
        String event = """
                {"resource":"/pets/{petId}","path":"/pets/42","httpMethod":"GET",
                 "headers":{"Accept":"*/*"},"multiValueHeaders":{"Accept":["*/*"]},
                 "queryStringParameters":null,"multiValueQueryStringParameters":null,
                 "pathParameters":{"petId":"42"},"stageVariables":null,
                 "requestContext":{"requestId":"c6af9ac6-7b61-11e6-9a41-93e8deadbeef","stage":"dev",
                   "identity":{"sourceIp":"127.0.0.1","userAgent":null}},
                 "body":null,"isBase64Encoded":false}""";

        InvokeResult result = invoker.invoke("Typed", event);

        assertFalse(result.functionError(), result.payloadText());
        JsonNode response = json(result);
        // Lambda's Jackson leaves nulls out: no isBase64Encoded, no multiValueHeaders
        assertEquals(List.of("statusCode", "headers", "body"), fieldNames(response));
        assertEquals("typed", response.get("headers").get("X-Handler").asText());
        JsonNode body = JSON.readTree(response.get("body").asText());
        assertEquals("/pets/{petId}", body.get("resource").asText());
        assertEquals("/pets/42", body.get("path").asText());
        assertEquals("GET", body.get("httpMethod").asText());
        assertEquals("c6af9ac6-7b61-11e6-9a41-93e8deadbeef", body.get("requestId").asText());
        assertEquals("42", body.get("pathParameters").get("petId").asText());
        assertTrue(body.get("queryStringParameters").isNull());
        assertTrue(body.get("stageVariables").isNull());
        assertFalse(body.get("isBase64Encoded").asBoolean());
        assertTrue(body.get("body").isNull());
    }

    @Test
    void stringIntegerAndListTypes() {
        assertEquals("\"hello world\"", invoker.invoke("String", "\"world\"").payloadText());
        assertEquals("42", invoker.invoke("Integer", "41").payloadText());
        assertEquals("[\"n2\",\"n3\"]", invoker.invoke("List", "[1, 2]").payloadText());
    }

    @Test
    void voidAndNullResultsAnswerJsonNull() {
        InvokeResult voidResult = invoker.invoke("Void", "{}");
        InvokeResult nullResult = invoker.invoke("NullResult", "{}");

        assertFalse(voidResult.functionError());
        assertEquals("null", voidResult.payloadText());
        assertFalse(nullResult.functionError());
        assertEquals("null", nullResult.payloadText());
    }

    @Test
    void beansIgnoreUnknownPropertiesAndOmitNulls() {
        InvokeResult result = invoker.invoke("Pet", "{\"name\":\"rex\",\"tags\":[\"a\"],\"unknown\":1}");

        assertEquals("{\"name\":\"REX\",\"tags\":[\"a\",\"seen\"]}", result.payloadText());
    }

    @Test
    void typeArgumentsAreResolvedThroughAGenericSuperclass() {
        assertEquals("\"keys:[a, b]\"", invoker.invoke("Inherited", "{\"b\":1,\"a\":2}").payloadText());
    }

    @Test
    void everyPlainMethodSignature() {
        assertEquals("\"ABC\"", invoker.invoke("Forms-upper", "\"abc\"").payloadText());
        assertEquals("\"Forms-withContext:7\"", invoker.invoke("Forms-withContext", "{\"x\":7}").payloadText());
        assertEquals("{\"raw\" : true}", invoker.invoke("Forms-copy", "{\"raw\" : true}").payloadText());
        assertEquals("\"Forms-copyWithContext:4\"", invoker.invoke("Forms-copyWithContext", "null").payloadText());
        assertEquals("42", invoker.invoke("Forms-twice", "21").payloadText());
        assertEquals("null", invoker.invoke("Forms-nothing", "{}").payloadText());
        assertEquals("\"no-args\"", invoker.invoke("Forms-noArgs", "{}").payloadText());
    }

    @Test
    void theOverloadEndingInContextWins() {
        assertEquals("\"with-context\"", invoker.invoke("Forms-pick", "\"x\"").payloadText());
    }

    @Test
    void unparsableEventIsLambdasParsingError() {
        InvokeResult result = invoker.invoke("String", "{\"not\":\"a string\"}");

        assertTrue(result.functionError());
        JsonNode error = json(result);
        assertEquals("An error occurred during JSON parsing", error.get("errorMessage").asText());
        assertEquals("java.lang.RuntimeException", error.get("errorType").asText());
        assertEquals(0, error.get("stackTrace").size(), "the runtime's own frames are cut off");
    }

    @Test
    void unserializableResultIsLambdasSerializationError() {
        InvokeResult result = invoker.invoke("Unserializable", "{}");

        assertTrue(result.functionError());
        assertEquals("An error occurred during JSON serialization of response",
                json(result).get("errorMessage").asText());
    }

    static String proxyEvent(String body, boolean base64) {
        return "{\"resource\":\"/\",\"path\":\"/\",\"httpMethod\":\"POST\",\"headers\":null,"
                + "\"body\":" + JSON.valueToTree(body) + ",\"isBase64Encoded\":" + base64 + "}";
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
