package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Captured SQS as a local queue, through {@link CaptureBackend} on a clock the test moves: send, receive (hidden for
 * the visibility timeout, then back with a higher ApproximateReceiveCount), delete, purge, refused receipt handles,
 * the queue rebuilt from the log after a restart, and the answers' shapes in XML, the query protocol's JSON and AWS
 * JSON 1.0.
 */
class SqsQueueCaptureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-03-04T05:06:07.089Z");
    private static final String ORDERS = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";

    @TempDir
    Path stateDir;
    MutableClock clock;
    CaptureBackend backend;

    @BeforeEach
    void start() {
        clock = new MutableClock(START);
        backend = new CaptureBackend(stateDir, clock, CaptureBackendTest.ACCOUNT, "us-east-1");
    }

    /** A path-style query-protocol call ({@code path/123456789012/orders}) with a form body, as REST integrations send. */
    private ServiceAnswer query(String form, String accept) {
        Map<String, String> mapped = new LinkedHashMap<>();
        mapped.put("Content-Type", "application/x-www-form-urlencoded");
        if (accept != null) {
            mapped.put("Accept", accept);
        }
        return backend.send(ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders"))
                .method("POST", "POST").clientContentType("application/json").headers(mapped)
                .body(form.getBytes(StandardCharsets.UTF_8)).build(), 1);
    }

    private JsonNode queryJson(String form) throws Exception {
        ServiceAnswer answer = query(form, null);
        assertEquals(200, answer.status(), new String(answer.body(), StandardCharsets.UTF_8));
        return JSON.readTree(answer.body());
    }

    private ServiceAnswer jsonProtocol(String action, String body) {
        return backend.send(ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders"))
                .method("POST", "POST")
                .headers(Map.of("X-Amz-Target", "AmazonSQS." + action, "Content-Type", "application/x-amz-json-1.0"))
                .body(body.getBytes(StandardCharsets.UTF_8)).build(), 1);
    }

    private String send(String body) throws Exception {
        return queryJson("Action=SendMessage&MessageBody=" + URLEncoder.encode(body, StandardCharsets.UTF_8))
                .path("SendMessageResponse").path("SendMessageResult").path("MessageId").asText();
    }

    /** The received messages of a query-protocol JSON answer ([] for {@code "messages": null}). */
    private List<JsonNode> receive(String extra) throws Exception {
        JsonNode messages = queryJson("Action=ReceiveMessage" + extra)
                .path("ReceiveMessageResponse").path("ReceiveMessageResult").get("messages");
        assertTrue(messages != null, "the result has a messages member");
        List<JsonNode> list = new ArrayList<>();
        messages.forEach(list::add);
        return list;
    }

    private static String handleForm(String handle) {
        return "&ReceiptHandle=" + URLEncoder.encode(handle, StandardCharsets.UTF_8);
    }

    @Test
    void aReceivedMessageIsHiddenForItsVisibilityTimeoutThenBackUntilDeleted() throws Exception {
        String id = send("order 42");

        List<JsonNode> first = receive("&AttributeName.1=All");
        assertEquals(1, first.size());
        JsonNode message = first.get(0);
        assertEquals(id, message.path("MessageId").asText());
        assertEquals("order 42", message.path("Body").asText());
        assertEquals(SqsCapture.md5Hex("order 42".getBytes(StandardCharsets.UTF_8)), message.path("MD5OfBody").asText());
        assertEquals("1", message.path("Attributes").path("ApproximateReceiveCount").asText());
        assertEquals(Long.toString(START.toEpochMilli()), message.path("Attributes").path("SentTimestamp").asText());
        assertEquals(Long.toString(START.toEpochMilli()),
                message.path("Attributes").path("ApproximateFirstReceiveTimestamp").asText());
        assertEquals(CaptureBackendTest.ACCOUNT, message.path("Attributes").path("SenderId").asText());
        assertTrue(message.path("MessageAttributes").isNull() && message.path("MD5OfMessageAttributes").isNull());

        assertEquals(List.of(), receive(""), "in flight: hidden");
        clock.advance(Duration.ofSeconds(29));
        assertEquals(List.of(), receive(""), "the default visibility timeout is 30 s");
        clock.advance(Duration.ofSeconds(2));
        List<JsonNode> again = receive("&AttributeName.1=ApproximateReceiveCount");
        assertEquals(1, again.size(), "visible again after the timeout");
        assertEquals(id, again.get(0).path("MessageId").asText());
        assertEquals("2", again.get(0).path("Attributes").path("ApproximateReceiveCount").asText());
        assertEquals(1, again.get(0).path("Attributes").size(), "only the attribute asked for");
        String handle = again.get(0).path("ReceiptHandle").asText();
        assertNotEquals(message.path("ReceiptHandle").asText(), handle, "each receive gets a fresh handle");

        JsonNode deleted = queryJson("Action=DeleteMessage" + handleForm(handle));
        assertEquals(List.of("DeleteMessageResponse"), CaptureBackendTest.fieldNames(deleted));
        assertTrue(deleted.path("DeleteMessageResponse").path("ResponseMetadata").path("RequestId").asText().length() > 10);

        clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), receive(""), "deleted for good");
        ServiceAnswer twice = query("Action=DeleteMessage" + handleForm(handle), null);
        assertEquals(400, twice.status(), "the message is gone: its handle names nothing");
    }

    @Test
    void receiveTakesUpToMaxNumberOfMessagesOldestFirstAndHonoursVisibilityTimeout() throws Exception {
        send("a");
        send("b");
        send("c");

        List<JsonNode> two = receive("&MaxNumberOfMessages=2&VisibilityTimeout=5");
        assertEquals(List.of("a", "b"), two.stream().map(m -> m.path("Body").asText()).toList());
        assertTrue(two.get(0).path("Attributes").isNull(), "no attributes asked for");
        assertEquals(List.of("c"), receive("&MaxNumberOfMessages=10").stream().map(m -> m.path("Body").asText()).toList());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(List.of("a", "b"), receive("&MaxNumberOfMessages=10&WaitTimeSeconds=20").stream()
                .map(m -> m.path("Body").asText()).toList(), "a 5 s timeout is over after 5 s; c is hidden for 30 s");

        ServiceAnswer tooMany = query("Action=ReceiveMessage&MaxNumberOfMessages=11", null);
        assertEquals(400, tooMany.status());
        JsonNode error = JSON.readTree(tooMany.body()).path("Error");
        assertEquals("InvalidParameterValue", error.path("Code").asText());
        assertEquals("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.",
                error.path("Message").asText());
        assertEquals(400, query("Action=ReceiveMessage&WaitTimeSeconds=21", null).status());
    }

    @Test
    void purgeQueueEmptiesOnlyThatQueue() throws Exception {
        send("a");
        send("b");
        String other = "https://sqs.us-east-1.amazonaws.com/123456789012/other";
        queryJson("Action=SendMessage&QueueUrl=" + URLEncoder.encode(other, StandardCharsets.UTF_8) + "&MessageBody=kept");

        ServiceAnswer purged = query("Action=PurgeQueue", "application/xml");
        assertEquals(200, purged.status());
        assertEquals("text/xml", purged.headers().get("Content-Type").get(0));
        Element root = CaptureBackendTest.xml(purged);
        assertEquals("PurgeQueueResponse", root.getLocalName());
        assertEquals("http://queue.amazonaws.com/doc/2012-11-05/", root.getNamespaceURI());
        assertTrue(CaptureBackendTest.text(root, "RequestId").length() > 10);

        assertEquals(List.of(), receive("&MaxNumberOfMessages=10"));
        List<JsonNode> kept = receive("&QueueUrl=" + URLEncoder.encode(other, StandardCharsets.UTF_8));
        assertEquals("kept", kept.get(0).path("Body").asText());
    }

    @Test
    void anUnknownReceiptHandleIsSqsReceiptHandleIsInvalidInEveryShape() throws Exception {
        send("a");
        ServiceAnswer xml = query("Action=DeleteMessage&ReceiptHandle=not-a-handle", "text/xml");
        assertEquals(400, xml.status());
        Element error = CaptureBackendTest.xml(xml);
        assertEquals("ErrorResponse", error.getLocalName());
        assertEquals("Sender", CaptureBackendTest.text(error, "Type"));
        assertEquals("ReceiptHandleIsInvalid", CaptureBackendTest.text(error, "Code"));
        assertEquals("The input receipt handle \"not-a-handle\" is not a valid receipt handle.",
                CaptureBackendTest.text(error, "Message"));

        ServiceAnswer json = query("Action=DeleteMessage&ReceiptHandle=not-a-handle", null);
        assertEquals(400, json.status());
        assertEquals("ReceiptHandleIsInvalid", JSON.readTree(json.body()).path("Error").path("Code").asText());

        String handle = receive("").get(0).path("ReceiptHandle").asText();
        ServiceAnswer otherQueue = query("Action=DeleteMessage&QueueUrl="
                + URLEncoder.encode(ORDERS + "-2", StandardCharsets.UTF_8) + handleForm(handle), null);
        assertEquals(400, otherQueue.status(), "a handle of another queue");

        ServiceAnswer target = jsonProtocol("DeleteMessage", "{\"QueueUrl\":\"" + ORDERS + "\",\"ReceiptHandle\":\"x\"}");
        assertEquals(400, target.status());
        assertEquals("ReceiptHandleIsInvalid", JSON.readTree(target.body()).path("__type").asText());

        ServiceAnswer missing = query("Action=DeleteMessage", null);
        assertEquals("MissingParameter", JSON.readTree(missing.body()).path("Error").path("Code").asText());
    }

    @Test
    void receiveAnswersXmlWhenTheIntegrationAcceptsXml() throws Exception {
        String id = send("<b>&</b>");

        ServiceAnswer answer = query("Action=ReceiveMessage&AttributeName.1=SentTimestamp&AttributeName.2=ApproximateReceiveCount",
                "application/xml");
        assertEquals("text/xml", answer.headers().get("Content-Type").get(0));
        Element root = CaptureBackendTest.xml(answer);
        assertEquals("ReceiveMessageResponse", root.getLocalName());
        assertEquals("http://queue.amazonaws.com/doc/2012-11-05/", root.getNamespaceURI());
        NodeList messages = root.getElementsByTagNameNS("*", "Message");
        assertEquals(1, messages.getLength());
        Element message = (Element) messages.item(0);
        assertEquals("ReceiveMessageResult", message.getParentNode().getLocalName());
        assertEquals(id, CaptureBackendTest.text(message, "MessageId"));
        assertEquals("<b>&</b>", CaptureBackendTest.text(message, "Body"));
        assertEquals(SqsCapture.md5Hex("<b>&</b>".getBytes(StandardCharsets.UTF_8)), CaptureBackendTest.text(message, "MD5OfBody"));
        assertTrue(CaptureBackendTest.text(message, "ReceiptHandle").length() > 20);
        NodeList attributes = message.getElementsByTagNameNS("*", "Attribute");
        assertEquals(2, attributes.getLength());
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Element a = (Element) attributes.item(i);
            named.put(CaptureBackendTest.text(a, "Name"), CaptureBackendTest.text(a, "Value"));
        }
        assertEquals(Map.of("SentTimestamp", Long.toString(START.toEpochMilli()), "ApproximateReceiveCount", "1"), named);

        Element empty = CaptureBackendTest.xml(query("Action=ReceiveMessage", "application/xml"));
        assertEquals(0, empty.getElementsByTagNameNS("*", "Message").getLength());
        assertEquals(1, empty.getElementsByTagNameNS("*", "ReceiveMessageResult").getLength());

        Element deleted = CaptureBackendTest.xml(query("Action=DeleteMessage"
                + handleForm(CaptureBackendTest.text(message, "ReceiptHandle")), "application/xml"));
        assertEquals("DeleteMessageResponse", deleted.getLocalName());
        assertEquals(1, deleted.getElementsByTagNameNS("*", "RequestId").getLength());
    }

    @Test
    void theJsonProtocolAnswersMessagesAndEmptyObjects() throws Exception {
        ServiceAnswer sent = jsonProtocol("SendMessage", "{\"QueueUrl\":\"" + ORDERS + "\",\"MessageBody\":\"hi\"}");
        String id = JSON.readTree(sent.body()).path("MessageId").asText();

        ServiceAnswer received = jsonProtocol("ReceiveMessage", "{\"QueueUrl\":\"" + ORDERS
                + "\",\"AttributeNames\":[\"ApproximateReceiveCount\"],\"MaxNumberOfMessages\":10}");
        assertEquals(200, received.status());
        assertEquals("application/x-amz-json-1.0", received.headers().get("Content-Type").get(0));
        JsonNode body = JSON.readTree(received.body());
        assertEquals(List.of("Messages"), CaptureBackendTest.fieldNames(body));
        JsonNode message = body.path("Messages").get(0);
        assertEquals(List.of("MessageId", "ReceiptHandle", "MD5OfBody", "Body", "Attributes"),
                CaptureBackendTest.fieldNames(message));
        assertEquals(id, message.path("MessageId").asText());
        assertEquals("1", message.path("Attributes").path("ApproximateReceiveCount").asText());

        assertEquals("{}", new String(jsonProtocol("ReceiveMessage", "{\"QueueUrl\":\"" + ORDERS + "\"}").body(),
                StandardCharsets.UTF_8), "nothing visible");
        ServiceAnswer deleted = jsonProtocol("DeleteMessage", "{\"QueueUrl\":\"" + ORDERS + "\",\"ReceiptHandle\":\""
                + message.path("ReceiptHandle").asText() + "\"}");
        assertEquals(200, deleted.status());
        assertEquals("{}", new String(deleted.body(), StandardCharsets.UTF_8));
        assertEquals("{}", new String(jsonProtocol("PurgeQueue", "{\"QueueUrl\":\"" + ORDERS + "\"}").body(),
                StandardCharsets.UTF_8));
    }

    @Test
    void theQueuesAreRebuiltFromTheLogAtStartWithEveryUndeletedMessageVisible() throws Exception {
        String a = send("a");
        clock.advance(Duration.ofMillis(1));
        String b = send("b");
        send("c");
        String aHandle = receive("").get(0).path("ReceiptHandle").asText();
        String bHandle = receive("").get(0).path("ReceiptHandle").asText();
        queryJson("Action=DeleteMessage" + handleForm(bHandle));
        queryJson("Action=PurgeQueue&QueueUrl=" + URLEncoder.encode(ORDERS + "-gone", StandardCharsets.UTF_8));
        assertEquals(400, query("Action=DeleteMessage&ReceiptHandle=junk", null).status(), "logged, and not applied");

        backend = new CaptureBackend(stateDir, clock, CaptureBackendTest.ACCOUNT, "us-east-1");

        List<JsonNode> all = receive("&MaxNumberOfMessages=10&AttributeName.1=All");
        assertEquals(List.of("a", "c"), all.stream().map(m -> m.path("Body").asText()).toList(),
                "a was in flight before the restart and is visible now; b was deleted");
        assertEquals(a, all.get(0).path("MessageId").asText(), "message ids are the same after a restart");
        assertNotEquals(b, all.get(1).path("MessageId").asText());
        assertEquals("1", all.get(0).path("Attributes").path("ApproximateReceiveCount").asText(),
                "receive counts are not persisted");
        assertEquals(Long.toString(START.toEpochMilli()), all.get(0).path("Attributes").path("SentTimestamp").asText());
        queryJson("Action=DeleteMessage" + handleForm(aHandle));

        queryJson("Action=PurgeQueue");
        CaptureBackend again = new CaptureBackend(stateDir, clock, CaptureBackendTest.ACCOUNT, "us-east-1");
        backend = again;
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), receive("&MaxNumberOfMessages=10"), "the purge is replayed too");
    }

    @Test
    void forgettingTheCapturedCallsEmptiesTheQueuesToo() throws Exception {
        send("first");
        backend.forget();

        assertEquals(List.of(), receive(""), "forgotten calls leave no messages behind");
        assertEquals(List.of(), backend.calls().read("sqs").stream().filter(l -> l.path("action").asText().equals("SendMessage")).toList());
        send("second");
        assertEquals("second", receive("").get(0).path("Body").asText());
    }

    @Test
    void aQueueIsTheSameWhetherNamedByQueueUrlOrByThePath() throws Exception {
        String id = send("by path");
        JsonNode byUrl = queryJson("Action=ReceiveMessage&QueueUrl=" + URLEncoder.encode(ORDERS, StandardCharsets.UTF_8))
                .path("ReceiveMessageResponse").path("ReceiveMessageResult").path("messages").get(0);
        assertEquals(id, byUrl.path("MessageId").asText());
    }

    // ------------------------------------------------------------------------------------------------ FIFO

    private static final String FIFO = "https://sqs.us-east-1.amazonaws.com/123456789012/jobs.fifo";

    private ServiceAnswer fifo(String form) {
        return query(form + "&QueueUrl=" + URLEncoder.encode(FIFO, StandardCharsets.UTF_8), null);
    }

    private List<String> fifoBodies(String extra) throws Exception {
        ServiceAnswer answer = fifo("Action=ReceiveMessage&MaxNumberOfMessages=10" + extra);
        List<String> bodies = new ArrayList<>();
        JSON.readTree(answer.body()).path("ReceiveMessageResponse").path("ReceiveMessageResult").path("messages")
                .forEach(m -> bodies.add(m.path("Body").asText()));
        return bodies;
    }

    @Test
    void aFifoQueueWantsAGroupAndHoldsAGroupBackWhileOneOfItsMessagesIsInFlight() throws Exception {
        ServiceAnswer noGroup = fifo("Action=SendMessage&MessageBody=x");
        assertEquals(400, noGroup.status());
        JsonNode error = JSON.readTree(noGroup.body()).path("Error");
        assertEquals("MissingParameter", error.path("Code").asText());
        assertEquals("The request must contain the parameter MessageGroupId.", error.path("Message").asText());
        assertEquals(400, fifo("Action=SendMessage&MessageBody=x&MessageGroupId=g&DelaySeconds=5").status(),
                "no per-message delay on FIFO queues");

        for (String[] m : new String[][]{{"a1", "a"}, {"b1", "b"}, {"a2", "a"}}) {
            assertEquals(200, fifo("Action=SendMessage&MessageBody=" + m[0] + "&MessageGroupId=" + m[1]).status());
        }
        ServiceAnswer first = fifo("Action=ReceiveMessage&AttributeName.1=MessageGroupId");
        JsonNode a1 = JSON.readTree(first.body()).path("ReceiveMessageResponse").path("ReceiveMessageResult")
                .path("messages").get(0);
        assertEquals("a1", a1.path("Body").asText());
        assertEquals("a", a1.path("Attributes").path("MessageGroupId").asText());
        assertEquals(List.of("b1"), fifoBodies(""), "group a waits while a1 is in flight");
        queryJson("Action=DeleteMessage&QueueUrl=" + URLEncoder.encode(FIFO, StandardCharsets.UTF_8)
                + handleForm(a1.path("ReceiptHandle").asText()));
        assertEquals(List.of("a2"), fifoBodies(""), "a1 deleted: a2 is next; b1 is still in flight");
    }

    @Test
    void aFifoQueueDropsADuplicateWithinFiveMinutesAlsoAfterARestart() throws Exception {
        String form = "Action=SendMessage&MessageBody=once&MessageGroupId=g&MessageDeduplicationId=d-1";
        String id = JSON.readTree(fifo(form).body()).path("SendMessageResponse").path("SendMessageResult")
                .path("MessageId").asText();
        clock.advance(Duration.ofMinutes(4));
        assertEquals(id, JSON.readTree(fifo(form).body()).path("SendMessageResponse").path("SendMessageResult")
                .path("MessageId").asText(), "a duplicate answers the first message");
        fifo("Action=SendMessage&MessageBody=same&MessageGroupId=g");
        fifo("Action=SendMessage&MessageBody=same&MessageGroupId=g");

        backend = new CaptureBackend(stateDir, clock, CaptureBackendTest.ACCOUNT, "us-east-1");
        assertEquals(List.of("once", "same"), fifoBodies(""), "without an id, the body is the deduplication id");

        clock.advance(Duration.ofMinutes(2));
        fifo(form);
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of("once", "same", "once"), fifoBodies(""), "five minutes later it is a new message");
    }
}
