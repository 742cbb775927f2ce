package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.support.MutableClock;
import dev.gwemu.support.ProjectCopy;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * testdata/httpapi-aws served for real: HTTP API routes with integrationSubtype (SQS-SendMessage, Kinesis-PutRecord,
 * StepFunctions-StartExecution, EventBridge-PutEvents, and SQS-ReceiveMessage / SQS-DeleteMessage on the captured
 * queue) called by an HTTP client, their calls captured and read back
 * from {@code /_gwemu/aws-calls}, and one forwarded to a fake SQS that checks the signature.
 */
class HttpApiSubtypesOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "AKIDGWEMUSUBTYPES1";
    private static final String SECRET = "subtypes-secret-0123456789";
    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo";

    @TempDir
    Path folder;
    private RunningGateway gateway;
    private FakeAwsService sqs;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (sqs != null) {
            sqs.close();
        }
    }

    private HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = gateway.request("127.0.0.1", path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return gateway.send(request);
    }

    private Path project() throws Exception {
        ProjectCopy.of(TestPaths.PROJECT_ROOT.resolve("testdata/httpapi-aws"), folder);
        return folder.resolve("api.yaml");
    }

    @Test
    void eachSubtypeIsCalledWithItsMappedParametersAndAnsweredAsTheServiceAnswers() throws Exception {
        gateway = RunningGateway.start(project());

        HttpResponse<String> sent = post("/orders?group=g1", "{\"message\": \"order 42\"}", "queue", QUEUE);
        assertEquals(200, sent.statusCode(), sent.body());
        assertEquals("text/xml", sent.headers().firstValue("Content-Type").orElse(""));
        assertTrue(sent.body().contains("<MD5OfMessageBody>" + md5("order 42") + "</MD5OfMessageBody>"), sent.body());

        HttpResponse<String> record = post("/clicks/user-7", "{\"page\":\"/home\"}");
        assertEquals(200, record.statusCode(), record.body());
        assertEquals("application/x-amz-json-1.1", record.headers().firstValue("Content-Type").orElse(""));
        assertEquals("shardId-000000000000", JSON.readTree(record.body()).path("ShardId").asText(), record.body());

        HttpResponse<String> started = post("/checkout", "{\"cart\": 3}");
        assertEquals(200, started.statusCode(), started.body());
        assertTrue(JSON.readTree(started.body()).path("executionArn").asText()
                .startsWith("arn:aws:states:us-east-1:123456789012:execution:orders:"), started.body());

        HttpResponse<String> put = post("/signals", "{\"kind\": \"Paid\", \"detail\": {\"order\": 42}}");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(0, JSON.readTree(put.body()).path("FailedEntryCount").asInt(-1), put.body());

        JsonNode calls = JSON.readTree(gateway.get("/_gwemu/aws-calls").body());
        JsonNode message = calls.path("sqs").get(0);
        assertEquals("SendMessage", message.path("action").asText());
        assertEquals("/123456789012/orders.fifo", message.path("path").asText());
        assertEquals("arn:aws:iam::123456789012:role/api-sqs", message.path("credentials").asText());
        assertEquals("Action=SendMessage&Version=2012-11-05&QueueUrl=" + encoded(QUEUE)
                + "&MessageBody=order+42&MessageGroupId=g1", message.path("body").asText());

        JsonNode kinesis = JSON.readTree(calls.path("kinesis").get(0).path("body").asText());
        assertEquals("clicks", kinesis.path("StreamName").asText());
        assertEquals("user-7", kinesis.path("PartitionKey").asText());
        assertEquals("{\"page\":\"/home\"}", new String(Base64.getDecoder().decode(kinesis.path("Data").asText()),
                StandardCharsets.UTF_8));

        JsonNode execution = JSON.readTree(calls.path("states").get(0).path("body").asText());
        assertEquals("arn:aws:states:us-east-1:123456789012:stateMachine:orders", execution.path("stateMachineArn").asText());
        assertEquals("{\"cart\": 3}", execution.path("input").asText());
        assertTrue(execution.path("name").asText().length() > 10, "the name is the request id: " + execution);

        JsonNode entry = JSON.readTree(calls.path("events").get(0).path("body").asText()).path("Entries").get(0);
        assertEquals("shop.api", entry.path("Source").asText());
        assertEquals("Paid", entry.path("DetailType").asText());
        assertEquals("{\"order\":42}", entry.path("Detail").asText());
        assertEquals(List.of("arn:aws:s3:::a", "arn:aws:s3:::b"),
                List.of(entry.path("Resources").get(0).asText(), entry.path("Resources").get(1).asText()));
    }

    @Test
    void aMissingRequiredValueReachesTheServiceWhichRefusesIt() throws Exception {
        gateway = RunningGateway.start(project());

        HttpResponse<String> refused = post("/clicks/user-7", "");

        assertEquals(400, refused.statusCode(), refused.body());
        JsonNode error = JSON.readTree(refused.body());
        assertEquals("ValidationException", error.path("__type").asText(), refused.body());
        assertEquals("1 validation error detected: Value null at 'data' failed to satisfy constraint: Member must not be null",
                error.path("message").asText());
        JsonNode sent = JSON.readTree(JSON.readTree(gateway.get("/_gwemu/aws-calls").body()).path("kinesis").get(0)
                .path("body").asText());
        assertTrue(sent.has("PartitionKey") && !sent.has("Data"), "the parameter without a value is left out: " + sent);
    }

    @Test
    void aForwardedSubtypeArrivesSignedAsTheQueryProtocolCall() throws Exception {
        sqs = FakeAwsService.start(Map.of(KEY, SECRET));
        String xml = "<SendMessageResponse><SendMessageResult><MessageId>m-1</MessageId></SendMessageResult>"
                + "</SendMessageResponse>";
        sqs.answer(r -> new FakeAwsService.Answer(200, List.<String[]>of(new String[]{"Content-Type", "text/xml"}),
                xml.getBytes(StandardCharsets.UTF_8), 0));
        Path api = project();
        Files.writeString(api, Files.readString(api) + "awsServices:\n  sqs: {mode: forward, endpoint: " + sqs.url()
                + ", accessKeyId: " + KEY + ", secretAccessKey: " + SECRET + "}\n");
        gateway = RunningGateway.start(api);

        HttpResponse<String> sent = post("/orders", "{\"message\": \"hi\"}", "queue", QUEUE);

        assertEquals(200, sent.statusCode(), sent.body());
        assertEquals(xml, sent.body());
        assertEquals("text/xml", sent.headers().firstValue("Content-Type").orElse(""));
        FakeAwsService.Received call = sqs.last();
        assertTrue(call.signatureValid(), "the signature checks out");
        assertEquals("sqs", call.signingService());
        assertEquals("us-east-1", call.signingRegion());
        assertEquals("POST", call.method());
        assertEquals("/123456789012/orders.fifo", call.rawPath());
        assertEquals("application/x-www-form-urlencoded; charset=utf-8", call.first("Content-Type"));
        assertEquals("AmazonAPIGateway_h77paws001", call.first("User-Agent"));
        assertTrue(call.first("X-Amzn-Trace-Id").startsWith("Root=1-"), call.first("X-Amzn-Trace-Id"));
        assertEquals("Action=SendMessage&Version=2012-11-05&QueueUrl=" + encoded(QUEUE) + "&MessageBody=hi",
                new String(call.body(), StandardCharsets.UTF_8));
        assertEquals("{}", gateway.get("/_gwemu/aws-calls").body(), "a forwarded call is not captured");
    }

    @Test
    void aCapturedQueueIsSentToReceivedFromAndDeletedFromThroughTheRoutes() throws Exception {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-05-06T07:08:09Z"));
        gateway = RunningGateway.start(project(), clock);
        String queue = "https://sqs.us-east-1.amazonaws.com/123456789012/work";

        assertEquals(200, post("/orders", "{\"message\": \"first\"}", "queue", queue).statusCode());
        assertEquals(200, post("/orders", "{\"message\": \"second\"}", "queue", queue).statusCode());

        HttpResponse<String> received = gateway.send(gateway.request("127.0.0.1", "/orders/next").header("queue", queue));
        assertEquals(200, received.statusCode(), received.body());
        assertEquals("text/xml", received.headers().firstValue("Content-Type").orElse(""));
        List<Element> messages = messages(received.body());
        assertEquals(List.of("first", "second"), messages.stream().map(m -> text(m, "Body")).toList(), received.body());
        assertEquals(md5("first"), text(messages.get(0), "MD5OfBody"));

        HttpResponse<String> deleted = post("/orders/done", "{\"handle\": \"" + text(messages.get(0), "ReceiptHandle") + "\"}",
                "queue", queue);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertTrue(deleted.body().contains("<DeleteMessageResponse"), deleted.body());

        assertEquals(List.of(), messages(gateway.send(gateway.request("127.0.0.1", "/orders/next").header("queue", queue))
                .body()), "both are in flight");
        clock.advance(java.time.Duration.ofSeconds(31));
        List<Element> again = messages(gateway.send(gateway.request("127.0.0.1", "/orders/next?visibility=0")
                .header("queue", queue)).body());
        assertEquals(List.of("second"), again.stream().map(m -> text(m, "Body")).toList(), "the first was deleted");
        assertTrue(again.get(0).getElementsByTagName("Attribute").getLength() >= 4, "AttributeNames: All");
        assertTrue(java.util.stream.IntStream.range(0, again.get(0).getElementsByTagName("Attribute").getLength())
                .mapToObj(i -> (Element) again.get(0).getElementsByTagName("Attribute").item(i))
                .anyMatch(a -> text(a, "Name").equals("ApproximateReceiveCount") && text(a, "Value").equals("2")));

        HttpResponse<String> stale = post("/orders/done", "{\"handle\": \"" + text(messages.get(0), "ReceiptHandle") + "\"}",
                "queue", queue);
        assertEquals(400, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains("<Code>ReceiptHandleIsInvalid</Code>"), stale.body());

        JsonNode calls = JSON.readTree(gateway.get("/_gwemu/aws-calls/sqs").body());
        assertEquals(List.of("SendMessage", "SendMessage", "ReceiveMessage", "DeleteMessage", "ReceiveMessage",
                "ReceiveMessage", "DeleteMessage"), java.util.stream.StreamSupport.stream(calls.spliterator(), false)
                .map(c -> c.path("action").asText()).toList());
    }

    private static List<Element> messages(String xml) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        org.w3c.dom.NodeList list = factory.newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("Message");
        List<Element> messages = new java.util.ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            messages.add((Element) list.item(i));
        }
        return messages;
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String md5(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
