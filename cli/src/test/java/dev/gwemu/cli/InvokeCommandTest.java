package dev.gwemu.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gwemu invoke}, in-process: a request through the road without a port, and a function with an event file. */
class InvokeCommandTest {
    @TempDir
    Path dir;
    Path api;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void project() throws Exception {
        Files.writeString(dir.resolve("echo.js"), """
                exports.handler = async (event) => {
                  if (event.fail) throw new Error('asked to fail');
                  return { statusCode: 201, headers: { 'X-Seen': event.httpMethod || 'direct' },
                           body: JSON.stringify({ path: event.path, body: event.body, direct: event.direct }) };
                };
                """);
        Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.0.1
                info: {title: echo, version: '1'}
                paths:
                  /things/{id}:
                    post:
                      x-amazon-apigateway-integration:
                        type: aws_proxy
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Echo/invocations
                """);
        api = Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - name: echo
                    definition: openapi.yaml
                    endpointType: REGIONAL
                    stages: {dev: {}}
                functions:
                  Echo: {runtime: nodejs20.x, code: ., handler: echo.handler}
                """);
    }

    private int gwemu(String... args) {
        CommandLine gwemu = GwemuCommand.commandLine();
        gwemu.setOut(new PrintWriter(out, true));
        gwemu.setErr(new PrintWriter(err, true));
        return gwemu.execute(args);
    }

    @Test
    void aRequestWalksTheWholeRoadWithoutAServer() throws Exception {
        Path body = Files.writeString(dir.resolve("body.json"), "{\"n\":1}");
        assertEquals(0, gwemu("invoke", api.toString(), "-X", "POST", "--path", "/dev/things/7?x=1",
                "-H", "Content-Type: application/json", "--body", "@" + body), err.toString());
        String printed = out.toString();
        assertTrue(printed.startsWith("HTTP/1.1 201\n"), printed);
        assertTrue(printed.contains("X-Seen: POST\n"), printed);
        assertTrue(printed.contains("x-amzn-RequestId: "), printed);
        assertTrue(printed.contains("{\"path\":\"/things/7\",\"body\":\"{\\\"n\\\":1}\"}"), printed);
    }

    @Test
    void anUnknownRouteIsAnsweredAsAwsAnswersIt() {
        assertEquals(0, gwemu("invoke", api.toString(), "--path", "/dev/nothing"));
        assertTrue(out.toString().startsWith("HTTP/1.1 403\n"), out.toString());
        assertTrue(out.toString().contains("{\"message\":\"Missing Authentication Token\"}"), out.toString());
    }

    @Test
    void aFunctionIsCalledWithAnEventFile() throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"), "{\"direct\":true}");
        assertEquals(0, gwemu("invoke", api.toString(), "--function", "Echo", "--event", event.toString()), err.toString());
        assertTrue(out.toString().contains("\"statusCode\":201"), out.toString());

        Path failing = Files.writeString(dir.resolve("fail.json"), "{\"fail\":true}");
        out.getBuffer().setLength(0);
        assertEquals(1, gwemu("invoke", api.toString(), "--function", "Echo", "--event", failing.toString()));
        assertTrue(out.toString().contains("asked to fail"), out.toString());

        assertEquals(2, gwemu("invoke", api.toString(), "--function", "Nope"));
        assertTrue(err.toString().contains("api.yaml binds no function Nope (it binds Echo)"), err.toString());
    }
}
