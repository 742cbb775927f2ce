package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Amazon Data Firehose: PutRecord answers {@code {"RecordId", "Encrypted": false}}, PutRecordBatch
 * {@code {"FailedPutCount": 0, "Encrypted": false, "RequestResponses": [{"RecordId"}...]}} [D].
 */
final class FirehoseCapture extends JsonServiceCapture {
    FirehoseCapture() {
        super(ServiceProtocols.WireProtocol.AWS_JSON_1_1);
    }


    @Override
    JsonNode handle(String action, ObjectNode request, ServiceCall call, CaptureContext context) {
        require(request, "DeliveryStreamName");
        ObjectNode result = CaptureAnswers.JSON.createObjectNode();
        if (action.equals("PutRecord")) {
            require(request, "Record");
            require(request.get("Record"), "Data");
            return result.put("RecordId", recordId()).put("Encrypted", false);
        }
        List<JsonNode> records = list(request, "Records", 500);
        for (JsonNode record : records) {
            require(record, "Data");
        }
        result.put("FailedPutCount", 0).put("Encrypted", false);
        ArrayNode responses = result.putArray("RequestResponses");
        records.forEach(r -> responses.addObject().put("RecordId", recordId()));
        return result;
    }

    /** AWS's record ids are long opaque strings; gwemu's are 64 hex digits [U]. */
    private static String recordId() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(a.getMostSignificantBits()) + hex.toHexDigits(a.getLeastSignificantBits())
                + hex.toHexDigits(b.getMostSignificantBits()) + hex.toHexDigits(b.getLeastSignificantBits());
    }
}
