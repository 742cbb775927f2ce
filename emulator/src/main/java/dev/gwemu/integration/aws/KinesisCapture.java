package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kinesis Data Streams: PutRecord answers {@code {"SequenceNumber", "ShardId"}} [E] (the answer LocalStack recorded
 * from AWS: no EncryptionType for an unencrypted stream), PutRecords {@code {"FailedRecordCount": 0, "Records":
 * [...]}} [D]. One shard, {@code shardId-000000000000}; sequence numbers are 56 digits like AWS's, increasing for
 * every record, also across restarts (they start from the clock).
 */
final class KinesisCapture extends JsonServiceCapture {
    static final String SHARD_ID = "shardId-000000000000";
    private final AtomicLong sequence;

    /** @param firstSequence where the sequence starts (the clock's milliseconds times a million) */
    KinesisCapture(long firstSequence) {
        super(ServiceProtocols.WireProtocol.AWS_JSON_1_1);
        this.sequence = new AtomicLong(firstSequence);
    }


    @Override
    JsonNode handle(String action, ObjectNode request, ServiceCall call, CaptureContext context) {
        requireStream(request);
        ObjectNode result = CaptureAnswers.JSON.createObjectNode();
        if (action.equals("PutRecord")) {
            require(request, "Data", "PartitionKey");
            requireNotEmpty(request, "PartitionKey");
            return record(result);
        }
        List<JsonNode> records = list(request, "Records", 500);
        for (JsonNode record : records) {
            require(record, "Data", "PartitionKey");
            requireNotEmpty(record, "PartitionKey");
        }
        result.put("FailedRecordCount", 0);
        ArrayNode answered = result.putArray("Records");
        records.forEach(r -> record(answered.addObject()));
        return result;
    }

    private ObjectNode record(ObjectNode into) {
        return into.put("SequenceNumber", String.format("49%054d", sequence.incrementAndGet())).put("ShardId", SHARD_ID);
    }

    /** Kinesis's length constraint (1 to 256 characters): an empty key is refused as AWS refuses it [D]. */
    private static void requireNotEmpty(JsonNode request, String member) {
        if (request.path(member).asText("").isEmpty()) {
            throw CaptureFault.validation("1 validation error detected: Value '' at '"
                    + Character.toLowerCase(member.charAt(0)) + member.substring(1)
                    + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
    }

    /** A stream is named by StreamName or, in newer SDKs, StreamARN [D]. */
    private static void requireStream(JsonNode request) {
        if (!present(request, "StreamName") && !present(request, "StreamARN")) {
            throw CaptureFault.missingMembers(List.of("StreamName"));
        }
    }
}
