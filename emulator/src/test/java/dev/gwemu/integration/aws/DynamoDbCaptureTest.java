package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DynamoDB capture's item store: the learned key, key conditions, order, paging. */
class DynamoDbCaptureTest {
    @TempDir
    Path stateDir;
    CaptureBackend backend;

    @BeforeEach
    void start() {
        backend = new CaptureBackend(stateDir, Clock.fixed(CaptureBackendTest.NOW, ZoneOffset.UTC),
                CaptureBackendTest.ACCOUNT, "us-east-1");
    }

    private JsonNode call(String action, String body) throws Exception {
        ServiceAnswer answer = backend.send(CaptureBackendTest.action("dynamodb", action, body, Map.of()), 1);
        return CaptureBackendTest.json(answer);
    }

    private void put(String pk, String sk, String value) throws Exception {
        call("PutItem", "{\"TableName\":\"Events\",\"Item\":{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\"" + sk
                + "\"},\"v\":{\"S\":\"" + value + "\"}}}");
    }

    private List<String> values(JsonNode result) {
        List<String> values = new ArrayList<>();
        result.get("Items").forEach(i -> values.add(i.get("v").get("S").asText()));
        return values;
    }

    @Test
    void aPutWithTheSameKeyReplacesTheItemOnceTheKeyIsKnown() throws Exception {
        put("a", "1", "first");
        put("a", "1", "second"); // key not known yet: kept beside the first
        JsonNode got = call("GetItem", "{\"TableName\":\"Events\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}}");
        assertEquals("second", got.get("Item").get("v").get("S").asText(), "the newest match");

        String query = "{\"TableName\":\"Events\",\"KeyConditionExpression\":\"pk = :p\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"}}}";
        assertEquals(List.of("second"), values(call("Query", query)), "learning the key dropped the older duplicate");

        JsonNode replaced = call("PutItem", "{\"TableName\":\"Events\",\"ReturnValues\":\"ALL_OLD\","
                + "\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1.0\"},\"v\":{\"S\":\"third\"}}}");
        assertEquals("second", replaced.get("Attributes").get("v").get("S").asText(), "1.0 is the same number as 1");
        assertEquals(List.of("third"), values(call("Query", query)));
    }

    @Test
    void queryReturnsItemsInSortKeyOrderEitherWayAndPages() throws Exception {
        put("a", "10", "ten");
        put("a", "2", "two");
        put("b", "1", "other partition");
        put("a", "7", "seven");
        String condition = "\"KeyConditionExpression\":\"#p = :p AND #s BETWEEN :lo AND :hi\","
                + "\"ExpressionAttributeNames\":{\"#p\":\"pk\",\"#s\":\"sk\"},"
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"},\":lo\":{\"N\":\"2\"},\":hi\":{\"N\":\"9\"}}";

        assertEquals(List.of("two", "seven"), values(call("Query", "{\"TableName\":\"Events\"," + condition + "}")),
                "numbers order by value, not as text");
        assertEquals(List.of("seven", "two"), values(call("Query", "{\"TableName\":\"Events\",\"ScanIndexForward\":false,"
                + condition + "}")));

        JsonNode page = call("Query", "{\"TableName\":\"Events\",\"Limit\":1," + condition + "}");
        assertEquals(1, page.get("Count").asInt());
        assertEquals("2", page.get("LastEvaluatedKey").get("sk").get("N").asText());
        assertEquals("a", page.get("LastEvaluatedKey").get("pk").get("S").asText());

        JsonNode count = call("Query", "{\"TableName\":\"Events\",\"Select\":\"COUNT\"," + condition + "}");
        assertEquals(2, count.get("Count").asInt());
        assertFalse(count.has("Items"));
    }

    @Test
    void beginsWithAndComparisons() throws Exception {
        call("PutItem", "{\"TableName\":\"T\",\"Item\":{\"pk\":{\"S\":\"u\"},\"sk\":{\"S\":\"order#2024\"}}}");
        call("PutItem", "{\"TableName\":\"T\",\"Item\":{\"pk\":{\"S\":\"u\"},\"sk\":{\"S\":\"profile\"}}}");
        JsonNode prefixed = call("Query", "{\"TableName\":\"T\",\"KeyConditionExpression\":\"pk = :p and begins_with(sk, :s)\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"u\"},\":s\":{\"S\":\"order#\"}}}");
        assertEquals(1, prefixed.get("Count").asInt());
        JsonNode greater = call("Query", "{\"TableName\":\"T\",\"KeyConditionExpression\":\"(pk = :p) AND sk > :s\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"u\"},\":s\":{\"S\":\"order#2024\"}}}");
        assertEquals("profile", greater.get("Items").get(0).get("sk").get("S").asText());
        assertEquals(1, greater.get("Count").asInt());
    }

    @Test
    void keyConditionMistakesAreValidationExceptionsWithDynamoDbsWording() throws Exception {
        JsonNode undefined = call("Query", "{\"TableName\":\"T\",\"KeyConditionExpression\":\"pk = :missing\"}");
        assertEquals("ValidationException", undefined.get("__type").asText());
        assertEquals("Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; "
                + "attribute value: :missing", undefined.get("message").asText());

        JsonNode syntax = call("Query", "{\"TableName\":\"T\",\"KeyConditionExpression\":\"pk = = :p\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"u\"}}}");
        assertTrue(syntax.get("message").asText().startsWith("Invalid KeyConditionExpression: Syntax error"),
                syntax.toString());

        JsonNode name = call("Query", "{\"TableName\":\"T\",\"KeyConditionExpression\":\"#nope = :p\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"u\"}}}");
        assertTrue(name.get("message").asText().contains("attribute name: #nope"), name.toString());
    }

    @Test
    void scanAnswersEveryItemOfTheTable() throws Exception {
        put("a", "1", "x");
        put("b", "2", "y");
        call("PutItem", "{\"TableName\":\"Other\",\"Item\":{\"pk\":{\"S\":\"z\"}}}");
        JsonNode scan = call("Scan", "{\"TableName\":\"Events\"}");
        assertEquals(2, scan.get("Count").asInt());
        assertEquals(2, scan.get("ScannedCount").asInt());
        assertEquals(List.of("x", "y"), values(scan));
    }
}
