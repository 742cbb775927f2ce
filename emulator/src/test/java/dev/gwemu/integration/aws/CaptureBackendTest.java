package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.pipeline.GatewayException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Capture answers each captured action as the service shapes its answer (parsed with Jackson / the JDK's XML
 * parser), refuses what the service refuses in the service's error shape, logs every call, and fails any other
 * action with a 500 that names it.
 */
class CaptureBackendTest {
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");
    static final String ACCOUNT = "123456789012";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;
    CaptureBackend backend;

    @BeforeEach
    void start() {
        backend = new CaptureBackend(stateDir, Clock.fixed(NOW, ZoneOffset.UTC), ACCOUNT, "us-east-1");
    }

    static ServiceCall action(String service, String action, String jsonBody, Map<String, String> mapped) {
        return ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:" + service + ":action/" + action))
                .method("POST", "POST").clientContentType("application/json").headers(mapped)
                .body(jsonBody.getBytes(StandardCharsets.UTF_8)).gateway("api123", "1-abc").build();
    }

    static JsonNode json(ServiceAnswer answer) throws Exception {
        return JSON.readTree(answer.body());
    }

    static Element xml(ServiceAnswer answer) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.body()));
        return doc.getDocumentElement();
    }

    static String text(Element root, String tag) {
        return root.getElementsByTagNameNS("*", tag).item(0).getTextContent();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    // ------------------------------------------------------------------------------------------------ Kinesis

    @Test
    void kinesisPutRecordAnswersASequenceNumberAndTheShard() throws Exception {
        String body = "{\"StreamName\":\"orders\",\"Data\":\"eyJhIjoxfQ==\",\"PartitionKey\":\"k\"}";
        ServiceAnswer first = backend.send(action("kinesis", "PutRecord", body, Map.of()), 29000);
        ServiceAnswer second = backend.send(action("kinesis", "PutRecord", body, Map.of()), 29000);

        assertEquals(200, first.status());
        assertEquals(List.of("application/x-amz-json-1.1"), first.headers().get("content-type"));
        assertTrue(first.headers().containsKey("x-amzn-RequestId"));
        assertEquals(Integer.toString(first.body().length), first.headers().get("Content-Length").get(0));
        JsonNode a = json(first);
        assertEquals(List.of("SequenceNumber", "ShardId"), fieldNames(a));
        assertEquals("shardId-000000000000", a.get("ShardId").asText());
        assertTrue(a.get("SequenceNumber").asText().matches("\\d{56}"), a.toString());
        BigInteger s1 = new BigInteger(a.get("SequenceNumber").asText());
        BigInteger s2 = new BigInteger(json(second).get("SequenceNumber").asText());
        assertTrue(s2.compareTo(s1) > 0, "sequence numbers increase");
    }

    @Test
    void kinesisSequenceNumbersKeepIncreasingAfterARestart() throws Exception {
        String body = "{\"StreamName\":\"s\",\"Data\":\"AA==\",\"PartitionKey\":\"k\"}";
        BigInteger before = new BigInteger(json(backend.send(action("kinesis", "PutRecord", body, Map.of()), 1))
                .get("SequenceNumber").asText());
        CaptureBackend later = new CaptureBackend(stateDir, Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC), ACCOUNT, "us-east-1");
        BigInteger after = new BigInteger(json(later.send(action("kinesis", "PutRecord", body, Map.of()), 1))
                .get("SequenceNumber").asText());
        assertTrue(after.compareTo(before) > 0);
    }

    @Test
    void kinesisPutRecordsAnswersEveryRecord() throws Exception {
        String body = "{\"StreamName\":\"s\",\"Records\":[{\"Data\":\"AA==\",\"PartitionKey\":\"a\"},"
                + "{\"Data\":\"AQ==\",\"PartitionKey\":\"b\"},{\"Data\":\"Ag==\",\"PartitionKey\":\"c\"}]}";
        JsonNode answer = json(backend.send(action("kinesis", "PutRecords", body, Map.of()), 1));

        assertEquals(0, answer.get("FailedRecordCount").asInt());
        assertEquals(3, answer.get("Records").size());
        BigInteger last = BigInteger.ZERO;
        for (JsonNode record : answer.get("Records")) {
            assertEquals("shardId-000000000000", record.get("ShardId").asText());
            BigInteger n = new BigInteger(record.get("SequenceNumber").asText());
            assertTrue(n.compareTo(last) > 0);
            last = n;
        }
    }

    @Test
    void kinesisRefusesAMissingStreamAsAValidationException() throws Exception {
        ServiceAnswer answer = backend.send(action("kinesis", "PutRecord", "{\"Data\":\"AA==\",\"PartitionKey\":\"k\"}",
                Map.of()), 1);
        assertEquals(400, answer.status());
        assertEquals(List.of("ValidationException"), answer.headers().get("x-amzn-ErrorType"));
        JsonNode body = json(answer);
        assertEquals("ValidationException", body.get("__type").asText());
        assertEquals("1 validation error detected: Value null at 'streamName' failed to satisfy constraint: "
                + "Member must not be null", body.get("message").asText());

        JsonNode two = json(backend.send(action("kinesis", "PutRecord", "{\"StreamName\":\"s\"}", Map.of()), 1));
        assertTrue(two.get("message").asText().startsWith("2 validation errors detected: Value null at 'data'"), two.toString());
    }

    @Test
    void aBodyThatIsNotJsonIsASerializationException() throws Exception {
        ServiceAnswer answer = backend.send(action("kinesis", "PutRecord", "StreamName=s", Map.of()), 1);
        assertEquals(400, answer.status());
        assertEquals("SerializationException", json(answer).get("__type").asText());
    }

    @Test
    void concurrentCallsGetDistinctSequenceNumbersAndAreAllLogged() throws Exception {
        String body = "{\"StreamName\":\"s\",\"Data\":\"AA==\",\"PartitionKey\":\"k\"}";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.Set<String> sequences = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        sequences.add(json(backend.send(action("kinesis", "PutRecord", body, Map.of()), 1))
                                .get("SequenceNumber").asText());
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(400, sequences.size());
        assertEquals(400, backend.calls().read("kinesis").size());
    }

    // ------------------------------------------------------------------------------------------------ Firehose

    @Test
    void firehosePutRecordAnswersARecordId() throws Exception {
        JsonNode answer = json(backend.send(action("firehose", "PutRecord",
                "{\"DeliveryStreamName\":\"d\",\"Record\":{\"Data\":\"AA==\"}}", Map.of()), 1));
        assertTrue(answer.get("RecordId").asText().length() >= 32);
        assertFalse(answer.get("Encrypted").asBoolean());

        JsonNode batch = json(backend.send(action("firehose", "PutRecordBatch",
                "{\"DeliveryStreamName\":\"d\",\"Records\":[{\"Data\":\"AA==\"},{\"Data\":\"AQ==\"}]}", Map.of()), 1));
        assertEquals(0, batch.get("FailedPutCount").asInt());
        assertEquals(2, batch.get("RequestResponses").size());
        assertTrue(batch.get("RequestResponses").get(1).has("RecordId"));
    }

    // ------------------------------------------------------------------------------------------------ Step Functions

    @Test
    void startExecutionAnswersTheExecutionArnAndTheStartDate() throws Exception {
        String body = "{\"stateMachineArn\":\"arn:aws:states:eu-west-1:111122223333:stateMachine:OrderFlow\","
                + "\"input\":\"{\\\"a\\\":1}\",\"name\":\"run-1\"}";
        ServiceAnswer answer = backend.send(action("states", "StartExecution", body, Map.of()), 1);

        assertEquals(List.of("application/x-amz-json-1.0"), answer.headers().get("Content-Type"));
        JsonNode result = json(answer);
        assertEquals(List.of("executionArn", "startDate"), fieldNames(result));
        assertEquals("arn:aws:states:eu-west-1:111122223333:execution:OrderFlow:run-1", result.get("executionArn").asText());
        assertTrue(result.get("startDate").isNumber());
        assertEquals("1767323045.678", result.get("startDate").decimalValue().toPlainString());
    }

    @Test
    void startExecutionNamesAnUnnamedExecutionWithAUuidAndRefusesABadArn() throws Exception {
        JsonNode result = json(backend.send(action("states", "StartExecution",
                "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:M\"}", Map.of()), 1));
        String name = result.get("executionArn").asText().substring("arn:aws:states:us-east-1:123456789012:execution:M:".length());
        assertEquals(name, UUID.fromString(name).toString());

        ServiceAnswer bad = backend.send(action("states", "StartExecution", "{\"stateMachineArn\":\"M\"}", Map.of()), 1);
        assertEquals(400, bad.status());
        assertEquals("InvalidArn", json(bad).get("__type").asText());

        ServiceAnswer input = backend.send(action("states", "StartExecution",
                "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:M\",\"input\":\"{oops\"}",
                Map.of()), 1);
        assertEquals("InvalidExecutionInput", json(input).get("__type").asText());
    }

    // ------------------------------------------------------------------------------------------------ EventBridge

    @Test
    void putEventsAnswersAnEventIdPerEntryAndCountsTheFailedOnes() throws Exception {
        Map<String, String> mapped = Map.of("X-Amz-Target", "AWSEvents.PutEvents", "Content-Type", "application/x-amz-json-1.1");
        String ok = "{\"Source\":\"orders\",\"DetailType\":\"Created\",\"Detail\":\"{\\\"id\\\":1}\"}";
        JsonNode result = json(backend.send(action("events", "PutEvents", "{\"Entries\":[" + ok + "," + ok + "]}", mapped), 1));
        assertEquals(0, result.get("FailedEntryCount").asInt());
        assertEquals(2, result.get("Entries").size());
        UUID.fromString(result.get("Entries").get(0).get("EventId").asText());

        String noSource = "{\"DetailType\":\"Created\",\"Detail\":\"{}\"}";
        String malformed = "{\"Source\":\"s\",\"DetailType\":\"Created\",\"Detail\":\"[1]\"}";
        JsonNode mixed = json(backend.send(action("events", "PutEvents",
                "{\"Entries\":[" + ok + "," + noSource + "," + malformed + "]}", mapped), 1));
        assertEquals(2, mixed.get("FailedEntryCount").asInt());
        assertTrue(mixed.get("Entries").get(0).has("EventId"));
        assertEquals("InvalidArgument", mixed.get("Entries").get(1).get("ErrorCode").asText());
        assertEquals("MalformedDetail", mixed.get("Entries").get(2).get("ErrorCode").asText());

        ServiceAnswer tooMany = backend.send(action("events", "PutEvents",
                "{\"Entries\":[" + String.join(",", java.util.Collections.nCopies(11, ok)) + "]}", mapped), 1);
        assertEquals(400, tooMany.status());
    }

    // ------------------------------------------------------------------------------------------------ SQS

    private ServiceCall sqsForm(String form, Map<String, String> extraMapped) {
        Map<String, String> mapped = new java.util.LinkedHashMap<>(extraMapped);
        mapped.put("Content-Type", "application/x-www-form-urlencoded");
        return ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders"))
                .method("POST", "POST").clientContentType("application/json").headers(mapped)
                .body(form.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void sqsSendMessageAnswersJsonForApiGatewaysDefaultAccept() throws Exception {
        ServiceAnswer answer = backend.send(sqsForm("Action=SendMessage&MessageBody=hello+world", Map.of()), 1);

        assertEquals(200, answer.status());
        assertEquals("application/json", answer.headers().get("Content-Type").get(0));
        JsonNode response = json(answer).get("SendMessageResponse");
        JsonNode result = response.get("SendMessageResult");
        assertEquals("5eb63bbbe01eeed093cb22bb8f5acdc3", result.get("MD5OfMessageBody").asText(), "MD5 of 'hello world'");
        UUID.fromString(result.get("MessageId").asText());
        assertTrue(result.get("MD5OfMessageAttributes").isNull(), "AWS renders absent members as null");
        assertTrue(result.get("SequenceNumber").isNull());
        UUID.fromString(response.get("ResponseMetadata").get("RequestId").asText());
    }

    @Test
    void sqsSendMessageAnswersXmlWhenTheIntegrationAcceptsXml() throws Exception {
        ServiceAnswer answer = backend.send(sqsForm("Action=SendMessage&MessageBody=%3Cxml%3EHello%3C%2Fxml%3E",
                Map.of("Accept", "application/xml")), 1);

        assertEquals("text/xml", answer.headers().get("Content-Type").get(0));
        Element root = xml(answer);
        assertEquals("SendMessageResponse", root.getLocalName());
        assertEquals("http://queue.amazonaws.com/doc/2012-11-05/", root.getNamespaceURI());
        assertEquals(SqsCapture.md5Hex("<xml>Hello</xml>".getBytes(StandardCharsets.UTF_8)), text(root, "MD5OfMessageBody"));
        UUID.fromString(text(root, "MessageId"));
        UUID.fromString(text(root, "RequestId"));
        assertEquals(0, root.getElementsByTagNameNS("*", "SequenceNumber").getLength(), "null members are left out");
    }

    @Test
    void sqsActionUriTakesTheQueueAndMessageFromTheQuery() throws Exception {
        ServiceCall call = ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sqs:action/SendMessage"))
                .method("POST", "POST")
                .query(Map.of("QueueUrl", List.of("https://sqs.us-east-1.amazonaws.com/123456789012/q.fifo"),
                        "MessageBody", List.of("a b&c"), "MessageGroupId", List.of("g")))
                .build();
        JsonNode result = json(backend.send(call, 1)).get("SendMessageResponse").get("SendMessageResult");
        assertEquals(SqsCapture.md5Hex("a b&c".getBytes(StandardCharsets.UTF_8)), result.get("MD5OfMessageBody").asText());
        assertTrue(result.get("SequenceNumber").asText().matches("\\d{20}"), "a FIFO queue numbers its messages");
    }

    @Test
    void sqsJsonProtocolAnswersTheJsonShape() throws Exception {
        ServiceCall call = ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sqs:path/123456789012/q"))
                .method("POST", "POST")
                .headers(Map.of("X-Amz-Target", "AmazonSQS.SendMessage", "Content-Type", "application/x-amz-json-1.0"))
                .body("{\"QueueUrl\":\"https://sqs.us-east-1.amazonaws.com/123456789012/q\",\"MessageBody\":\"hi\"}"
                        .getBytes(StandardCharsets.UTF_8)).build();
        ServiceAnswer answer = backend.send(call, 1);
        assertEquals("application/x-amz-json-1.0", answer.headers().get("Content-Type").get(0));
        JsonNode result = json(answer);
        assertEquals(List.of("MD5OfMessageBody", "MessageId"), fieldNames(result));
        assertEquals("49f68a5c8493ec2c0bf489821c21fc3b", result.get("MD5OfMessageBody").asText(), "MD5 of 'hi'");
    }

    @Test
    void sqsRefusesAMissingBodyAndAMissingAction() throws Exception {
        ServiceAnswer noBody = backend.send(sqsForm("Action=SendMessage", Map.of()), 1);
        assertEquals(400, noBody.status());
        JsonNode error = json(noBody).get("Error");
        assertEquals("MissingParameter", error.get("Code").asText());
        assertEquals("Sender", error.get("Type").asText());

        Element xmlError = xml(backend.send(sqsForm("Action=SendMessage", Map.of("Accept", "text/xml")), 1));
        assertEquals("ErrorResponse", xmlError.getLocalName());
        assertEquals("MissingParameter", text(xmlError, "Code"));

        // The form body is not read without the form content type: SQS sees no action.
        ServiceCall unformed = ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sqs:path/123456789012/q"))
                .method("POST", "POST").clientContentType("application/json")
                .body("Action=SendMessage&MessageBody=x".getBytes(StandardCharsets.UTF_8)).build();
        ServiceAnswer missingAction = backend.send(unformed, 1);
        assertEquals(400, missingAction.status());
        assertEquals("MissingAction", json(missingAction).get("Error").get("Code").asText());
    }

    // ------------------------------------------------------------------------------------------------ SNS

    @Test
    void snsPublishAnswersAMessageIdInJsonOrXml() throws Exception {
        Map<String, List<String>> query = Map.of("TopicArn", List.of("arn:aws:sns:us-east-1:123456789012:t"),
                "Message", List.of("hello"));
        ServiceCall call = ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sns:action/Publish"))
                .method("POST", "POST").query(query).build();
        JsonNode result = json(backend.send(call, 1)).get("PublishResponse").get("PublishResult");
        UUID.fromString(result.get("MessageId").asText());

        ServiceCall xmlCall = ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sns:action/Publish"))
                .method("POST", "POST").query(query).headers(Map.of("Accept", "application/xml")).build();
        Element root = xml(backend.send(xmlCall, 1));
        assertEquals("PublishResponse", root.getLocalName());
        assertEquals("http://sns.amazonaws.com/doc/2010-03-31/", root.getNamespaceURI());
        UUID.fromString(text(root, "MessageId"));

        ServiceCall noTopic = ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sns:action/Publish"))
                .method("POST", "POST").query(Map.of("Message", List.of("x"))).build();
        ServiceAnswer refused = backend.send(noTopic, 1);
        assertEquals(400, refused.status());
        assertEquals("InvalidParameter", json(refused).get("Error").get("Code").asText());
    }

    // ------------------------------------------------------------------------------------------------ DynamoDB

    @Test
    void dynamoDbPutItemThenGetItemAndQuery() throws Exception {
        ServiceAnswer put = backend.send(action("dynamodb", "PutItem",
                "{\"TableName\":\"Orders\",\"Item\":{\"id\":{\"S\":\"o-1\"},\"total\":{\"N\":\"12.5\"}}}", Map.of()), 1);
        assertEquals(200, put.status());
        assertEquals("{}", new String(put.body(), StandardCharsets.UTF_8));
        assertEquals(List.of("application/x-amz-json-1.0"), put.headers().get("Content-Type"));
        CRC32 crc = new CRC32();
        crc.update(put.body());
        assertEquals(Long.toString(crc.getValue()), put.headers().get("x-amz-crc32").get(0));

        JsonNode got = json(backend.send(action("dynamodb", "GetItem",
                "{\"TableName\":\"Orders\",\"Key\":{\"id\":{\"S\":\"o-1\"}}}", Map.of()), 1));
        assertEquals("12.5", got.get("Item").get("total").get("N").asText());

        JsonNode none = json(backend.send(action("dynamodb", "GetItem",
                "{\"TableName\":\"Orders\",\"Key\":{\"id\":{\"S\":\"o-2\"}}}", Map.of()), 1));
        assertEquals(List.of(), fieldNames(none), "no match: no Item member");

        JsonNode query = json(backend.send(action("dynamodb", "Query", "{\"TableName\":\"Orders\","
                + "\"KeyConditionExpression\":\"id = :id\",\"ExpressionAttributeValues\":{\":id\":{\"S\":\"o-1\"}}}", Map.of()), 1));
        assertEquals(List.of("Count", "Items", "ScannedCount"), fieldNames(query));
        assertEquals(1, query.get("Count").asInt());
        assertEquals("o-1", query.get("Items").get(0).get("id").get("S").asText());
    }

    @Test
    void dynamoDbItemsSurviveARestartThroughTheLog() throws Exception {
        backend.send(action("dynamodb", "PutItem", "{\"TableName\":\"T\",\"Item\":{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}}", Map.of()), 1);
        backend.send(action("dynamodb", "PutItem", "{\"TableName\":\"T\",\"Item\":{\"pk\":{\"S\":\"b\"},\"v\":{\"N\":\"2\"}}}", Map.of()), 1);
        backend.send(action("dynamodb", "DeleteItem", "{\"TableName\":\"T\",\"Key\":{\"pk\":{\"S\":\"b\"}}}", Map.of()), 1);

        CaptureBackend restarted = new CaptureBackend(stateDir, Clock.fixed(NOW, ZoneOffset.UTC), ACCOUNT, "us-east-1");
        JsonNode a = json(restarted.send(action("dynamodb", "GetItem", "{\"TableName\":\"T\",\"Key\":{\"pk\":{\"S\":\"a\"}}}", Map.of()), 1));
        assertEquals("1", a.get("Item").get("v").get("N").asText());
        JsonNode b = json(restarted.send(action("dynamodb", "GetItem", "{\"TableName\":\"T\",\"Key\":{\"pk\":{\"S\":\"b\"}}}", Map.of()), 1));
        assertFalse(b.has("Item"), "the delete was replayed too");
    }

    @Test
    void dynamoDbParametersCaptureDoesNotEvaluateAreA500NotIgnored() {
        GatewayException e = assertThrows(GatewayException.class, () -> backend.send(action("dynamodb", "Query",
                "{\"TableName\":\"T\",\"KeyConditionExpression\":\"pk = :p\",\"FilterExpression\":\"v > :v\","
                        + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"},\":v\":{\"N\":\"1\"}}}", Map.of()), 1));
        assertEquals(500, e.status());
        assertTrue(e.detail().contains("FilterExpression"), e.detail());
        assertEquals(500, backend.calls().read("dynamodb").get(0).get("status").asInt(), "logged with its status");
    }

    @Test
    void dynamoDbRefusesAQueryWithoutACondition() throws Exception {
        ServiceAnswer answer = backend.send(action("dynamodb", "Query", "{\"TableName\":\"T\"}", Map.of()), 1);
        assertEquals(400, answer.status());
        assertEquals("ValidationException", json(answer).get("__type").asText());
    }

    // ------------------------------------------------------------------------------------------------ not captured

    @Test
    void anActionThatIsNotCapturedIsA500NamingItAndIsLogged() {
        GatewayException e = assertThrows(GatewayException.class,
                () -> backend.send(action("kinesis", "ListStreams", "{}", Map.of()), 1));
        assertEquals(500, e.status());
        assertEquals(GatewayException.INTERNAL_SERVER_ERROR_BODY, new String(e.fixedBody(), StandardCharsets.UTF_8));
        assertTrue(e.detail().contains("kinesis") && e.detail().contains("ListStreams")
                && e.detail().contains("not captured"), e.detail());
        assertTrue(e.detail().contains("PutRecord, PutRecords"), "says what is captured: " + e.detail());

        JsonNode line = backend.calls().read("kinesis").get(0);
        assertEquals("ListStreams", line.get("action").asText());
        assertEquals(500, line.get("status").asInt());

        GatewayException unknown = assertThrows(GatewayException.class,
                () -> backend.send(action("ses", "SendEmail", "{}", Map.of()), 1));
        assertTrue(unknown.detail().contains("ses"), unknown.detail());
    }

    @Test
    void capturesSaysWhatIsCaptured() {
        assertTrue(CaptureBackend.captures("kinesis", "PutRecord"));
        assertTrue(CaptureBackend.captures("s3", "GetObject"));
        assertFalse(CaptureBackend.captures("kinesis", "ListStreams"));
        assertFalse(CaptureBackend.captures("ses", "SendEmail"));
        assertFalse(CaptureBackend.captures("sqs", null));
        assertEquals(List.of("dynamodb", "events", "firehose", "kinesis", "s3", "sns", "sqs", "states"),
                List.copyOf(CaptureBackend.captured().keySet()));
    }

    @Test
    void everyCallIsLoggedWithItsAnswerStatus() throws Exception {
        backend.send(action("kinesis", "PutRecord", "{\"StreamName\":\"s\",\"Data\":\"AA==\",\"PartitionKey\":\"k\"}", Map.of()), 1);
        backend.send(action("kinesis", "PutRecord", "{}", Map.of()), 1);

        List<JsonNode> lines = backend.calls().read("kinesis");
        assertEquals(2, lines.size());
        assertEquals(List.of(200, 400), List.of(lines.get(0).get("status").asInt(), lines.get(1).get("status").asInt()));
        assertEquals(NOW.toString(), lines.get(0).get("time").asText());
        assertEquals("Kinesis_20131202.PutRecord", lines.get(0).get("headers").get("X-Amz-Target").get(0).asText());
        assertEquals("{\"StreamName\":\"s\",\"Data\":\"AA==\",\"PartitionKey\":\"k\"}", lines.get(0).get("body").asText());
        assertNull(lines.get(0).get("bodyBase64"));
    }
}
