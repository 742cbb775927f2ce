package dev.gwemu.config;

import dev.gwemu.model.AwsServiceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** api.yaml's awsServices and the load-time warnings for AWS service integrations gwemu cannot serve. */
class AwsServicesConfigTest {
    @TempDir
    Path dir;

    private Path project(String uri, String awsServices) throws Exception {
        Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.0.1
                info: {title: a, version: '1'}
                paths:
                  /things:
                    post:
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: URI
                        credentials: arn:aws:iam::123456789012:role/apigw
                        responses: {default: {statusCode: "200"}}
                """.replace("URI", uri));
        return Files.writeString(dir.resolve("api.yaml"), "apis:\n  - {name: a, definition: openapi.yaml, stages: {dev: {}}}\n"
                + awsServices);
    }

    @Test
    void capturedByDefaultForwardedWhenSaidAndCredentialsKept() throws Exception {
        var loaded = ProjectLoader.load(project("arn:aws:apigateway:us-east-1:kinesis:action/PutRecord", """
                awsServices:
                  sqs: {mode: forward, endpoint: 'http://localhost:9324', accessKeyId: AKID, secretAccessKey: s3cr3t}
                """));
        assertEquals(List.of(), loaded.warnings());
        assertEquals(AwsServiceSpec.Mode.CAPTURE, loaded.project().awsService("kinesis").mode());
        AwsServiceSpec sqs = loaded.project().awsService("sqs");
        assertEquals(AwsServiceSpec.Mode.FORWARD, sqs.mode());
        assertEquals(URI.create("http://localhost:9324"), sqs.endpoint());
        assertEquals("AKID", sqs.accessKeyId());
        assertEquals("arn:aws:iam::123456789012:role/apigw",
                loaded.project().apis().get(0).resources().stream().filter(r -> r.path().equals("/things")).findFirst()
                        .orElseThrow().methods().get("POST").integration().credentials());
    }

    @Test
    void anActionGwemuDoesNotCaptureIsAWarningUnlessForwarded() throws Exception {
        var loaded = ProjectLoader.load(project("arn:aws:apigateway:us-east-1:kinesis:action/DeleteStream", ""));
        assertEquals(1, loaded.warnings().size());
        Problem warning = loaded.warnings().get(0);
        assertEquals(10, warning.line());
        assertTrue(warning.message().contains("gwemu does not capture kinesis DeleteStream yet, so each call answers 500"),
                warning.message());

        assertEquals(List.of(), ProjectLoader.load(project("arn:aws:apigateway:us-east-1:kinesis:action/DeleteStream",
                "awsServices:\n  kinesis: {mode: forward, endpoint: 'http://localhost:4566', accessKeyId: a, secretAccessKey: b}\n"))
                .warnings());
    }

    @Test
    void mistakesInAwsServicesAreLoadErrorsWithTheirLines() throws Exception {
        DefinitionException e = assertThrows(DefinitionException.class, () -> ProjectLoader.load(project(
                "arn:aws:apigateway:us-east-1:kinesis:action/PutRecord", """
                        awsServices:
                          kinesis: {mode: forward, endpoint: 'localhost:4566', accessKeyId: a, secretAccessKey: b}
                          sqs: {mode: teleport}
                          lambda: {mode: capture}
                          sns: {mode: capture, endpoint: 'http://localhost:1'}
                        """)));
        List<String> messages = e.problems().stream().map(p -> p.line() + " " + p.message()).toList();
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("4 a forwarded service's endpoint is the URL calls go to"), messages.toString());
        assertTrue(messages.get(1).startsWith("5 mode is capture or forward, got 'teleport'"), messages.toString());
        assertTrue(messages.get(2).startsWith("6 Lambda integrations run the functions of api.yaml"), messages.toString());
        assertTrue(messages.get(3).startsWith("7 'endpoint' belongs to mode: forward"), messages.toString());
    }
}
