package dev.gwemu.httpapi.jwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An api.yaml with one mock REST API, plus whatever project-level keys a test adds. */
final class MinimalProject {
    private MinimalProject() {
    }

    static Path write(Path dir, String projectKeys) throws IOException {
        Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.0.1
                info: {title: shop, version: '1'}
                paths:
                  /ping:
                    get:
                      responses: {'200': {description: ok}}
                      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}, responses: {default: {statusCode: '200'}}}
                """);
        return Files.writeString(dir.resolve("api.yaml"), """
                apis: [{name: shop, definition: openapi.yaml, stages: {dev: {}}}]
                """ + projectKeys);
    }
}
