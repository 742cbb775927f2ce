package dev.gwemu.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.HttpRoute;
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
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP APIs export as {@code aws apigatewayv2 export-api --specification OAS30} writes them. */
class HttpApiExportTest {
    private static Project shop;
    private static Project conformance;

    @BeforeAll
    static void load() throws Exception {
        shop = ProjectLoader.load(TestPaths.TESTDATA.resolve("httpapi/api.yaml")).project();
        conformance = ProjectLoader.load(TestPaths.CONFORMANCE_API).project();
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void theStageIsTheBasePathAndDefaultIsEmpty() {
        JsonNode dev = ApiExporter.export(shop, "shop", "dev", ExportFormat.OAS30, null);
        assertEquals("https://h77pshop01.execute-api.us-east-1.amazonaws.com/{basePath}", dev.at("/servers/0/url").asText());
        assertEquals("dev", dev.at("/servers/0/variables/basePath/default").asText());
        assertEquals("", ApiExporter.export(shop, "shop", "$default", ExportFormat.OAS30, null)
                .at("/servers/0/variables/basePath/default").asText());
        assertEquals(List.of("openapi", "info", "servers", "paths", "components", "x-amazon-apigateway-cors",
                "x-amazon-apigateway-importexport-version"), keys(dev));
        assertEquals("shop", dev.at("/info/title").asText());
        assertEquals("1", dev.at("/info/version").asText());
    }

    @Test
    void everyRouteIsAnOperationWithItsIntegrationAndPathParameters() {
        JsonNode doc = ApiExporter.export(shop, "shop", "dev", ExportFormat.OAS30, null);
        List<String> exported = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getKey().equals("parameters")) {
                return;
            }
            exported.add(op.getValue().path("isDefaultRoute").asBoolean() ? "$default"
                    : (op.getKey().equals("x-amazon-apigateway-any-method") ? "ANY" : op.getKey().toUpperCase(Locale.ROOT))
                    + " " + path.getKey());
            assertEquals("Default response for " + exported.get(exported.size() - 1),
                    op.getValue().at("/responses/default/description").asText());
        }));
        assertEquals(shop.apis().get(0).http().routes().stream().map(HttpRoute::routeKey).sorted().toList(),
                exported.stream().sorted().toList());

        assertEquals("{\"name\":\"proxy+\",\"in\":\"path\",\"description\":\"Generated path parameter for proxy+\","
                + "\"required\":true,\"schema\":{\"type\":\"string\"}}", doc.at("/paths/~1files~1{proxy+}/parameters/0").toString());
        assertTrue(doc.at("/paths/~1$default/x-amazon-apigateway-any-method/isDefaultRoute").asBoolean());
        assertEquals("getPet", doc.at("/paths/~1pets~1{petId}/get/operationId").asText());

        JsonNode mapped = doc.at("/paths/~1mapped~1{id}/post/x-amazon-apigateway-integration");
        assertEquals(List.of("responseParameters", "requestParameters", "payloadFormatVersion", "type", "httpMethod", "uri",
                "connectionType"), keys(mapped));
        assertEquals("${stageVariables.backend}/original", mapped.path("uri").asText(), "stage variables stay as written");
        assertEquals("202", mapped.at("/responseParameters/207/overwrite:statuscode").asText());
        assertEquals("/renamed/$request.path.id", mapped.at("/requestParameters/overwrite:path").asText());
        assertEquals(300, doc.at("/paths/~1slow/get/x-amazon-apigateway-integration/timeoutInMillis").asInt());
        assertFalse(doc.at("/paths/~1limited/get/x-amazon-apigateway-integration").has("timeoutInMillis"), "30000 is the default");
    }

    @Test
    void authorizersAndCorsAreWrittenAsAwsExportsThem() {
        JsonNode doc = ApiExporter.export(shop, "shop", "dev", ExportFormat.OAS30, ExportExtensions.ALL);
        JsonNode schemes = doc.at("/components/securitySchemes");
        assertEquals("{\"type\":\"oauth2\",\"flows\":{},\"x-amazon-apigateway-authorizer\":{\"identitySource\":"
                + "\"$request.querystring.access_token\",\"jwtConfiguration\":{\"audience\":[\"shop-api\"],"
                + "\"issuer\":\"https://auth.partner.example/\"},\"type\":\"jwt\"}}", schemes.path("partners").toString());
        assertEquals("{\"type\":\"apiKey\",\"name\":\"Authorization\",\"in\":\"header\",\"x-amazon-apigateway-authorizer\":"
                + "{\"identitySource\":\"$request.header.Authorization\",\"authorizerUri\":\"arn:aws:apigateway:us-east-1:lambda:"
                + "path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:HttpAuth/invocations\","
                + "\"authorizerPayloadFormatVersion\":\"2.0\",\"authorizerResultTtlInSeconds\":300,\"type\":\"request\","
                + "\"enableSimpleResponses\":true}}", schemes.path("simple").toString());
        assertEquals("awsSigv4", schemes.at("/sigv4/x-amazon-apigateway-authtype").asText());
        assertEquals("[{\"users\":[\"orders/write\",\"orders/admin\"]}]", doc.at("/paths/~1jwt~1write/get/security").toString());
        assertEquals("[{\"sigv4\":[]}]", doc.at("/paths/~1admin/get/security").toString());
        assertEquals("{\"allowMethods\":[\"GET\",\"POST\"],\"allowHeaders\":[\"content-type\",\"authorization\"],"
                + "\"exposeHeaders\":[\"x-echo-calls\"],\"maxAge\":600,\"allowCredentials\":true,"
                + "\"allowOrigins\":[\"https://shop.example.com\"]}", doc.path("x-amazon-apigateway-cors").toString());
        assertEquals("1.0", doc.path("x-amazon-apigateway-importexport-version").asText());
    }

    @Test
    void withoutExtensionsOnlyThePlainOpenApiIsLeft() {
        JsonNode doc = ApiExporter.export(shop, "shop", "dev", ExportFormat.OAS30, ExportExtensions.NONE);
        String text = doc.toString();
        for (String extension : List.of("x-amazon-apigateway-integration", "x-amazon-apigateway-authorizer",
                "x-amazon-apigateway-authtype", "x-amazon-apigateway-cors", "x-amazon-apigateway-importexport-version")) {
            assertFalse(text.contains(extension), extension);
        }
        assertTrue(doc.at("/paths/~1$default/x-amazon-apigateway-any-method/isDefaultRoute").asBoolean(),
                "routes stay expressible: ANY and $default keep their extension names");
        assertEquals("oauth2", doc.at("/components/securitySchemes/users/type").asText());
    }

    @Test
    void anHttpApiHasNoSwaggerExportAndItsExtensionsComeWhole() {
        ExportException swagger = assertThrows(ExportException.class,
                () -> ApiExporter.export(conformance, "http", "beta", ExportFormat.SWAGGER, null));
        assertEquals(ExportException.Reason.OPTION_NOT_SUPPORTED, swagger.reason());
        assertEquals("API http is an HTTP API; HTTP APIs export as OpenAPI 3.0 only (oas30), not swagger", swagger.getMessage());
        ExportException part = assertThrows(ExportException.class,
                () -> ApiExporter.export(conformance, "http", "beta", ExportFormat.OAS30, ExportExtensions.parse("integrations")));
        assertTrue(part.getMessage().contains("all API Gateway extensions or none"), part.getMessage());
    }

    @Test
    void withoutAVersionTheDefinitionsDateIsWrittenAsHttpApiExportsWriteDates(@TempDir Path dir)
            throws Exception {
        Path definition = Files.writeString(dir.resolve("http.yaml"), """
                openapi: 3.0.1
                info: {title: dated}
                paths:
                  /x:
                    get:
                      x-amazon-apigateway-integration:
                        {type: http_proxy, uri: "https://example.com/x", payloadFormatVersion: "1.0"}
                """);
        Project project = ProjectLoader.load(Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - {name: dated, type: HTTP, definition: http.yaml, stages: {$default: {}}}
                """)).project();
        Files.setLastModifiedTime(definition, FileTime.from(Instant.parse("2026-11-26T01:02:03Z")));
        assertEquals("2026-11-26 01:02:03UTC",
                ApiExporter.export(project, null, null, ExportFormat.OAS30, null).at("/info/version").asText());
    }

    @Test
    void anAwsServiceIntegrationIsExportedWithItsSubtypeAndCredentialsAndNoUri() throws Exception {
        Project events = ProjectLoader.load(TestPaths.TESTDATA.resolve("httpapi-aws/api.yaml")).project();
        JsonNode integration = ApiExporter.export(events, "events", "$default", ExportFormat.OAS30, null)
                .at("/paths/~1orders/post/x-amazon-apigateway-integration");
        assertEquals("SQS-SendMessage", integration.path("integrationSubtype").asText(), integration.toString());
        assertEquals("arn:aws:iam::123456789012:role/api-sqs", integration.path("credentials").asText());
        assertEquals("aws_proxy", integration.path("type").asText());
        assertEquals("1.0", integration.path("payloadFormatVersion").asText());
        assertEquals("$request.header.queue", integration.at("/requestParameters/QueueUrl").asText());
        assertFalse(integration.has("uri"), integration.toString());
    }

    @Test
    void aWebSocketApiHasNoExport() throws Exception {
        Project chat = ProjectLoader.load(TestPaths.TESTDATA.resolve("websocket/api.yaml")).project();
        ExportException e = assertThrows(ExportException.class,
                () -> ApiExporter.export(chat, "chat", "dev", ExportFormat.OAS30, null));
        assertEquals(ExportException.Reason.OPTION_NOT_SUPPORTED, e.reason());
        assertEquals("API chat is a WebSocket API; API Gateway exports REST and HTTP APIs only", e.getMessage());
    }
}
