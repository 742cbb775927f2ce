package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of one SQS call, whichever protocol carried them: the query protocol's
 * ({@code AttributeName.1=All} in the query or a form body) or AWS JSON 1.0's ({@code "AttributeNames": ["All"]}).
 * The queue is {@code QueueUrl}, or the request path when there is none ({@code path/{account}/{queue}} uris).
 */
final class SqsRequest {
    private final QueryParameters query;
    private final ObjectNode json;
    private final String path;

    private SqsRequest(QueryParameters query, ObjectNode json, String path) {
        this.query = query;
        this.json = json;
        this.path = path;
    }

    static SqsRequest query(ServiceCall call) {
        return new SqsRequest(QueryParameters.of(call), null, call.path());
    }

    /** @throws CaptureFault SerializationException for a body that is not a JSON object */
    static SqsRequest json(ServiceCall call) {
        return new SqsRequest(null, JsonServiceCapture.parse(call.body()), call.path());
    }

    /** A scalar parameter, or null. */
    String text(String name) {
        if (json != null) {
            return JsonServiceCapture.present(json, name) ? json.get(name).asText() : null;
        }
        return query.first(name);
    }

    /**
     * A list parameter: {@code name} in JSON, {@code member.1, member.2, ...} in the query protocol.
     */
    List<String> list(String name, String member) {
        List<String> values = new ArrayList<>();
        if (json != null) {
            JsonNode node = json.get(name);
            if (node != null && node.isArray()) {
                node.forEach(v -> values.add(v.asText()));
            }
            return values;
        }
        for (int i = 1; query.first(member + "." + i) != null; i++) {
            values.add(query.first(member + "." + i));
        }
        return values;
    }

    /**
     * The queue's key ({@code 123456789012/orders}).
     *
     * @throws CaptureFault MissingParameter when neither QueueUrl nor the path names one
     */
    String queue() {
        String url = text("QueueUrl");
        String named = url != null && !url.isBlank() ? url : path.equals("/") ? null : path;
        String key = named == null ? "" : SqsQueues.queueKey(named);
        if (key.isEmpty()) {
            throw new CaptureFault(400, "MissingParameter", "The request must contain the parameter QueueUrl.");
        }
        return key;
    }

    /**
     * An integer parameter between {@code min} and {@code max}, or {@code fallback} when absent.
     *
     * @throws CaptureFault InvalidParameterValue otherwise, worded as SQS words it [E]
     */
    int integer(String name, int fallback, int min, int max) {
        String value = text(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new CaptureFault(400, "InvalidParameterValue", "Value " + value + " for parameter " + name
                + " is invalid. Reason: Must be between " + min + " and " + max + ", if provided.");
    }
}
