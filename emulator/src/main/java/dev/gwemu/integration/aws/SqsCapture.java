package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SQS SendMessage, in both protocols SQS speaks [D]: the query protocol ({@code Action=SendMessage&MessageBody=...}
 * in the query or a form body, the queue as {@code QueueUrl} or the path {@code /{account}/{queue}}), answered as
 * {@code SendMessageResponse} in XML or, for API Gateway's default {@code Accept: application/json}, in JSON [E];
 * and AWS JSON 1.0 ({@code X-Amz-Target: AmazonSQS.SendMessage}), answered {@code {"MD5OfMessageBody",
 * "MessageId"}}. {@code MD5OfMessageBody} is the MD5 of the message's UTF-8 bytes [D]; {@code MD5OfMessageAttributes}
 * is not computed (null) [U]. A FIFO queue ({@code .fifo}) also gets an increasing {@code SequenceNumber}.
 */
final class SqsCapture implements ServiceCapture {
    private static final String XMLNS = ServiceProtocols.of("sqs").xmlNamespace();
    private final AtomicLong fifoSequence;

    SqsCapture(long firstSequence) {
        this.fifoSequence = new AtomicLong(firstSequence);
    }


    @Override
    public boolean answersUnnamedCalls() {
        return true;
    }

    @Override
    public ServiceAnswer answer(ServiceCall call, CaptureContext context) {
        String target = call.headers().last("X-Amz-Target");
        boolean json = target != null && target.startsWith(ServiceProtocols.SQS_JSON_TARGET_PREFIX + ".");
        try {
            Map<String, String> result = json ? sendJson(call) : sendQuery(call);
            if (json) {
                ObjectNode body = CaptureAnswers.JSON.createObjectNode();
                result.forEach((k, v) -> {
                    if (v != null) {
                        body.put(k, v);
                    }
                });
                return CaptureAnswers.json(ServiceProtocols.WireProtocol.AWS_JSON_1_0, body, context.requestId(),
                        context.now());
            }
            return CaptureAnswers.query(call, "SendMessage", XMLNS, result, context.requestId(), context.now());
        } catch (CaptureFault fault) {
            return json
                    ? CaptureAnswers.jsonError(ServiceProtocols.WireProtocol.AWS_JSON_1_0, fault.status(), fault.code(),
                    fault.getMessage(), context.requestId(), context.now())
                    : CaptureAnswers.queryError(call, XMLNS, fault.status(), fault.code(), fault.getMessage(),
                    context.requestId(), context.now());
        }
    }

    private Map<String, String> sendQuery(ServiceCall call) {
        QueryParameters params = QueryParameters.of(call);
        if (call.action() == null) {
            throw new CaptureFault(400, "MissingAction", "The request is missing an action or a required parameter.");
        }
        String queue = params.first("QueueUrl");
        if (queue == null && !call.path().equals("/")) {
            queue = call.path();
        }
        return send(queue, params.first("MessageBody"));
    }

    private Map<String, String> sendJson(ServiceCall call) {
        ObjectNode request = JsonServiceCapture.parse(call.body());
        String queue = JsonServiceCapture.present(request, "QueueUrl") ? request.get("QueueUrl").asText() : null;
        if (queue == null && !call.path().equals("/")) {
            queue = call.path();
        }
        String body = JsonServiceCapture.present(request, "MessageBody") ? request.get("MessageBody").asText() : null;
        return send(queue, body);
    }

    private Map<String, String> send(String queue, String messageBody) {
        if (queue == null || queue.isEmpty()) {
            throw new CaptureFault(400, "MissingParameter", "The request must contain the parameter QueueUrl.");
        }
        if (messageBody == null || messageBody.isEmpty()) {
            throw new CaptureFault(400, "MissingParameter", "The request must contain the parameter MessageBody.");
        }
        Map<String, String> result = new LinkedHashMap<>();
        result.put("MD5OfMessageBody", md5Hex(messageBody.getBytes(StandardCharsets.UTF_8)));
        result.put("MD5OfMessageAttributes", null);
        result.put("MD5OfMessageSystemAttributes", null);
        result.put("MessageId", UUID.randomUUID().toString());
        result.put("SequenceNumber", queue.endsWith(".fifo")
                ? String.format("%020d", fifoSequence.incrementAndGet()) : null);
        return result;
    }

    static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
