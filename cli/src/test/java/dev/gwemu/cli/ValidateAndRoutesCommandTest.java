package dev.gwemu.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gwemu validate} and {@code gwemu routes}, run in-process on small projects. */
class ValidateAndRoutesCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int gwemu(String... args) {
        CommandLine gwemu = GwemuCommand.commandLine();
        gwemu.setOut(new PrintWriter(out, true));
        gwemu.setErr(new PrintWriter(err, true));
        return gwemu.execute(args);
    }

    private Path project(String definition) throws Exception {
        Files.writeString(dir.resolve("openapi.yaml"), definition);
        return Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - name: pets
                    definition: openapi.yaml
                    stages: {dev: {}, prod: {}}
                """);
    }

    private static final String MOCK = """
            openapi: 3.0.1
            info: {title: pets, version: '1'}
            paths:
              /pets:
                get:
                  security: [{key: []}]
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates: {application/json: '{"statusCode": 200}'}
                    responses: {default: {statusCode: "200"}}
                  responses: {"200": {description: ok}}
            components:
              securitySchemes:
                key: {type: apiKey, name: x-api-key, in: header}
            """;

    @Test
    void aCleanProjectValidatesWithExitZero() throws Exception {
        Path api = project(MOCK);
        assertEquals(0, gwemu("validate", api.toString()), err.toString());
        assertTrue(out.toString().contains("1 API(s), 0 function(s), 0 warning(s)"), out.toString());
    }

    @Test
    void warningsAreNamedWithTheirLineAndExitThree() throws Exception {
        Path api = project(MOCK.replace("  /pets:\n", "  /pets:\n    trace:\n"
                + "      x-amazon-apigateway-integration: {type: mock}\n"));
        int status = gwemu("validate", api.toString());
        assertEquals(ValidateCommand.WARNINGS, status, err.toString());
        assertTrue(err.toString().startsWith("warning: "), err.toString());
        assertTrue(err.toString().contains("openapi.yaml:") && err.toString().contains("API Gateway has no TRACE method; ignored"),
                err.toString());
    }

    @Test
    void errorsAreListedWithFileAndLineAndExitOne() throws Exception {
        Path api = project(MOCK.replace("type: mock", "type: sqs"));
        assertEquals(1, gwemu("validate", api.toString()));
        assertTrue(err.toString().contains("openapi.yaml:"), err.toString());
        assertTrue(err.toString().contains("1 error(s)"), err.toString());
    }

    @Test
    void routesPrintsOneLinePerStageAndRoute() throws Exception {
        Path api = project(MOCK);
        assertEquals(0, gwemu("routes", api.toString()), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith("API   STAGE  METHOD  PATH   INTEGRATION  AUTHORIZATION  API KEY"), lines.get(0));
        assertEquals("pets  dev    GET     /pets  mock         NONE           required", lines.get(1));
        assertEquals("pets  prod   GET     /pets  mock         NONE           required", lines.get(2));
    }
}
