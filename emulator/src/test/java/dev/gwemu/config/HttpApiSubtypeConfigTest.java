package dev.gwemu.config;

import dev.gwemu.model.HttpIntegrationSpec;
import dev.gwemu.model.IntegrationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP API routes with {@code integrationSubtype}: what is read, and what is refused at load with file and line. */
class HttpApiSubtypeConfigTest {
    @TempDir
    Path dir;

    private Path project(String integration, String awsServices) throws IOException {
        Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /send:
                    post:
                      x-amazon-apigateway-integration:
                """ + integration.indent(8));
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, """
                region: eu-west-1
                apis:
                  - name: q
                    type: HTTP
                    definition: openapi.yaml
                    stages:
                      $default: {}
                """ + awsServices);
        return file;
    }

    private String error(String integration) throws IOException {
        Path file = project(integration, "");
        return assertThrows(DefinitionException.class, () -> ProjectLoader.load(file)).getMessage();
    }

    @Test
    void aSubtypeIntegrationIsReadWithItsParametersAndCredentials() throws Exception {
        ProjectLoader.Loaded loaded = ProjectLoader.load(project("""
                type: AWS_PROXY
                integrationSubtype: SQS-SendMessage
                credentials: arn:aws:iam::123456789012:role/send
                payloadFormatVersion: "1.0"
                timeoutInMillis: 5000
                requestParameters:
                  QueueUrl: $request.header.queue
                  MessageBody: $request.body.message
                  Region: eu-central-1
                """, ""));

        HttpIntegrationSpec spec = loaded.project().apis().get(0).http().routes().get(0).integration();
        assertEquals(IntegrationType.AWS_PROXY, spec.type());
        assertEquals("SQS-SendMessage", spec.integrationSubtype());
        assertEquals("arn:aws:iam::123456789012:role/send", spec.credentials());
        assertEquals(5000, spec.timeoutMillis());
        assertEquals(Map.of("QueueUrl", "$request.header.queue", "MessageBody", "$request.body.message",
                "Region", "eu-central-1"), spec.requestParameters());
        assertEquals(List.of(), loaded.warnings(), "SendMessage is captured: no warning");
        assertEquals("aws_proxy SQS-SendMessage", RouteListing.of(loaded.project()).get(0).integration(), "gwemu routes");
    }

    @Test
    void unknownSubtypesParametersAndMissingRequiredOnesAreLoadErrorsWithLines() throws Exception {
        String unknown = error("""
                type: aws_proxy
                integrationSubtype: SQS-SendMessages
                payloadFormatVersion: "1.0"
                """);
        assertTrue(unknown.contains("openapi.yaml:8:") && unknown.contains("unknown integrationSubtype 'SQS-SendMessages'")
                && unknown.contains("SQS-SendMessage, SQS-ReceiveMessage"), unknown);

        String parameter = error("""
                type: aws_proxy
                integrationSubtype: Kinesis-PutRecord
                payloadFormatVersion: "1.0"
                requestParameters:
                  StreamName: clicks
                  Data: $request.body
                  PartitionKey: $request.header.user
                  Stream: clicks
                """);
        assertTrue(parameter.contains("openapi.yaml:14:") && parameter.contains("Kinesis-PutRecord has no parameter 'Stream'"
                + " (its parameters: StreamName, Data, PartitionKey, SequenceNumberForOrdering, ExplicitHashKey, Region)"),
                parameter);

        String missing = error("""
                type: aws_proxy
                integrationSubtype: EventBridge-PutEvents
                payloadFormatVersion: "1.0"
                requestParameters:
                  Detail: $request.body
                """);
        assertTrue(missing.contains("openapi.yaml:10:") && missing.contains("EventBridge-PutEvents requires the parameter"
                + " DetailType in requestParameters") && missing.contains("requires the parameter Source"), missing);

        String source = error("""
                type: aws_proxy
                integrationSubtype: StepFunctions-StartExecution
                payloadFormatVersion: "1.0"
                requestParameters:
                  StateMachineArn: $request.cookie.machine
                """);
        assertTrue(source.contains("openapi.yaml:11:") && source.contains("parameter StateMachineArn: unknown source"
                + " '$request.cookie.machine'"), source);
    }

    @Test
    void typeAndPayloadVersionAreChecked() throws Exception {
        String type = error("""
                type: http_proxy
                integrationSubtype: SQS-PurgeQueue
                payloadFormatVersion: "1.0"
                requestParameters: {QueueUrl: x}
                """);
        assertTrue(type.contains("openapi.yaml:7:") && type.contains("an integration with integrationSubtype is of type"
                + " aws_proxy, got 'http_proxy'"), type);

        String version = error("""
                type: aws_proxy
                integrationSubtype: SQS-PurgeQueue
                payloadFormatVersion: "2.0"
                requestParameters: {QueueUrl: x}
                """);
        assertTrue(version.contains("openapi.yaml:9:") && version.contains("payloadFormatVersion is \"1.0\", got '2.0'"),
                version);
    }

    @Test
    void aCapturedServiceWhoseActionIsNotCapturedIsWarnedOfUnlessForwarded() throws Exception {
        String stop = """
                type: aws_proxy
                integrationSubtype: StepFunctions-StopExecution
                payloadFormatVersion: "1.0"
                requestParameters: {ExecutionArn: $request.header.execution}
                """;
        List<Problem> warnings = ProjectLoader.load(project(stop, "")).warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).toString().contains("openapi.yaml:8:")
                && warnings.get(0).message().contains("POST /send: gwemu does not capture StepFunctions-StopExecution"
                + " (states StopExecution) yet, so each call answers 500; forward states to an endpoint under awsServices"),
                warnings.toString());

        Files.delete(dir.resolve("api.yaml"));
        assertEquals(List.of(), ProjectLoader.load(project(stop, """
                awsServices:
                  states: {mode: forward, endpoint: "http://127.0.0.1:8083", accessKeyId: a, secretAccessKey: b}
                """)).warnings());
    }

    @Test
    void theSqsQueueSubtypesAreCapturedSoNotWarnedOf() throws Exception {
        for (String subtype : List.of("SQS-ReceiveMessage", "SQS-PurgeQueue")) {
            Files.deleteIfExists(dir.resolve("api.yaml"));
            assertEquals(List.of(), ProjectLoader.load(project("""
                    type: aws_proxy
                    integrationSubtype: %s
                    payloadFormatVersion: "1.0"
                    requestParameters: {QueueUrl: $request.header.queue}
                    """.formatted(subtype), "")).warnings(), subtype);
        }
        Files.deleteIfExists(dir.resolve("api.yaml"));
        assertEquals(List.of(), ProjectLoader.load(project("""
                type: aws_proxy
                integrationSubtype: SQS-DeleteMessage
                payloadFormatVersion: "1.0"
                requestParameters: {QueueUrl: $request.header.queue, ReceiptHandle: $request.body.handle}
                """, "")).warnings());
    }
}
