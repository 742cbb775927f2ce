package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A capture for an AWS JSON protocol service: the body parsed as a JSON object (an empty body counts as {@code {}}),
 * the action answered with a JSON object, a {@link CaptureFault} answered as {@code {"__type", "message"}}.
 */
abstract class JsonServiceCapture implements ServiceCapture {
    private final ServiceProtocols.WireProtocol protocol;

    JsonServiceCapture(ServiceProtocols.WireProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public final ServiceAnswer answer(ServiceCall call, CaptureContext context) {
        try {
            JsonNode result = handle(call.action(), parse(call.body()), call, context);
            return finish(CaptureAnswers.json(protocol, result, context.requestId(), context.now()));
        } catch (CaptureFault fault) {
            return finish(CaptureAnswers.jsonError(protocol, fault.status(), fault.code(), fault.getMessage(),
                    context.requestId(), context.now()));
        }
    }

    /** The result of one of {@link #actions()}. */
    abstract JsonNode handle(String action, ObjectNode request, ServiceCall call, CaptureContext context);

    /** A last touch on every answer (DynamoDB's CRC32). */
    ServiceAnswer finish(ServiceAnswer answer) {
        return answer;
    }

    /** Invalid JSON is a SerializationException [E]; the message is gwemu's [U]. */
    static ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return CaptureAnswers.JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = CaptureAnswers.JSON.readTree(body);
        } catch (IOException e) {
            String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new CaptureFault(400, "SerializationException", "The request body is not valid JSON: " + why);
        }
        if (node == null || node.isMissingNode()) {
            return CaptureAnswers.JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw new CaptureFault(400, "SerializationException", "The request body is not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Fails with the validation error naming every member that is absent or null. */
    static void require(JsonNode request, String... members) {
        List<String> missing = new ArrayList<>();
        for (String member : members) {
            if (!present(request, member)) {
                missing.add(member);
            }
        }
        if (!missing.isEmpty()) {
            throw CaptureFault.missingMembers(missing);
        }
    }

    static boolean present(JsonNode request, String member) {
        JsonNode value = request.get(member);
        return value != null && !value.isNull();
    }

    /** A member that must be a JSON array of objects, 1 to {@code max} long (the APIs' list constraints). */
    static List<JsonNode> list(JsonNode request, String member, int max) {
        require(request, member);
        JsonNode value = request.get(member);
        if (!value.isArray()) {
            throw new CaptureFault(400, "SerializationException", "Member '" + member + "' is not a JSON array");
        }
        if (value.isEmpty() || value.size() > max) {
            throw CaptureFault.validation("1 validation error detected: Value at '"
                    + Character.toLowerCase(member.charAt(0)) + member.substring(1)
                    + "' failed to satisfy constraint: Member must have length between 1 and " + max);
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }
}
