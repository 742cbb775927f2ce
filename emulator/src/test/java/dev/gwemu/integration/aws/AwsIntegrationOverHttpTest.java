package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.support.ProjectCopy;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * sample-apis/ingest served for real: a client posts to API Gateway, which writes to Kinesis (PutRecord through the
 * tutorial's mapping template) and SQS (SendMessage as a form body) — captured, and forwarded to a fake service that
 * checks the signature and records the exact request.
 */
class AwsIntegrationOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "AKIDGWEMUFORWARD01";
    private static final String SECRET = "forward-secret-0123456789";

    @TempDir
    Path folder;
    private RunningGateway gateway;
    private FakeAwsService kinesis;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (kinesis != null) {
            kinesis.close();
        }
    }

    private HttpResponse<String> post(String path, String body) {
        return gateway.send(gateway.request("127.0.0.1", path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void capturedKinesisAndSqsCallsAreAnsweredAsTheServicesWouldAndReadable() throws Exception {
        ProjectCopy.of(TestPaths.PROJECT_ROOT.resolve("sample-apis/ingest"), folder);
        gateway = RunningGateway.start(folder.resolve("api.yaml"));

        HttpResponse<String> record = post("/dev/streams/clicks/record", "{\"Data\": {\"page\": \"/home\"}, \"PartitionKey\": \"user-7\"}");
        assertEquals(200, record.statusCode(), record.body());
        JsonNode placed = JSON.readTree(record.body());
        assertEquals("shardId-000000000000", placed.path("shardId").asText());
        assertTrue(placed.path("sequenceNumber").asText().matches("\\d{20,}"), record.body());

        HttpResponse<String> message = post("/dev/messages", "{\"order\": 42}");
        assertEquals(202, message.statusCode(), message.body());
        assertTrue(JSON.readTree(message.body()).path("messageId").asText().matches("[0-9a-f-]{36}"), message.body());

        JsonNode calls = JSON.readTree(gateway.get("/_gwemu/aws-calls").body());
        JsonNode put = calls.path("kinesis").get(0);
        assertEquals("PutRecord", put.path("action").asText());
        JsonNode sent = JSON.readTree(put.path("body").asText());
        assertEquals("clicks", sent.path("StreamName").asText());
        assertEquals("user-7", sent.path("PartitionKey").asText());
        assertEquals("{\"page\":\"/home\"}", new String(Base64.getDecoder().decode(sent.path("Data").asText()), StandardCharsets.UTF_8));
        JsonNode send = calls.path("sqs").get(0);
        assertEquals("SendMessage", send.path("action").asText());
        assertEquals("/123456789012/orders", send.path("path").asText());
        assertEquals("Action=SendMessage&MessageBody=%7B%22order%22%3A+42%7D", send.path("body").asText());
        assertTrue(Files.readString(folder.resolve(".gwemu/aws-calls/kinesis.jsonl")).contains("\"PutRecord\""));

        assertEquals(204, gateway.send(gateway.request("127.0.0.1", "/_gwemu/aws-calls").DELETE()).statusCode());
        assertEquals("{}", gateway.get("/_gwemu/aws-calls").body());
    }

    @Test
    void kinesisRefusingTheRecordSelectsThe400Response() throws Exception {
        ProjectCopy.of(TestPaths.PROJECT_ROOT.resolve("sample-apis/ingest"), folder);
        gateway = RunningGateway.start(folder.resolve("api.yaml"));

        HttpResponse<String> refused = post("/dev/streams/clicks/record", "{\"Data\": {\"page\": \"/home\"}}");

        assertEquals(400, refused.statusCode(), refused.body());
        JsonNode error = JSON.readTree(refused.body());
        assertEquals("ValidationException", error.path("error").asText(), refused.body());
        assertEquals("1 validation error detected: Value '' at 'partitionKey' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1", error.path("message").asText());
    }

    @Test
    void forwardedCallsArriveSignedAndExactlyAsApiGatewaySendsThem() throws Exception {
        kinesis = FakeAwsService.start(Map.of(KEY, SECRET));
        kinesis.answer(r -> FakeAwsService.Answer.json(200,
                "{\"SequenceNumber\":\"49590338271490256608559692538361571095921575989136588898\",\"ShardId\":\"shardId-000000000003\"}"));
        ProjectCopy.of(TestPaths.PROJECT_ROOT.resolve("sample-apis/ingest"), folder);
        Path api = folder.resolve("api.yaml");
        Files.writeString(api, Files.readString(api) + "awsServices:\n  kinesis: {mode: forward, endpoint: " + kinesis.url()
                + ", accessKeyId: " + KEY + ", secretAccessKey: " + SECRET + "}\n");
        gateway = RunningGateway.start(api);

        HttpResponse<String> record = post("/dev/streams/clicks/record", "{\"Data\": \"hello\", \"PartitionKey\": \"p\"}");

        assertEquals(200, record.statusCode(), record.body());
        assertEquals("{\"sequenceNumber\": \"49590338271490256608559692538361571095921575989136588898\", "
                + "\"shardId\": \"shardId-000000000003\"}", record.body());
        FakeAwsService.Received call = kinesis.last();
        assertTrue(call.signatureValid(), "the signature checks out");
        assertEquals("kinesis", call.signingService());
        assertEquals("us-east-1", call.signingRegion());
        assertEquals("POST", call.method());
        assertEquals("/", call.rawPath());
        assertEquals("Action=PutRecord", call.rawQuery());
        assertEquals("Kinesis_20131202.PutRecord", call.first("X-Amz-Target"));
        assertEquals("application/x-amz-json-1.1", call.first("Content-Type"));
        assertEquals("application/json", call.first("Accept"));
        assertTrue(call.first("User-Agent").startsWith("AmazonAPIGateway_"), call.first("User-Agent"));
        JsonNode body = JSON.readTree(call.body());
        assertEquals("clicks", body.path("StreamName").asText());
        assertEquals("\"hello\"", new String(Base64.getDecoder().decode(body.path("Data").asText()), StandardCharsets.UTF_8));
        assertEquals(List.of(), JSON.readTree(gateway.get("/_gwemu/aws-calls").body()).findValues("kinesis"),
                "a forwarded call is not captured");
    }
}
