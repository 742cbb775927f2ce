package dev.gwemu.integration.aws;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The exact request built for each HTTP API integration subtype, before signing. */
class SubtypeCallsTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/api";
    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";

    private static ServiceCall build(IntegrationSubtype subtype, String... parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            values.put(parameters[i], parameters[i + 1]);
        }
        return SubtypeCalls.build(subtype, values, "us-east-1", ROLE, "h77paws001", "1-5f2b-abc");
    }

    private static void assertCall(ServiceCall call, String service, String region, String action, String method,
                                   String host, String path, String query, List<String> headers, String body) {
        assertEquals(List.of(service, region, action, method, host, path, query, ROLE),
                List.of(call.service(), call.region(), call.action(), call.method(), call.host(), call.path(),
                        call.query(), call.credentials()));
        assertEquals(headers, call.headers().lines().stream().map(h -> h.name() + ": " + h.value()).toList());
        assertEquals(body, new String(call.body(), StandardCharsets.UTF_8));
    }

    private static List<String> headers(String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("User-Agent: AmazonAPIGateway_h77paws001"));
        all.addAll(List.of(more));
        all.add("X-Amzn-Trace-Id: Root=1-5f2b-abc");
        return all;
    }

    @Test
    void sqsSendMessageIsAQueryProtocolFormPostToTheQueuesPath() {
        ServiceCall call = build(IntegrationSubtype.SQS_SEND_MESSAGE, "MessageBody", "hello world", "QueueUrl", QUEUE,
                "DelaySeconds", "5", "MessageAttributes", "{\"kind\":{\"DataType\":\"String\",\"StringValue\":\"order\"}}");
        assertCall(call, "sqs", "us-east-1", "SendMessage", "POST", "sqs.us-east-1.amazonaws.com", "/123456789012/orders",
                "", headers("Content-Type: application/x-www-form-urlencoded; charset=utf-8"),
                "Action=SendMessage&Version=2012-11-05&QueueUrl=https%3A%2F%2Fsqs.us-east-1.amazonaws.com%2F123456789012%2Forders"
                        + "&MessageBody=hello+world&DelaySeconds=5&MessageAttribute.1.Name=kind"
                        + "&MessageAttribute.1.Value.DataType=String&MessageAttribute.1.Value.StringValue=order");
    }

    @Test
    void sqsReceiveDeleteAndPurgeNameTheirActionAndListsAreNumbered() {
        ServiceCall receive = build(IntegrationSubtype.SQS_RECEIVE_MESSAGE, "QueueUrl", QUEUE, "AttributeNames",
                "[\"All\",\"SentTimestamp\"]", "MaxNumberOfMessages", "3", "MessageAttributeNames", "a, b", "Region", "eu-west-1");
        assertCall(receive, "sqs", "eu-west-1", "ReceiveMessage", "POST", "sqs.eu-west-1.amazonaws.com",
                "/123456789012/orders", "", headers("Content-Type: application/x-www-form-urlencoded; charset=utf-8"),
                "Action=ReceiveMessage&Version=2012-11-05&QueueUrl=https%3A%2F%2Fsqs.us-east-1.amazonaws.com%2F123456789012%2Forders"
                        + "&AttributeName.1=All&AttributeName.2=SentTimestamp&MaxNumberOfMessages=3"
                        + "&MessageAttributeName.1=a&MessageAttributeName.2=b");
        assertEquals("Action=DeleteMessage&Version=2012-11-05&ReceiptHandle=r%2B1&QueueUrl=q",
                new String(build(IntegrationSubtype.SQS_DELETE_MESSAGE, "QueueUrl", "q", "ReceiptHandle", "r+1").body(),
                        StandardCharsets.UTF_8));
        ServiceCall purge = build(IntegrationSubtype.SQS_PURGE_QUEUE, "QueueUrl", "not a url");
        assertEquals(List.of("PurgeQueue", "/"), List.of(purge.action(), purge.path()));
    }

    @Test
    void kinesisPutRecordIsJson11WithDataBase64Encoded() {
        ServiceCall call = build(IntegrationSubtype.KINESIS_PUT_RECORD, "PartitionKey", "u7", "Data", "{\"a\":1}",
                "StreamName", "clicks", "ExplicitHashKey", "42");
        assertCall(call, "kinesis", "us-east-1", "PutRecord", "POST", "kinesis.us-east-1.amazonaws.com", "/", "",
                headers("Content-Type: application/x-amz-json-1.1", "X-Amz-Target: Kinesis_20131202.PutRecord"),
                "{\"StreamName\":\"clicks\",\"Data\":\"eyJhIjoxfQ==\",\"PartitionKey\":\"u7\",\"ExplicitHashKey\":\"42\"}");
    }

    @Test
    void stepFunctionsActionsAreJson10WithCamelCaseMembers() {
        String machine = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";
        assertCall(build(IntegrationSubtype.STEPFUNCTIONS_START_EXECUTION, "Input", "{}", "StateMachineArn", machine,
                        "Name", "run-1"), "states", "us-east-1", "StartExecution", "POST", "states.us-east-1.amazonaws.com",
                "/", "", headers("Content-Type: application/x-amz-json-1.0", "X-Amz-Target: AWSStepFunctions.StartExecution"),
                "{\"stateMachineArn\":\"" + machine + "\",\"name\":\"run-1\",\"input\":\"{}\"}");
        assertCall(build(IntegrationSubtype.STEPFUNCTIONS_START_SYNC_EXECUTION, "StateMachineArn", machine),
                "states", "us-east-1", "StartSyncExecution", "POST", "sync-states.us-east-1.amazonaws.com", "/", "",
                headers("Content-Type: application/x-amz-json-1.0", "X-Amz-Target: AWSStepFunctions.StartSyncExecution"),
                "{\"stateMachineArn\":\"" + machine + "\"}");
        assertCall(build(IntegrationSubtype.STEPFUNCTIONS_STOP_EXECUTION, "ExecutionArn", "arn:x", "Cause", "c", "Error", "E"),
                "states", "us-east-1", "StopExecution", "POST", "states.us-east-1.amazonaws.com", "/", "",
                headers("Content-Type: application/x-amz-json-1.0", "X-Amz-Target: AWSStepFunctions.StopExecution"),
                "{\"executionArn\":\"arn:x\",\"cause\":\"c\",\"error\":\"E\"}");
    }

    @Test
    void eventBridgePutEventsSendsOneEntryWithResourcesAsAListAndTimeInEpochSeconds() {
        ServiceCall call = build(IntegrationSubtype.EVENTBRIDGE_PUT_EVENTS, "Source", "shop", "DetailType", "Paid",
                "Detail", "{\"order\":1}", "Time", "2026-11-26T03:00:00Z", "Resources", "[\"arn:a\",\"arn:b\"]",
                "EventBusName", "orders");
        assertCall(call, "events", "us-east-1", "PutEvents", "POST", "events.us-east-1.amazonaws.com", "/", "",
                headers("Content-Type: application/x-amz-json-1.1", "X-Amz-Target: AWSEvents.PutEvents"),
                "{\"Entries\":[{\"Detail\":\"{\\\"order\\\":1}\",\"DetailType\":\"Paid\",\"Source\":\"shop\","
                        + "\"Time\":1795662000,\"EventBusName\":\"orders\",\"Resources\":[\"arn:a\",\"arn:b\"]}]}");
    }

    @Test
    void appConfigGetConfigurationIsARestGet() {
        assertCall(build(IntegrationSubtype.APPCONFIG_GET_CONFIGURATION, "Application", "shop", "Environment", "prod",
                        "Configuration", "flags v2", "ClientId", "c 1", "ClientConfigurationVersion", "3"),
                "appconfig", "us-east-1", "GetConfiguration", "GET", "appconfig.us-east-1.amazonaws.com",
                "/applications/shop/environments/prod/configurations/flags%20v2", "client_id=c+1&client_configuration_version=3",
                headers(), "");
    }

    @Test
    void aParameterWithoutValueIsLeftOut() {
        ServiceCall call = build(IntegrationSubtype.KINESIS_PUT_RECORD, "StreamName", "clicks");
        assertEquals("{\"StreamName\":\"clicks\"}", new String(call.body(), StandardCharsets.UTF_8));
    }
}
