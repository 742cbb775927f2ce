package dev.gwemu.integration.aws;

import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request API Gateway sends to an AWS service, per uri form and service protocol (README reference). */
class ServiceCallBuilderTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/apigAwsProxyRole";
    private static final byte[] JSON_BODY = "{\"StreamName\":\"s\"}".getBytes(StandardCharsets.UTF_8);

    private static ServiceCallBuilder action(String uri) {
        return ServiceCallBuilder.of(AwsServiceUri.parse(uri))
                .method("POST", "POST")
                .clientContentType("application/json")
                .body(JSON_BODY)
                .credentials(ROLE)
                .gateway("a1b2c3d4e5", "1-5e1b4151-5ac6c58f5b5daa6532e4f2e1");
    }

    @Test
    void anActionUriPostsToTheRootWithTheActionInTheQuery() {
        ServiceCall call = action("arn:aws:apigateway:us-east-1:kinesis:action/PutRecord").build();

        assertEquals("kinesis", call.service());
        assertEquals("us-east-1", call.region());
        assertEquals("PutRecord", call.action());
        assertEquals("POST", call.method());
        assertEquals("kinesis.us-east-1.amazonaws.com", call.host());
        assertEquals("/", call.path());
        assertEquals("Action=PutRecord", call.query());
        assertArrayEquals(JSON_BODY, call.body());
        assertEquals(ROLE, call.credentials());
        assertEquals(List.of(
                new HeaderList.Header("Accept", "application/json"),
                new HeaderList.Header("User-Agent", "AmazonAPIGateway_a1b2c3d4e5"),
                new HeaderList.Header("Content-Type", "application/json"),
                new HeaderList.Header("X-Amz-Target", "Kinesis_20131202.PutRecord"),
                new HeaderList.Header("X-Amzn-Trace-Id", "Root=1-5e1b4151-5ac6c58f5b5daa6532e4f2e1")),
                call.headers().lines());
        assertFalse(call.headers().contains("X-Amzn-Apigateway-Api-Id"));
        assertFalse(call.headers().contains("Host"), "the host is the call's, not a header");
    }

    @Test
    void aMappedContentTypeReplacesTheClientsAsInTheKinesisTutorial() {
        ServiceCall call = action("arn:aws:apigateway:us-east-1:kinesis:action/PutRecords")
                .headers(Map.of("Content-Type", "application/x-amz-json-1.1")).build();

        assertEquals(List.of("application/x-amz-json-1.1"), call.headers().grouped().get("Content-Type"));
        assertEquals("Kinesis_20131202.PutRecords", call.headers().first("X-Amz-Target"));
    }

    @Test
    void theJsonServicesApiGatewayTargetsHaveTheirPrefixes() {
        assertEquals("DynamoDB_20120810.PutItem",
                action("arn:aws:apigateway:eu-west-1:dynamodb:action/PutItem").build().headers().first("X-Amz-Target"));
        ServiceCall states = action("arn:aws:apigateway:eu-west-1:states:action/StartExecution").build();
        assertEquals("AWSStepFunctions.StartExecution", states.headers().first("X-Amz-Target"));
        assertEquals("states.eu-west-1.amazonaws.com", states.host());
    }

    @Test
    void eventBridgeAndFirehoseGetNoTargetUnlessTheIntegrationMapsOne() {
        assertFalse(action("arn:aws:apigateway:us-east-1:events:action/PutEvents").build().headers()
                .contains("X-Amz-Target"));
        assertFalse(action("arn:aws:apigateway:us-east-1:firehose:action/PutRecord").build().headers()
                .contains("X-Amz-Target"));

        ServiceCall mapped = action("arn:aws:apigateway:us-east-1:events:action/PutEvents")
                .headers(Map.of("X-Amz-Target", "AWSEvents.PutEvents", "Content-Type", "application/x-amz-json-1.1"))
                .build();
        assertEquals(List.of("AWSEvents.PutEvents"), mapped.headers().grouped().get("X-Amz-Target"));
        assertEquals("application/x-amz-json-1.1", mapped.headers().first("Content-Type"));
        assertEquals("PutEvents", mapped.action());
    }

    @Test
    void aMappedTargetIsNotDoubled() {
        ServiceCall call = action("arn:aws:apigateway:us-east-1:dynamodb:action/Query")
                .headers(Map.of("x-amz-target", "DynamoDB_20120810.Query")).build();
        assertEquals(1, call.headers().lines().stream().filter(h -> h.name().equalsIgnoreCase("X-Amz-Target")).count());
    }

    @Test
    void actionParametersInTheUriFollowTheActionThenTheMappedQuery() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("response-content-type", List.of("text/plain"));
        ServiceCall call = action("arn:aws:apigateway:us-west-2:s3:action/GetObject&Bucket={bucket}&Key={key}")
                .method("GET", "GET")
                .pathValues(Map.of("bucket", "photos", "key", "cat 1.png"))
                .query(query)
                .build();

        assertEquals("GetObject", call.action());
        assertEquals("/", call.path());
        assertEquals("Action=GetObject&Bucket=photos&Key=cat%201.png&response-content-type=text%2Fplain", call.query());
        assertEquals(0, call.body().length, "a GET carries no body");
        assertFalse(call.headers().contains("Content-Type"), "no body, no Content-Type");
    }

    @Test
    void anSqsPathUriNamesTheQueueInThePathAndTheActionInTheFormBody() {
        byte[] form = "Action=SendMessage&MessageBody=%7B%22a%22%3A1%7D".getBytes(StandardCharsets.UTF_8);
        ServiceCall call = ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders"))
                .method("POST", "POST")
                .clientContentType("application/json")
                .headers(Map.of("Content-Type", "application/x-www-form-urlencoded"))
                .body(form)
                .build();

        assertEquals("sqs.us-east-1.amazonaws.com", call.host());
        assertEquals("/123456789012/orders", call.path());
        assertEquals("", call.query());
        assertEquals("SendMessage", call.action());
        assertEquals("application/x-www-form-urlencoded", call.headers().first("Content-Type"));
        assertFalse(call.headers().contains("X-Amz-Target"));
        assertArrayEquals(form, call.body());
    }

    @Test
    void anSqsActionCanComeFromMappedQueryParameters() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("Action", List.of("SendMessage"));
        query.put("MessageBody", List.of("hello world"));
        ServiceCall call = ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sqs:path/123456789012/q"))
                .method("POST", "GET").query(query).build();

        assertEquals("Action=SendMessage&MessageBody=hello%20world", call.query());
        assertEquals("SendMessage", call.action());
    }

    @Test
    void aFormBodyIsNoFormWithoutTheFormContentType() {
        ServiceCall call = ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sqs:path/123456789012/q"))
                .method("POST", "POST").clientContentType("application/json")
                .body("Action=SendMessage&MessageBody=x".getBytes(StandardCharsets.UTF_8)).build();
        assertNull(call.action());
    }

    @Test
    void sqsJsonProtocolNamesTheActionInTheMappedTarget() {
        ServiceCall call = ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sqs:path/123456789012/q"))
                .method("POST", "POST")
                .headers(Map.of("X-Amz-Target", "AmazonSQS.SendMessage", "Content-Type", "application/x-amz-json-1.0"))
                .body("{\"MessageBody\":\"x\"}".getBytes(StandardCharsets.UTF_8)).build();
        assertEquals("SendMessage", call.action());
    }

    @Test
    void s3PathStyleNamesTheObjectActionFromTheMethod() {
        String uri = "arn:aws:apigateway:us-west-2:s3:path/{bucket}/{object}";
        Map<String, String> values = Map.of("bucket", "my-bucket", "object", "photos/cat 1.png");
        Map<String, String> expected = Map.of("PUT", "PutObject", "GET", "GetObject", "HEAD", "HeadObject",
                "DELETE", "DeleteObject");
        expected.forEach((method, action) -> {
            ServiceCall call = ServiceCallBuilder.of(AwsServiceUri.parse(uri)).method(method, "GET").pathValues(values).build();
            assertEquals(action, call.action(), method);
            assertEquals("s3.us-west-2.amazonaws.com", call.host());
            assertEquals("/my-bucket/photos/cat%201.png", call.path());
        });
    }

    @Test
    void s3BucketAndServiceRequestsHaveTheirOwnActions() {
        assertEquals("ListBuckets", s3("path//", "GET", Map.of()).action());
        assertEquals("/", s3("path//", "GET", Map.of()).path());
        assertEquals("ListObjects", s3("path/{bucket}", "GET", Map.of("bucket", "b")).action());
        assertEquals("CreateBucket", s3("path/{bucket}", "PUT", Map.of("bucket", "b")).action());
        assertEquals("DeleteBucket", s3("path/{bucket}", "DELETE", Map.of("bucket", "b")).action());
    }

    @Test
    void anS3SubresourceLeavesTheActionUnnamed() {
        ServiceCall call = ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-west-2:s3:path/b/k"))
                .method("GET", "GET").query(Map.of("acl", List.of(""))).build();
        assertNull(call.action());
        assertEquals("acl=", call.query());
    }

    @Test
    void anS3SubdomainIsTheVirtualHostedBucket() {
        ServiceCall call = ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:eu-west-1:{bucket}.s3:path/{key}"))
                .method("ANY", "GET")
                .pathValues(Map.of("bucket", "my-bucket", "key", "a/b.txt"))
                .build();
        assertEquals("my-bucket.s3.eu-west-1.amazonaws.com", call.host());
        assertEquals("/a/b.txt", call.path());
        assertEquals("GET", call.method(), "ANY sends the client's method");
        assertEquals("GetObject", call.action());
        assertEquals(new S3Address("my-bucket", "a/b.txt"), S3Address.of(call.host(), call.path()));
    }

    @Test
    void theClientsContentTypeIsNotSentFromAGetMethod() {
        ServiceCall call = action("arn:aws:apigateway:us-east-1:kinesis:action/PutRecord").method("POST", "GET").build();
        assertFalse(call.headers().contains("Content-Type"));
        assertArrayEquals(JSON_BODY, call.body(), "a POST integration still sends the rendered body");
    }

    @Test
    void forbiddenMappedHeadersFailTheCallAndRefererIsDropped() {
        for (String name : List.of("Authorization", "content-length", "X-Amzn-Trace-Id", "Connection")) {
            GatewayException e = assertThrows(GatewayException.class, () -> action(
                    "arn:aws:apigateway:us-east-1:kinesis:action/PutRecord").headers(Map.of(name, "x")).build(), name);
            assertEquals(500, e.status());
            assertEquals(GatewayException.INTERNAL_SERVER_ERROR_BODY, new String(e.fixedBody(), StandardCharsets.UTF_8));
            assertTrue(e.detail().contains(name), e.detail());
        }
        assertFalse(action("arn:aws:apigateway:us-east-1:kinesis:action/PutRecord")
                .headers(Map.of("Referer", "https://example.com")).build().headers().contains("Referer"));
    }

    @Test
    void stageVariablesAreSubstitutedInTheUriAndTheCredentialsFirst() {
        Map<String, String> stage = Map.of("call", "action/PutRecords", "role", "role/staging");
        ServiceCall call = ServiceCallBuilder.of("arn:aws:apigateway:us-east-1:kinesis:${stageVariables.call}", stage)
                .method("POST", "POST").credentials("arn:aws:iam::123456789012:${stageVariables.role}").build();
        assertEquals("PutRecords", call.action());
        assertEquals("arn:aws:iam::123456789012:role/staging", call.credentials());

        GatewayException e = assertThrows(GatewayException.class,
                () -> ServiceCallBuilder.of("arn:aws:apigateway:us-east-1:kinesis:${stageVariables.missing}", stage));
        assertEquals(500, e.status());
    }

    @Test
    void aPlaceholderValueThatCannotStandInAHostFailsAsAnInvalidEndpoint() {
        GatewayException e = assertThrows(GatewayException.class, () -> ServiceCallBuilder
                .of(AwsServiceUri.parse("arn:aws:apigateway:eu-west-1:{bucket}.s3:path/k"))
                .method("GET", "GET").pathValues(Map.of()).build());
        assertEquals(500, e.status());
    }

    private static ServiceCall s3(String target, String method, Map<String, String> values) {
        return ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-west-2:s3:" + target))
                .method(method, method).pathValues(values).build();
    }
}
