package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * DynamoDB over the {@link DynamoDbItems} store: PutItem answers {@code {}} [E], GetItem {@code {"Item"}} or
 * {@code {}} when nothing matches [D], Query and Scan {@code {"Count", "Items", "ScannedCount"}} [E], DeleteItem
 * {@code {}}; {@code ReturnValues: ALL_OLD} adds {@code Attributes}. Every answer carries {@code x-amz-crc32} [D].
 * Parameters gwemu does not evaluate (filter, projection and condition expressions, paging from a start key) are a
 * 500 naming them rather than an answer that ignores them.
 */
final class DynamoDbCapture extends JsonServiceCapture {
    private final DynamoDbItems items = new DynamoDbItems();

    DynamoDbCapture() {
        super(ServiceProtocols.WireProtocol.AWS_JSON_1_0);
    }


    @Override
    ServiceAnswer finish(ServiceAnswer answer) {
        return CaptureAnswers.withCrc32(answer);
    }

    /** Applies a call found in the capture log (a successful one) to the store, answering nothing. */
    void replay(String action, byte[] body) {
        if (action == null || !(action.equals("PutItem") || action.equals("DeleteItem") || action.equals("GetItem"))) {
            return;
        }
        try {
            ObjectNode request = parse(body);
            handle(action, request, null, null);
        } catch (RuntimeException e) {
            // a line the log answered 200 for is well-formed; anything else is not applied
        }
    }

    DynamoDbItems items() {
        return items;
    }

    @Override
    JsonNode handle(String action, ObjectNode request, ServiceCall call, CaptureContext context) {
        require(request, "TableName");
        String table = request.get("TableName").asText();
        ObjectNode result = CaptureAnswers.JSON.createObjectNode();
        switch (action) {
            case "PutItem" -> {
                require(request, "Item");
                unsupported(request, "ConditionExpression", "Expected");
                boolean old = returnsOld(request);
                ObjectNode replaced = items.put(table, object(request, "Item"));
                if (old && replaced != null) {
                    result.set("Attributes", replaced);
                }
            }
            case "DeleteItem" -> {
                require(request, "Key");
                unsupported(request, "ConditionExpression", "Expected");
                boolean old = returnsOld(request);
                ObjectNode removed = items.delete(table, object(request, "Key"));
                if (old && removed != null) {
                    result.set("Attributes", removed);
                }
            }
            case "GetItem" -> {
                require(request, "Key");
                unsupported(request, "ProjectionExpression", "AttributesToGet");
                ObjectNode item = items.get(table, object(request, "Key"));
                if (item != null) {
                    result.set("Item", item);
                }
            }
            case "Query" -> {
                unsupported(request, "FilterExpression", "ProjectionExpression", "ExclusiveStartKey", "QueryFilter",
                        "KeyConditions", "AttributesToGet");
                if (!present(request, "KeyConditionExpression")) {
                    throw CaptureFault.validation(
                            "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
                }
                KeyCondition condition = KeyCondition.parse(request.get("KeyConditionExpression").asText(),
                        request.get("ExpressionAttributeNames"), request.get("ExpressionAttributeValues"));
                List<ObjectNode> found = new ArrayList<>();
                for (ObjectNode item : items.all(table)) {
                    if (condition.matches(item)) {
                        found.add(item);
                    }
                }
                sort(found, sortKey(table, condition));
                if (request.path("ScanIndexForward").isBoolean() && !request.get("ScanIndexForward").asBoolean()) {
                    Collections.reverse(found);
                }
                page(request, found, result, condition.attributes());
            }
            case "Scan" -> {
                unsupported(request, "FilterExpression", "ProjectionExpression", "ExclusiveStartKey", "ScanFilter",
                        "Segment", "TotalSegments", "AttributesToGet");
                List<String> key = items.key(table);
                page(request, items.all(table), result, key == null ? List.of() : key);
            }
            default -> throw new IllegalStateException("not a DynamoDB capture action: " + action);
        }
        return result;
    }

    /** Limit, Select COUNT, and the LastEvaluatedKey of a page cut short by Limit [D]. */
    private static void page(ObjectNode request, List<ObjectNode> found, ObjectNode result, List<String> keyNames) {
        List<ObjectNode> page = found;
        boolean cut = false;
        if (request.path("Limit").canConvertToInt() && request.get("Limit").asInt() > 0
                && request.get("Limit").asInt() < found.size()) {
            page = found.subList(0, request.get("Limit").asInt());
            cut = true;
        }
        result.put("Count", page.size());
        if (!"COUNT".equals(request.path("Select").asText())) {
            ArrayNode list = result.putArray("Items");
            page.forEach(list::add);
        }
        result.put("ScannedCount", page.size());
        if (cut && !keyNames.isEmpty()) {
            ObjectNode last = result.putObject("LastEvaluatedKey");
            ObjectNode item = page.get(page.size() - 1);
            keyNames.forEach(n -> {
                if (item.has(n)) {
                    last.set(n, item.get(n));
                }
            });
        }
    }

    /** Query results come in sort-key order [D]: the second attribute of the condition, or of the learned key. */
    private String sortKey(String table, KeyCondition condition) {
        List<String> named = condition.attributes();
        if (named.size() > 1) {
            return named.get(1);
        }
        List<String> key = items.key(table);
        return key != null && key.size() > 1 ? key.get(1) : null;
    }

    private static void sort(List<ObjectNode> found, String attribute) {
        if (attribute == null || !found.stream().allMatch(i -> i.has(attribute))) {
            return;
        }
        found.sort(Comparator.comparing((ObjectNode i) -> i.get(attribute), AttributeValues::compare));
    }

    private static boolean returnsOld(JsonNode request) {
        String value = request.path("ReturnValues").asText("NONE");
        if (!value.equals("NONE") && !value.equals("ALL_OLD")) {
            throw CaptureFault.validation("Return values set to invalid value");
        }
        return value.equals("ALL_OLD");
    }

    private static ObjectNode object(JsonNode request, String member) {
        JsonNode value = request.get(member);
        if (!value.isObject()) {
            throw new CaptureFault(400, "SerializationException", "Member '" + member + "' is not a JSON object");
        }
        return (ObjectNode) value;
    }

    private static void unsupported(JsonNode request, String... members) {
        for (String member : members) {
            if (present(request, member)) {
                throw CaptureBackend.notCaptured("dynamodb", "parameter " + member + " (gwemu's capture does not "
                        + "evaluate it; forward this call to a real or local DynamoDB instead)");
            }
        }
    }
}
