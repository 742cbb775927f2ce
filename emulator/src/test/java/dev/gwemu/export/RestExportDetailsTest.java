package dev.gwemu.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.Project;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a REST API's export says in detail, checked against the definitions the test projects load. */
class RestExportDetailsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static Project petstore;
    private static Project conformance;
    private static Project security;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        petstore = ProjectLoader.load(TestPaths.PROJECT_ROOT.resolve("sample-apis/petstore/api.yaml")).project();
        conformance = ProjectLoader.load(TestPaths.CONFORMANCE_API).project();
        security = ProjectLoader.load(TestPaths.TESTDATA.resolve("security/api.yaml")).project();
    }

    private static JsonNode export(Project project, String api, String stage, ExportFormat format, String extensions) {
        return ApiExporter.export(project, api, stage, format, ExportExtensions.parse(extensions));
    }

    private static JsonNode written(String relative) throws Exception {
        return YAML.readTree(TestPaths.TESTDATA.resolve(relative).toFile());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void theDocumentsKeysComeInTheOrderAwsWritesThem() {
        JsonNode oas = export(petstore, "petstore", "dev", ExportFormat.OAS30, "none");
        assertEquals(List.of("openapi", "info", "servers", "paths", "components"), keys(oas));
        assertEquals(List.of("title", "description", "version"), keys(oas.path("info")));
        JsonNode swagger = export(petstore, "petstore", "dev", ExportFormat.SWAGGER, "none");
        assertEquals(List.of("swagger", "info", "host", "basePath", "schemes", "paths", "definitions"), keys(swagger));
        assertEquals(List.of("description", "version", "title"), keys(swagger.path("info")));
        JsonNode secured = export(security, "secure", "dev", ExportFormat.SWAGGER, "none");
        assertEquals(List.of("swagger", "info", "host", "basePath", "schemes", "paths", "securityDefinitions"), keys(secured));
        assertEquals(List.of("produces", "parameters", "responses"), keys(swagger.at("/paths/~1pets/get")));
        assertEquals(List.of("consumes", "produces", "parameters", "responses"), keys(swagger.at("/paths/~1pets/post")));
    }

    @Test
    void parametersAreStringsAndOas30WritesRequiredOnlyWhenTrue() {
        JsonNode oas = export(petstore, "petstore", "dev", ExportFormat.OAS30, "none");
        assertEquals("{\"name\":\"type\",\"in\":\"query\",\"schema\":{\"type\":\"string\"}}",
                oas.at("/paths/~1pets/get/parameters/0").toString());
        assertEquals("{\"name\":\"petId\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}}",
                oas.at("/paths/~1pets~1{petId}/get/parameters/0").toString());
        JsonNode swagger = export(petstore, "petstore", "dev", ExportFormat.SWAGGER, "none");
        assertEquals("{\"name\":\"type\",\"in\":\"query\",\"required\":false,\"type\":\"string\"}",
                swagger.at("/paths/~1pets/get/parameters/0").toString());
        JsonNode validated = export(conformance, "mapping", "dev", ExportFormat.OAS30, "none").at("/paths/~1validated~1{id}/post");
        assertEquals("[{\"name\":\"id\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}},"
                + "{\"name\":\"q\",\"in\":\"query\",\"required\":true,\"schema\":{\"type\":\"string\"}},"
                + "{\"name\":\"x-key\",\"in\":\"header\",\"required\":true,\"schema\":{\"type\":\"string\"}}]",
                validated.path("parameters").toString());
    }

    @Test
    void bodiesAndResponsesReferToTheFormatsOwnModels() throws Exception {
        JsonNode oas = export(petstore, "petstore", "dev", ExportFormat.OAS30, "none");
        assertEquals("{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/NewPet\"}}},\"required\":true}",
                oas.at("/paths/~1pets/post/requestBody").toString());
        assertEquals("{\"description\":\"201 response\",\"headers\":{\"Location\":{\"schema\":{\"type\":\"string\"}}},"
                + "\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Pet\"}}}}",
                oas.at("/paths/~1pets/post/responses/201").toString());
        JsonNode swagger = export(petstore, "petstore", "dev", ExportFormat.SWAGGER, "none");
        assertEquals("[{\"in\":\"body\",\"name\":\"NewPet\",\"required\":true,\"schema\":{\"$ref\":\"#/definitions/NewPet\"}}]",
                swagger.at("/paths/~1pets/post/parameters").toString());
        assertEquals("{\"description\":\"201 response\",\"schema\":{\"$ref\":\"#/definitions/Pet\"},"
                + "\"headers\":{\"Location\":{\"type\":\"string\"}}}", swagger.at("/paths/~1pets/post/responses/201").toString());
        JsonNode models = YAML.readTree(TestPaths.PROJECT_ROOT.resolve("sample-apis/petstore/openapi.yaml").toFile())
                .at("/components/schemas");
        assertEquals(models.toString().replace("#/components/schemas/", "#/definitions/"), swagger.path("definitions").toString());
        assertEquals(models, oas.at("/components/schemas"));
        JsonNode mock = export(conformance, "mapping", "dev", ExportFormat.OAS30, "none");
        assertEquals("{\"description\":\"200 response\",\"content\":{}}", mock.at("/paths/~1mock~1override/get/responses/200").toString());
    }

    @Test
    void integrationsAreWrittenAsAwsExportsThemWithTemplatesAndStageVariablesAsWritten() throws Exception {
        JsonNode doc = export(conformance, "mapping", "dev", ExportFormat.OAS30, "integrations");
        JsonNode mapping = written("conformance/rest-api/mapping.yaml");
        JsonNode mock = doc.at("/paths/~1mock~1status~1{code}/get/x-amazon-apigateway-integration");
        assertEquals(List.of("responses", "requestTemplates", "passthroughBehavior", "type"), keys(mock));
        assertEquals(List.of("4\\d\\d", "default"), keys(mock.path("responses")));
        assertEquals("mock", mock.path("type").asText());
        JsonNode writtenMock = mapping.at("/paths/~1mock~1status~1{code}/get/x-amazon-apigateway-integration");
        assertEquals(writtenMock.at("/requestTemplates/application~1json"), mock.at("/requestTemplates/application~1json"));
        assertEquals(writtenMock.at("/responses/default/responseTemplates"), mock.at("/responses/default/responseTemplates"));
        JsonNode lambda = doc.at("/paths/~1lambda~1greet/post/x-amazon-apigateway-integration");
        assertEquals(List.of("httpMethod", "uri", "responses", "requestTemplates", "passthroughBehavior", "type"), keys(lambda));
        assertEquals("context.stage", lambda.at("/responses/default/responseParameters/method.response.header.X-Stage").asText());
        assertEquals("never", doc.at("/paths/~1mock~1strict/post/x-amazon-apigateway-integration/passthroughBehavior").asText());
        assertEquals("CONVERT_TO_BINARY", doc.at("/paths/~1mock~1binary/get/x-amazon-apigateway-integration/responses/default/contentHandling").asText());

        JsonNode aliased = export(conformance, "conformance", "prod", ExportFormat.SWAGGER, "integrations");
        assertTrue(aliased.toString().contains(":function:ContextFn:${stageVariables.backendAlias}/invocations"),
                "stage variables are not substituted");
    }

    @Test
    void authorizersAreApiKeySchemesWithTheirExtensionsOnlyWhenAskedFor() {
        JsonNode doc = export(security, "secure", "dev", ExportFormat.OAS30, "authorizers");
        JsonNode schemes = doc.at("/components/securitySchemes");
        assertEquals("{\"type\":\"apiKey\",\"name\":\"Authorization\",\"in\":\"header\",\"x-amazon-apigateway-authtype\":\"awsSigv4\"}",
                schemes.path("sigv4").toString());
        assertEquals("{\"type\":\"apiKey\",\"name\":\"X-Token\",\"in\":\"header\",\"x-amazon-apigateway-authtype\":\"custom\","
                + "\"x-amazon-apigateway-authorizer\":{\"authorizerUri\":\"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:TokenAuth/invocations\",\"authorizerResultTtlInSeconds\":0,"
                + "\"identityValidationExpression\":\"^[a-z-]+$\",\"type\":\"token\"}}", schemes.path("tokenNoCache").toString());
        assertEquals("Unused", schemes.at("/requestAuth/name").asText());
        assertEquals("method.request.header.X-Tenant, method.request.querystring.key, stageVariables.realm",
                schemes.at("/requestAuth/x-amazon-apigateway-authorizer/identitySource").asText());
        assertEquals("cognito_user_pools", schemes.at("/pool/x-amazon-apigateway-authtype").asText());
        assertEquals("[\"arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Secure001\"]",
                schemes.at("/pool/x-amazon-apigateway-authorizer/providerARNs").toString());
        assertEquals("[{\"pool\":[\"docs/read\"]}]", doc.at("/paths/~1pool~1scoped/get/security").toString());
        assertEquals("[{\"sigv4\":[]}]", doc.at("/paths/~1iam~1mapped/get/security").toString());
        assertFalse(doc.at("/paths/~1pool~1scoped/get").has("x-amazon-apigateway-integration"));

        JsonNode plain = export(security, "secure", "dev", ExportFormat.SWAGGER, "none");
        assertEquals("{\"type\":\"apiKey\",\"name\":\"X-Token\",\"in\":\"header\"}",
                plain.at("/securityDefinitions/tokenNoCache").toString());
        assertTrue(plain.at("/paths/~1@connections~1{connectionId}").has("x-amazon-apigateway-any-method"),
                "ANY is x-amazon-apigateway-any-method whatever the extensions");
    }

    @Test
    void apiGatewayExtensionsCarryTheApiWideSettings() throws Exception {
        JsonNode mapping = export(conformance, "mapping", "dev", ExportFormat.SWAGGER, "apigateway");
        assertEquals("{\"statusCode\":\"422\",\"responseParameters\":{\"gatewayresponse.header.X-Request-Id\":\"context.requestId\","
                + "\"gatewayresponse.header.X-Why\":\"'validation'\"},\"responseTemplates\":{\"application/json\":"
                + "\"{\\\"error\\\": $context.error.messageString, \\\"type\\\": \\\"$context.error.responseType\\\"}\"}}",
                mapping.at("/x-amazon-apigateway-gateway-responses/BAD_REQUEST_BODY").toString());
        assertEquals("{\"all\":{\"validateRequestParameters\":true,\"validateRequestBody\":true},"
                + "\"params-only\":{\"validateRequestParameters\":true,\"validateRequestBody\":false}}",
                mapping.path("x-amazon-apigateway-request-validators").toString());
        assertEquals("all", mapping.at("/paths/~1validated~1{id}/post/x-amazon-apigateway-request-validator").asText());
        assertEquals("[\"image/png\"]", mapping.path("x-amazon-apigateway-binary-media-types").toString());
        assertFalse(mapping.has("x-amazon-apigateway-api-key-source"), "HEADER is the default and not written");

        assertEquals("AUTHORIZER", export(security, "keyed", "dev", ExportFormat.OAS30, "apigateway")
                .path("x-amazon-apigateway-api-key-source").asText());
        assertEquals(written("security/hostile.yaml").path("x-amazon-apigateway-policy"),
                export(security, "hostile", "dev", ExportFormat.OAS30, "apigateway").path("x-amazon-apigateway-policy"));
        String endpoint = "{\"types\":[\"PRIVATE\"],\"vpcEndpointIds\":[\"vpce-0123456789abcdef0\"]}";
        assertEquals(endpoint, export(security, "internal", "dev", ExportFormat.SWAGGER, "apigateway")
                .path("x-amazon-apigateway-endpoint-configuration").toString());
        assertEquals(endpoint, export(security, "internal", "dev", ExportFormat.OAS30, "apigateway")
                .at("/servers/0/x-amazon-apigateway-endpoint-configuration").toString(), "OpenAPI 3: on the server object");
    }

    @Test
    void aSwaggerDefinitionBecomesOpenApi3WithWhatTheModelDoesNotKeepReadFromTheFile() throws Exception {
        Files.writeString(dir.resolve("swagger.yaml"), """
                swagger: "2.0"
                info: {title: orders, version: "3.1", description: Orders and their lines}
                consumes: [application/json]
                produces: [application/json]
                x-amazon-apigateway-request-validators:
                  body: {validateRequestBody: true, validateRequestParameters: false}
                x-amazon-apigateway-request-validator: body
                x-amazon-apigateway-minimum-compression-size: 1024
                responses:
                  NotFound: {description: no such order, schema: {$ref: "#/definitions/Error"}}
                definitions:
                  Order: {type: object, properties: {lines: {type: array, items: {$ref: "#/definitions/Line"}}}}
                  Line: {type: object, properties: {sku: {type: string}}}
                  Error: {type: object, properties: {message: {type: string}}}
                paths:
                  /orders/{id}:
                    put:
                      parameters:
                        - {name: id, in: path, required: true, type: string}
                        - {name: order, in: body, required: true, schema: {$ref: "#/definitions/Order"}}
                      responses:
                        "200": {description: saved, schema: {$ref: "#/definitions/Order"}}
                        "404": {$ref: "#/responses/NotFound"}
                      x-amazon-apigateway-integration:
                        type: http
                        httpMethod: PUT
                        uri: https://orders.example.com/orders/{id}
                        credentials: arn:aws:iam::123456789012:role/orders
                        connectionType: INTERNET
                        requestParameters: {integration.request.path.id: method.request.path.id}
                        responses: {default: {statusCode: "200"}}
                """);
        Project project = ProjectLoader.load(Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - {name: orders, definition: swagger.yaml, stages: {live: {}}}
                """)).project();
        JsonNode doc = ApiExporter.export(project, null, null, ExportFormat.OAS30, ExportExtensions.ALL);
        assertEquals("Orders and their lines", doc.at("/info/description").asText());
        assertEquals("3.1", doc.at("/info/version").asText());
        JsonNode put = doc.at("/paths/~1orders~1{id}/put");
        assertEquals("#/components/schemas/Order", put.at("/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Error", put.at("/responses/404/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Line", doc.at("/components/schemas/Order/properties/lines/items/$ref").asText());
        assertEquals("body", put.path("x-amazon-apigateway-request-validator").asText(), "the definition's default applies");
        assertEquals(1024, doc.path("x-amazon-apigateway-minimum-compression-size").asInt());
        assertEquals(List.of("httpMethod", "uri", "credentials", "responses", "requestParameters", "passthroughBehavior",
                "connectionType", "type"), keys(put.path("x-amazon-apigateway-integration")));
        assertEquals("arn:aws:iam::123456789012:role/orders", put.at("/x-amazon-apigateway-integration/credentials").asText());
    }

    @Test
    void aMethodWhoseBodyModelsAreAllNonJsonCannotBeExported() throws Exception {
        Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.0.1
                info: {title: notes, version: '7'}
                paths:
                  /notes:
                    post:
                      requestBody:
                        content:
                          text/plain: {schema: {type: string}}
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: mock
                        requestTemplates: {text/plain: '{"statusCode": 200}'}
                        responses: {default: {statusCode: "200"}}
                """);
        Project project = ProjectLoader.load(Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - {name: notes, definition: openapi.yaml, stages: {dev: {}}}
                """)).project();
        for (ExportFormat format : ExportFormat.values()) {
            ExportException e = assertThrows(ExportException.class,
                    () -> ApiExporter.export(project, null, null, format, ExportExtensions.NONE));
            assertEquals(ExportException.Reason.NOT_EXPORTABLE, e.reason());
            assertTrue(e.getMessage().startsWith("Only found non-JSON body models for POST /notes (text/plain)"), e.getMessage());
        }
    }

    @Test
    void withoutAVersionTheDefinitionsDateStandsInForTheDeploymentDate() throws Exception {
        Path definition = Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.0.1
                info: {title: dated}
                paths:
                  /x:
                    get:
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: "200"}}}
                """);
        Project project = ProjectLoader.load(Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - {name: dated, definition: openapi.yaml, stages: {dev: {}}}
                """)).project();
        Files.setLastModifiedTime(definition, FileTime.from(Instant.parse("2026-11-26T01:02:03.456Z")));
        assertEquals("2026-11-26T01:02:03Z", ApiExporter.export(project, null, null, ExportFormat.OAS30, null)
                .at("/info/version").asText());
    }

    @Test
    void unknownApisAndStagesAreNamedWithWhatThereIs() {
        ExportException api = assertThrows(ExportException.class, () -> export(security, "nope", "dev", ExportFormat.OAS30, "none"));
        assertEquals(ExportException.Reason.NOT_FOUND, api.reason());
        assertEquals("api.yaml has no API named 'nope'; its APIs: secure, guarded, internal, keyed, hostile", api.getMessage());
        ExportException stage = assertThrows(ExportException.class, () -> export(petstore, "petstore", "qa", ExportFormat.OAS30, "none"));
        assertEquals("API petstore has no stage 'qa'; its stages: dev, prod", stage.getMessage());
        ExportException which = assertThrows(ExportException.class, () -> export(security, null, "dev", ExportFormat.OAS30, "none"));
        assertTrue(which.getMessage().contains("name one with --api"), which.getMessage());
        assertTrue(assertThrows(ExportException.class, () -> export(petstore, null, null, ExportFormat.OAS30, "none"))
                .getMessage().contains("has 2 stages; name one with --stage (dev, prod)"));
    }

    @Test
    void optionsWithoutAnExportAreRefused() {
        for (Runnable bad : List.<Runnable>of(() -> ExportExtensions.parse("postman"), () -> ExportExtensions.parse("integration"),
                () -> ExportFormat.parse("raml"), () -> OutputSyntax.parse("xml"))) {
            assertEquals(ExportException.Reason.OPTION_NOT_SUPPORTED, assertThrows(ExportException.class, bad::run).reason());
        }
        assertEquals(new ExportExtensions(true, true, false), ExportExtensions.parse("integrations,authorizers"));
        assertEquals(ExportExtensions.ALL, ExportExtensions.parse("apigateway"));
        assertEquals(ExportFormat.SWAGGER, ExportFormat.parse("SWAGGER"));
        assertEquals(OutputSyntax.YAML, OutputSyntax.parse("application/yaml"));
    }

    @Test
    void yamlAndJsonAreTheSameDocumentInJacksonsStyle() throws Exception {
        JsonNode doc = export(conformance, "mapping", "dev", ExportFormat.OAS30, "apigateway");
        String json = OutputSyntax.JSON.write(doc);
        String yaml = OutputSyntax.YAML.write(doc);
        assertTrue(json.startsWith("{\n  \"openapi\" : \"3.0.1\",\n  \"info\" : {\n"), json);
        assertTrue(yaml.startsWith("---\nopenapi: \"3.0.1\"\ninfo:\n"), yaml);
        assertEquals(doc, new ObjectMapper().readTree(json));
        assertEquals(doc, YAML.readTree(yaml));
        assertTrue(yaml.contains("      application/json: \"{\\\"message\\\": \\\"no such route: $context.path\\\"}\"\n"),
                "a long template stays on one line");
    }
}
