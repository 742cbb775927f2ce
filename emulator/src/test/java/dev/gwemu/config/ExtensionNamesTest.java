package dev.gwemu.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** No x-amazon-apigateway-* key is skipped silently: unknown names and unserved extensions are warnings with their line. */
class ExtensionNamesTest {
    @TempDir
    Path dir;

    private List<String> warnings(String type, String definition) throws Exception {
        Files.writeString(dir.resolve("openapi.yaml"), definition);
        Path api = Files.writeString(dir.resolve("api.yaml"), "apis:\n  - name: a\n    type: " + type
                + "\n    definition: openapi.yaml\n    stages: {" + (type.equals("HTTP") ? "$default" : "dev") + ": {}}\n");
        return ProjectLoader.load(api).warnings().stream()
                .map(p -> p.toString().substring(dir.resolve("openapi.yaml").toString().length() + 1)).toList();
    }

    private static final String MOCK = """
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates: {application/json: '{"statusCode": 200}'}
                    responses: {default: {statusCode: "200"}}
                  responses: {"200": {description: ok}}
            """;

    @Test
    void restNamesTyposAndWhatGwemuDoesNotServe() throws Exception {
        List<String> warnings = warnings("REST", """
                openapi: 3.0.1
                info: {title: a, version: '1'}
                x-amazon-apigateway-minimum-compression-size: 1024
                x-amazon-apigateway-cors: {allowOrigins: ['*']}
                x-company-owner: team-a
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-request-validatr: all
                """ + MOCK);
        assertEquals(List.of(
                "3: /x-amazon-apigateway-minimum-compression-size: x-amazon-apigateway-minimum-compression-size: gwemu does "
                        + "not compress responses; ignored",
                "4: /x-amazon-apigateway-cors: x-amazon-apigateway-cors: an HTTP API extension: a REST API ignores it "
                        + "(answer OPTIONS with a MOCK method instead)",
                "9: /paths/~1pets/get/x-amazon-apigateway-request-validatr: API Gateway has no extension "
                        + "'x-amazon-apigateway-request-validatr' (a typo?); ignored"), warnings);
    }

    @Test
    void httpNamesTyposOnceAndLeavesRestOnlyOnesToItsOwnWarning() throws Exception {
        List<String> warnings = warnings("HTTP", """
                openapi: 3.0.1
                info: {title: a, version: '1'}
                x-amazon-apigateway-policy: {Version: '2012-10-17', Statement: []}
                x-amazon-apigateway-corz: {allowOrigins: ['*']}
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        httpMethod: GET
                        uri: http://127.0.0.1:9/pets
                        payloadFormatVersion: '1.0'
                """);
        assertEquals(List.of(
                "3: /x-amazon-apigateway-policy: x-amazon-apigateway-policy is a REST API extension; an HTTP API ignores it",
                "4: /x-amazon-apigateway-corz: API Gateway has no extension 'x-amazon-apigateway-corz' (a typo?); ignored"),
                warnings);
    }
}
