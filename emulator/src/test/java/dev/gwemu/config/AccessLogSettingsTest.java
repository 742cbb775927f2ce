package dev.gwemu.config;

import dev.gwemu.model.AccessLogSettings;
import dev.gwemu.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stage's {@code accessLogSettings} in api.yaml: what loads, and what is refused with file and line. */
class AccessLogSettingsTest {
    private static final String MOCK_API = """
            openapi: 3.0.1
            info: {title: t, version: '1'}
            paths:
              /ping:
                get:
                  responses: {"200": {description: ok}}
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates: {application/json: '{"statusCode": 200}'}
                    responses: {default: {statusCode: "200"}}
            """;
    private static final String HTTP_API = """
            openapi: 3.0.1
            info: {title: t, version: '1'}
            paths:
              /ping:
                get:
                  x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: 'http://127.0.0.1:9/ping', payloadFormatVersion: "1.0"}
            """;

    @TempDir
    Path dir;

    /** api.yaml with a REST API whose stage dev has {@code settings} (indented under the stage) on line 7. */
    private Path project(String settings) throws IOException {
        Files.writeString(dir.resolve("rest.yaml"), MOCK_API);
        Files.writeString(dir.resolve("http.yaml"), HTTP_API);
        return Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - name: shop
                    definition: rest.yaml
                    stages:
                      dev:
                        accessLogSettings:
                """ + settings.indent(10) + """
                  - name: orders
                    type: HTTP
                    definition: http.yaml
                    stages:
                      $default:
                        accessLogSettings: {format: '$context.requestId $context.routeKey', destination: logs/orders.log}
                """);
    }

    private ProjectLoader.Loaded load(String settings) throws Exception {
        return ProjectLoader.load(project(settings));
    }

    private AccessLogSettings devLog(ProjectLoader.Loaded loaded) {
        return loaded.project().apis().get(0).stages().get("dev").accessLog();
    }

    /** The one problem loading reports, as {@code file:line: pointer: message}. */
    private Problem problem(String settings) throws IOException {
        Path file = project(settings);
        DefinitionException e = assertThrows(DefinitionException.class, () -> ProjectLoader.load(file));
        assertEquals(1, e.problems().size(), e.problems().toString());
        Problem problem = e.problems().get(0);
        assertEquals(file, problem.file());
        return problem;
    }

    @Test
    void aDestinationIsAFileRelativeToApiYamlAndNothingIsWrittenAtLoad() throws Exception {
        ProjectLoader.Loaded loaded = load("format: '$context.requestId $context.status'\ndestination: logs/../logs/dev.log");

        AccessLogSettings log = devLog(loaded);
        assertEquals("$context.requestId $context.status", log.format());
        assertEquals(dir.resolve("logs/dev.log"), log.destination());
        assertEquals(dir.resolve("logs/orders.log"), loaded.project().apis().get(1).stages().get("$default").accessLog().destination());
        assertFalse(Files.exists(dir.resolve("logs")), "validating a project must leave nothing behind");
        assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    }

    @Test
    void aLogGroupArnIsAFileUnderDotGwemuLogs() throws Exception {
        AccessLogSettings log = devLog(load("format: '$context.extendedRequestId'\n"
                + "destinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigateway/shop-dev:*'"));

        assertEquals(dir.resolve(".gwemu/logs/aws/apigateway/shop-dev.log"), log.destination());
    }

    @Test
    void aFormatWithoutARequestIdIsALoadErrorAtItsLine() throws Exception {
        Problem problem = problem("format: '$context.identity.sourceIp $context.status'\ndestination: logs/dev.log");

        assertEquals(7, problem.line());
        assertEquals("/apis/0/stages/dev/accessLogSettings/format", problem.pointer());
        assertTrue(problem.message().contains("$context.requestId or $context.extendedRequestId"), problem.message());
    }

    @Test
    void aFormatOnSeveralLinesIsALoadError() throws Exception {
        Problem problem = problem("format: |\n  $context.requestId\n  $context.status\ndestination: logs/dev.log");

        assertEquals(7, problem.line());
        assertTrue(problem.message().contains("single line"), problem.message());
    }

    @Test
    void theDestinationMustBeGivenOnce() throws Exception {
        assertTrue(problem("format: '$context.requestId'").message().contains("needs 'destination'"));
        Problem both = problem("format: '$context.requestId'\ndestination: a.log\n"
                + "destinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:g'");
        assertTrue(both.message().contains("not both"), both.message());
        assertEquals(6, both.line());
    }

    @Test
    void aDestinationThatCannotBeWrittenIsALoadError() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Problem folder = problem("format: '$context.requestId'\ndestination: logs");
        assertEquals(8, folder.line());
        assertTrue(folder.message().contains("is a folder"), folder.message());

        Problem underAFile = problem("format: '$context.requestId'\ndestination: rest.yaml/dev.log");
        assertTrue(underAFile.message().contains("rest.yaml is not a folder"), underAFile.message());
    }

    @Test
    void anArnThatIsNoLogGroupIsALoadError() throws Exception {
        Problem firehose = problem("format: '$context.requestId'\n"
                + "destinationArn: arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-shop");
        assertTrue(firehose.message().contains("Firehose destinations are not served"), firehose.message());

        Problem climbing = problem("format: '$context.requestId'\n"
                + "destinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/../../outside'");
        assertTrue(climbing.message().contains("not a log group name"), climbing.message());
    }

    @Test
    void unknownKeysAreRefused() throws Exception {
        Problem problem = problem("format: '$context.requestId'\ndestination: a.log\nformats: csv");

        assertEquals("/apis/0/stages/dev/accessLogSettings/formats", problem.pointer());
    }

    @Test
    void variablesApiGatewayDoesNotKnowOrGwemuCannotFillAreWarnedAbout() throws Exception {
        List<Problem> warnings = load("format: '$context.requestId $context.stauts $context.routeKey $context.xrayTraceId "
                + "$context.waf.status $context.status'\ndestination: logs/dev.log").warnings();

        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).message().contains("$context.stauts, $context.routeKey for REST API"), warnings.get(0).message());
        assertTrue(warnings.get(1).message().contains("$context.xrayTraceId, $context.waf.status"), warnings.get(1).message());
        assertEquals(7, warnings.get(0).line());
    }

    @Test
    void aWebSocketStageHasNoAccessLogHere() throws Exception {
        Path file = Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - name: chat
                    type: WEBSOCKET
                    routeSelectionExpression: $request.body.action
                    stages:
                      dev:
                        accessLogSettings: {format: '$context.requestId', destination: chat.log}
                    routes:
                      $default: {mock: {responseTemplate: '{}'}}
                """);
        DefinitionException e = assertThrows(DefinitionException.class, () -> ProjectLoader.load(file));

        assertTrue(e.getMessage().contains("accessLogSettings are not served for WebSocket APIs"), e.getMessage());
    }
}
