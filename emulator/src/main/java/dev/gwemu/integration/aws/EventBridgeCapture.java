package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * EventBridge: PutEvents answers {@code {"FailedEntryCount", "Entries": [{"EventId"}...]}} [D][E]. An entry without
 * Source, DetailType or Detail fails with {@code InvalidArgument}, one whose Detail is not a JSON object with
 * {@code MalformedDetail} [D] (the error codes; the messages are [U]), as AWS reports them: per entry, status 200.
 */
final class EventBridgeCapture extends JsonServiceCapture {
    EventBridgeCapture() {
        super(ServiceProtocols.WireProtocol.AWS_JSON_1_1);
    }


    @Override
    JsonNode handle(String action, ObjectNode request, ServiceCall call, CaptureContext context) {
        List<JsonNode> entries = list(request, "Entries", 10);
        ObjectNode result = CaptureAnswers.JSON.createObjectNode();
        result.put("FailedEntryCount", 0);
        ArrayNode answered = result.putArray("Entries");
        int failed = 0;
        for (JsonNode entry : entries) {
            Failure failure = failure(entry);
            ObjectNode out = answered.addObject();
            if (failure == null) {
                out.put("EventId", UUID.randomUUID().toString());
            } else {
                failed++;
                out.put("ErrorCode", failure.code()).put("ErrorMessage", failure.message());
            }
        }
        result.put("FailedEntryCount", failed);
        return result;
    }

    private record Failure(String code, String message) {
    }

    private static Failure failure(JsonNode entry) {
        List<String> missing = new ArrayList<>();
        for (String member : List.of("Source", "DetailType", "Detail")) {
            if (!present(entry, member)) {
                missing.add(member);
            }
        }
        if (!missing.isEmpty()) {
            return new Failure("InvalidArgument",
                    "Parameter(s) " + String.join(", ", missing) + " could not be found in the event.");
        }
        try {
            if (CaptureAnswers.JSON.readTree(entry.get("Detail").asText()).isObject()) {
                return null;
            }
        } catch (IOException e) {
            // falls through
        }
        return new Failure("MalformedDetail", "Detail is malformed.");
    }
}
