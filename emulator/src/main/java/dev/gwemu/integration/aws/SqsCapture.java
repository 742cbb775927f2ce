package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SQS as a local queue ({@link SqsQueues}): SendMessage, ReceiveMessage, DeleteMessage and PurgeQueue, in both
 * protocols SQS speaks [D]: the query protocol ({@code Action=SendMessage&MessageBody=...} in the query or a form
 * body, the queue as {@code QueueUrl} or the path {@code /{account}/{queue}}), answered as {@code {Action}Response} in
 * XML or, for API Gateway's default {@code Accept: application/json}, in JSON [E]; and AWS JSON 1.0
 * ({@code X-Amz-Target: AmazonSQS.SendMessage}). {@code MD5OfMessageBody} is the MD5 of the message's UTF-8 bytes [D];
 * {@code MD5OfMessageAttributes} is not computed (null) [U]. A FIFO queue ({@code .fifo}) also gets an increasing
 * {@code SequenceNumber}, message groups and deduplication.
 */
final class SqsCapture implements ServiceCapture {
    private static final String XMLNS = ServiceProtocols.of("sqs").xmlNamespace();
    /** The system attributes a receive can ask for and gwemu knows, in the order they are answered. */
    private static final List<String> ATTRIBUTES = List.of("SenderId", "SentTimestamp", "ApproximateReceiveCount",
            "ApproximateFirstReceiveTimestamp", "MessageGroupId", "MessageDeduplicationId");
    private static final int DEFAULT_VISIBILITY_SECONDS = 30;

    private final AtomicLong fifoSequence;
    private final SqsQueues queues = new SqsQueues();

    SqsCapture(long firstSequence) {
        this.fifoSequence = new AtomicLong(firstSequence);
    }

    @Override
    public boolean answersUnnamedCalls() {
        return true;
    }

    SqsQueues queues() {
        return queues;
    }

    /**
     * Applies a call of the capture log (one answered 200) to the queues: SendMessage, DeleteMessage and PurgeQueue
     * lines in log order; ReceiveMessage lines are skipped, so every message not deleted is visible after a restart.
     */
    void replay(ServiceCall call, Instant time) {
        String target = call.headers().last("X-Amz-Target");
        boolean json = isJson(target);
        String action = json ? target.substring(target.lastIndexOf('.') + 1) : call.action();
        if (action == null) {
            return;
        }
        try {
            SqsRequest request = json ? SqsRequest.json(call) : SqsRequest.query(call);
            switch (action) {
                case "SendMessage" -> send(request, time);
                case "DeleteMessage" -> delete(request);
                case "PurgeQueue" -> queues.purge(request.queue());
                default -> {
                }
            }
        } catch (CaptureFault e) {
            // a line answered 200 is well-formed; anything else changes nothing
        }
    }

    @Override
    public ServiceAnswer answer(ServiceCall call, CaptureContext context) {
        String target = call.headers().last("X-Amz-Target");
        boolean json = isJson(target);
        String action = json ? target.substring(target.lastIndexOf('.') + 1) : call.action();
        try {
            if (action == null) {
                throw new CaptureFault(400, "MissingAction", "The request is missing an action or a required parameter.");
            }
            SqsRequest request = json ? SqsRequest.json(call) : SqsRequest.query(call);
            return switch (action) {
                case "SendMessage" -> sent(call, json, request.queue(), send(request, context.now()), context);
                case "ReceiveMessage" -> receive(call, json, request, context);
                case "DeleteMessage" -> {
                    delete(request);
                    yield SqsAnswers.done(call, json, action, context.requestId(), context.now());
                }
                case "PurgeQueue" -> {
                    queues.purge(request.queue());
                    yield SqsAnswers.done(call, json, action, context.requestId(), context.now());
                }
                default -> throw new IllegalStateException("not an SQS capture action: " + action);
            };
        } catch (CaptureFault fault) {
            return json
                    ? CaptureAnswers.jsonError(ServiceProtocols.WireProtocol.AWS_JSON_1_0, fault.status(), fault.code(),
                    fault.getMessage(), context.requestId(), context.now())
                    : CaptureAnswers.queryError(call, XMLNS, fault.status(), fault.code(), fault.getMessage(),
                    context.requestId(), context.now());
        }
    }

    private static boolean isJson(String target) {
        return target != null && target.startsWith(ServiceProtocols.SQS_JSON_TARGET_PREFIX + ".");
    }

    /**
     * DelaySeconds 0 to 900 on a standard queue [D]; a FIFO queue wants a MessageGroupId [D] and takes no per-message
     * delay [D]; without a MessageDeduplicationId its messages are deduplicated by content (the SHA-256 of the body)
     * [U] — gwemu cannot see whether the queue has ContentBasedDeduplication, and refusing would break every send.
     */
    private SqsQueues.Message send(SqsRequest request, Instant now) {
        String queue = request.queue();
        String body = request.text("MessageBody");
        if (body == null || body.isEmpty()) {
            throw new CaptureFault(400, "MissingParameter", "The request must contain the parameter MessageBody.");
        }
        int delay = request.integer("DelaySeconds", 0, 0, 900);
        if (!SqsQueues.isFifo(queue)) {
            return queues.send(queue, body, null, null, Duration.ofSeconds(delay), now);
        }
        String group = request.text("MessageGroupId");
        if (group == null || group.isEmpty()) {
            throw new CaptureFault(400, "MissingParameter", "The request must contain the parameter MessageGroupId.");
        }
        if (delay != 0) {
            throw new CaptureFault(400, "InvalidParameterValue", "Value " + delay + " for parameter DelaySeconds is"
                    + " invalid. Reason: The request include parameter that is not valid for this queue type.");
        }
        String dedup = request.text("MessageDeduplicationId");
        if (dedup == null || dedup.isEmpty()) {
            dedup = sha256Hex(body);
        }
        return queues.send(queue, body, group, dedup, Duration.ZERO, now);
    }

    private ServiceAnswer sent(ServiceCall call, boolean json, String queue, SqsQueues.Message message,
                               CaptureContext context) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("MD5OfMessageBody", message.md5());
        result.put("MD5OfMessageAttributes", null);
        result.put("MD5OfMessageSystemAttributes", null);
        result.put("MessageId", message.id());
        result.put("SequenceNumber", queue.endsWith(".fifo")
                ? String.format("%020d", fifoSequence.incrementAndGet()) : null);
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
    }

    /**
     * MaxNumberOfMessages 1 to 10 (default 1), VisibilityTimeout 0 to 43200 s (default 30, the queue default
     * [D]), WaitTimeSeconds 0 to 20 checked but not waited for: the answer is immediate, empty when nothing is
     * visible (long polling is not emulated).
     */
    private ServiceAnswer receive(ServiceCall call, boolean json, SqsRequest request, CaptureContext context) {
        String queue = request.queue();
        int max = request.integer("MaxNumberOfMessages", 1, 1, 10);
        int visibility = request.integer("VisibilityTimeout", DEFAULT_VISIBILITY_SECONDS, 0, 43_200);
        request.integer("WaitTimeSeconds", 0, 0, 20);
        List<String> asked = new ArrayList<>(request.list("AttributeNames", "AttributeName"));
        asked.addAll(request.list("MessageSystemAttributeNames", "MessageSystemAttributeName"));
        List<SqsQueues.Received> received = queues.receive(queue, max, Duration.ofSeconds(visibility), context.now());
        List<Map<String, String>> attributes = new ArrayList<>();
        for (SqsQueues.Received r : received) {
            attributes.add(attributes(r, asked, context.accountId()));
        }
        return SqsAnswers.received(call, json, received, attributes, context.requestId(), context.now());
    }

    /** The asked system attributes gwemu knows ({@code All}: every one); SenderId is the account id [U]. */
    private static Map<String, String> attributes(SqsQueues.Received r, List<String> asked, String accountId) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean all = asked.contains("All");
        for (String name : ATTRIBUTES) {
            if (!all && !asked.contains(name)) {
                continue;
            }
            String value = switch (name) {
                case "SenderId" -> accountId;
                case "SentTimestamp" -> Long.toString(r.message().sent().toEpochMilli());
                case "ApproximateReceiveCount" -> Integer.toString(r.receiveCount());
                case "ApproximateFirstReceiveTimestamp" -> Long.toString(r.firstReceived().toEpochMilli());
                case "MessageGroupId" -> r.message().groupId();
                default -> r.message().deduplicationId();
            };
            if (value != null) { // the FIFO attributes of a standard queue's message
                values.put(name, value);
            }
        }
        return values;
    }

    /** @throws CaptureFault ReceiptHandleIsInvalid for a handle that names no message of the queue [E] */
    private void delete(SqsRequest request) {
        String queue = request.queue();
        String handle = request.text("ReceiptHandle");
        if (handle == null || handle.isEmpty()) {
            throw new CaptureFault(400, "MissingParameter", "The request must contain the parameter ReceiptHandle.");
        }
        if (!queues.delete(queue, handle)) {
            throw new CaptureFault(400, "ReceiptHandleIsInvalid",
                    "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
