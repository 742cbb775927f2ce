package dev.gwemu.config;

import dev.gwemu.model.Api;
import dev.gwemu.model.Project;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading a project: everything the files say, and every mistake named with file and line. */
class ProjectLoaderTest {
    @TempDir
    Path dir;

    private static final String LAMBDA_URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:%s/invocations";

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Path project(String functionsAndExtra) throws IOException {
        Files.writeString(dir.resolve("handlers.jar"), "not really a jar; the loader only checks it exists");
        return write("api.yaml", """
                apis:
                  - name: petstore
                    definition: openapi.yaml
                    stages:
                      dev: {}
                functions:
                """ + functionsAndExtra);
    }

    private Path openApi(String paths) throws IOException {
        return write("openapi.yaml", "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n" + paths);
    }

    private static String get(String path, String function) {
        return "  " + path + ":\n    get:\n      responses: {}\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        httpMethod: POST\n        uri: "
                + String.format(LAMBDA_URI, function) + "\n";
    }

    private static Problem only(DefinitionException e) {
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void loadsTheConformanceProject() throws Exception {
        ProjectLoader.Loaded loaded = ProjectLoader.load(TestPaths.CONFORMANCE_API);
        Project project = loaded.project();
        assertEquals("us-east-1", project.region());
        assertEquals("123456789012", project.accountId());
        Api api = project.apis().get(0);
        assertEquals("b3kx9p2qde", api.id());
        assertEquals(List.of("image/png", "audio/*", "*/test"), api.binaryMediaTypes());
        assertEquals("live", api.stages().get("prod").variables().get("backendAlias"));
        assertTrue(api.stages().get("dev").variables().isEmpty());
        assertEquals(6, api.resources().get(0).id().length());
        // Swagger 2.0 with x-amazon-apigateway-any-method converts and keeps the extension
        Api second = project.apis().get(1);
        assertTrue(second.resources().stream().anyMatch(r -> r.path().equals("/any/{proxy+}") && r.methods().containsKey("ANY")));
        // /alias uses ${stageVariables.backendAlias}, which stage dev does not set
        assertTrue(loaded.warnings().stream().anyMatch(w -> w.message().contains("backendAlias") && w.message().contains("'dev'")),
                loaded.warnings().toString());
        assertEquals(6, project.functions().get("ContextFn").timeoutSeconds());
        assertEquals(512, project.functions().get("ContextFn").memoryMb());
        assertEquals(3, project.functions().get("Echo").timeoutSeconds());
        assertEquals(128, project.functions().get("Echo").memoryMb());
    }

    @Test
    void defaultApiIdIsStableLowercaseAndTenLong() throws Exception {
        openApi(get("/pets", "GetPet"));
        Path file = project("  GetPet: {jar: handlers.jar, handler: a.B}\n");
        String first = ProjectLoader.load(file).project().apis().get(0).id();
        assertTrue(first.matches("[a-z0-9]{10}"), first);
        assertEquals(first, ProjectLoader.load(file).project().apis().get(0).id());
    }

    @Test
    void unboundFunctionIsNamedWithFileAndLine() throws Exception {
        openApi(get("/pets", "GetPet") + get("/owners", "Nobody"));
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> ProjectLoader.load(project("  GetPet: {jar: handlers.jar, handler: a.B}\n")));
        Problem p = only(e);
        assertEquals(dir.resolve("openapi.yaml"), p.file());
        assertEquals(17, p.line(), p.toString());
        assertTrue(p.message().contains("'Nobody'"), p.message());
    }

    @Test
    void unknownKeyInProjectFileIsAnErrorWithItsLine() throws Exception {
        openApi(get("/pets", "GetPet"));
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> ProjectLoader.load(project("  GetPet: {jar: handlers.jar, handler: a.B, timout: 5}\n")));
        Problem p = only(e);
        assertEquals(dir.resolve("api.yaml"), p.file());
        assertEquals(7, p.line());
        assertTrue(p.message().contains("unknown key 'timout'"), p.message());
    }

    @Test
    void reservedConcurrencyIsReadPerFunctionAndOptional() throws Exception {
        openApi(get("/pets", "GetPet") + get("/owners", "GetOwner"));
        Project project = ProjectLoader.load(project("""
                  GetPet: {jar: handlers.jar, handler: a.B, reservedConcurrency: 2}
                  GetOwner: {jar: handlers.jar, handler: a.B}
                """)).project();
        assertEquals(2, project.functions().get("GetPet").reservedConcurrency());
        assertEquals(null, project.functions().get("GetOwner").reservedConcurrency(), "unreserved: no cap");
    }

    @Test
    void aNodeJsFunctionNamesItsRuntimeAndACodeFolder() throws Exception {
        openApi(get("/pets", "GetPet") + get("/owners", "GetOwner"));
        Files.createDirectories(dir.resolve("js"));
        Project project = ProjectLoader.load(project("""
                  GetPet: {code: js, runtime: nodejs20.x, handler: index.handler}
                  GetOwner: {code: handlers.jar, handler: a.B}
                """)).project();
        assertEquals("nodejs20.x", project.functions().get("GetPet").runtime().id());
        assertTrue(project.functions().get("GetPet").runtime().isNodeJs());
        assertEquals(dir.resolve("js"), project.functions().get("GetPet").code());
        assertEquals("java17", project.functions().get("GetOwner").runtime().id(), "Java when no runtime is given");
    }

    @Test
    void anUnknownRuntimeOrAJarForNodeJsIsAnErrorWithItsLine() throws Exception {
        openApi(get("/pets", "GetPet"));
        Problem runtime = only(assertThrows(DefinitionException.class, () -> ProjectLoader.load(project(
                "  GetPet:\n    code: handlers.jar\n    runtime: python3.12\n    handler: a.b\n"))));
        assertEquals(9, runtime.line(), runtime.toString());
        assertTrue(runtime.message().contains("runtime 'python3.12' is not one of java8.al2, java11, java17, java21, "
                + "nodejs18.x, nodejs20.x, nodejs22.x"), runtime.message());

        Problem jar = only(assertThrows(DefinitionException.class, () -> ProjectLoader.load(project(
                "  GetPet:\n    code: handlers.jar\n    runtime: nodejs20.x\n    handler: index.handler\n"))));
        assertEquals(8, jar.line(), jar.toString());
        assertTrue(jar.message().contains("a nodejs20.x function's code is a folder"), jar.message());

        Problem both = only(assertThrows(DefinitionException.class, () -> ProjectLoader.load(project(
                "  GetPet: {jar: handlers.jar, code: handlers.jar, handler: a.B}\n"))));
        assertTrue(both.message().contains("'code' and 'jar' mean the same"), both.message());
    }

    @Test
    void apiKeysUsagePlansAndStageSettingsAreRead() throws Exception {
        write("openapi.yaml", "openapi: 3.0.1\ninfo: {title: t, version: '1'}\n"
                + "components:\n  securitySchemes:\n    api_key: {type: apiKey, name: x-api-key, in: header}\n"
                + "paths:\n" + get("/pets", "GetPet").replace("      responses: {}\n", "      responses: {}\n      security: [{api_key: []}]\n")
                + get("/open", "GetPet"));
        Path file = write("api.yaml", """
                apis:
                  - name: petstore
                    definition: openapi.yaml
                    stages:
                      prod:
                        throttle: {rateLimit: 100, burstLimit: 50}
                        methodSettings:
                          "/pets/GET": {throttle: {rateLimit: 10, burstLimit: 5}, caching: {enabled: true, ttlSeconds: 60}}
                        cache: {clusterSize: 0.5}
                apiKeys:
                  - {name: alice, value: "alice-key-0123456789abcdef", enabled: true}
                  - {name: bob, enabled: true}
                usagePlans:
                  - name: gold
                    apiStages: [{api: petstore, stage: prod, throttle: {"/pets/GET": {rateLimit: 5, burstLimit: 2}}}]
                    throttle: {rateLimit: 20, burstLimit: 10}
                    quota: {limit: 1000, period: DAY}
                    keys: [alice, bob]
                functions:
                  GetPet: {jar: handlers.jar, handler: a.B}
                """);
        Files.writeString(dir.resolve("handlers.jar"), "x");
        Project project = ProjectLoader.load(file).project();
        Api api = project.apis().get(0);
        assertEquals("HEADER", api.apiKeySource());
        assertTrue(api.resources().stream().filter(r -> r.path().equals("/pets")).findFirst().orElseThrow()
                .methods().get("GET").apiKeyRequired(), "security: [{api_key: []}] is apiKeyRequired");
        assertTrue(!api.resources().stream().filter(r -> r.path().equals("/open")).findFirst().orElseThrow()
                .methods().get("GET").apiKeyRequired());
        dev.gwemu.model.Stage prod = api.stages().get("prod");
        assertEquals(new dev.gwemu.model.Throttle(100, 50), prod.throttle());
        assertEquals(new dev.gwemu.model.Throttle(10, 5), prod.methodSettings().get("/pets/GET").throttle());
        assertEquals(60, prod.methodSettings().get("/pets/GET").cacheTtlSeconds());
        assertEquals(300, prod.cache().ttlSeconds());
        assertEquals("alice-key-0123456789abcdef", project.apiKeys().get(0).value());
        assertTrue(project.apiKeys().get(1).value().matches("[A-Za-z0-9]{40}"), "generated as AWS does");
        assertEquals(1000, project.usagePlans().get(0).quota().limit());
        assertEquals(new dev.gwemu.model.Throttle(5, 2), project.usagePlans().get(0).apiStages().get(0).methodThrottles().get("/pets/GET"));
    }

    @Test
    void usagePlanMistakesAreNamed() throws Exception {
        openApi(get("/pets", "GetPet"));
        Path file = write("api.yaml", """
                apis:
                  - name: petstore
                    definition: openapi.yaml
                    stages: {prod: {}}
                apiKeys:
                  - {name: alice, value: short, enabled: true}
                usagePlans:
                  - name: gold
                    apiStages: [{api: petstore, stage: dev}]
                    quota: {limit: 10, period: YEAR}
                    keys: [carol]
                functions:
                  GetPet: {jar: handlers.jar, handler: a.B}
                """);
        Files.writeString(dir.resolve("handlers.jar"), "x");
        DefinitionException e = assertThrows(DefinitionException.class, () -> ProjectLoader.load(file));
        String all = e.getMessage();
        assertTrue(all.contains(":6: /apiKeys/0/value: an API key value is 20 to 128 characters"), all);
        assertTrue(all.contains(":10: /usagePlans/0/quota/period: a quota period is DAY, WEEK or MONTH, got 'YEAR'"), all);
    }

    @Test
    void aUsagePlanMustNameKnownStagesAndKeysAndAKeyHasOnePlanPerStage() throws Exception {
        openApi(get("/pets", "GetPet"));
        Path file = write("api.yaml", """
                apis:
                  - name: petstore
                    definition: openapi.yaml
                    stages: {prod: {}}
                apiKeys:
                  - {name: alice, enabled: true}
                usagePlans:
                  - name: gold
                    apiStages: [{api: petstore, stage: dev}, {api: petstore, stage: prod}]
                    keys: [carol, alice]
                  - name: silver
                    apiStages: [{api: petstore, stage: prod}]
                    keys: [alice]
                functions:
                  GetPet: {jar: handlers.jar, handler: a.B}
                """);
        Files.writeString(dir.resolve("handlers.jar"), "x");
        String all = assertThrows(DefinitionException.class, () -> ProjectLoader.load(file)).getMessage();
        assertTrue(all.contains("usage plan 'gold': API 'petstore' has no stage 'dev'"), all);
        assertTrue(all.contains("usage plan 'gold': no API key is named 'carol'"), all);
        assertTrue(all.contains("API key 'alice' is in plans 'gold' and 'silver' for the same stage petstore/prod"), all);
    }

    @Test
    void domainAndCanaryMistakesAreNamed() throws Exception {
        openApi(get("/pets", "GetPet"));
        Path file = write("api.yaml", """
                apis:
                  - name: petstore
                    definition: openapi.yaml
                    stages:
                      prod:
                        canary: {percentTraffic: 150}
                domains:
                  - name: api.example.test
                    basePathMappings:
                      - {api: petstore, stage: prod}
                      - {basePath: v1, api: nowhere, stage: prod}
                      - {basePath: v2, api: petstore, stage: dev}
                functions:
                  GetPet: {jar: handlers.jar, handler: a.B}
                """);
        Files.writeString(dir.resolve("handlers.jar"), "x");
        String first = assertThrows(DefinitionException.class, () -> ProjectLoader.load(file)).getMessage();
        assertTrue(first.contains(":6: /apis/0/stages/prod/canary/percentTraffic: percentTraffic is a number from 0.0 to 100.0"), first);
        Files.writeString(file, Files.readString(file).replace("percentTraffic: 150", "percentTraffic: 15"));
        String all = assertThrows(DefinitionException.class, () -> ProjectLoader.load(file)).getMessage();
        assertTrue(all.contains("no API is named 'nowhere'"), all);
        assertTrue(all.contains("API 'petstore' has no stage 'dev'"), all);
        assertTrue(all.contains("only one base path mapping is allowed when one has the empty base path"), all);
    }

    @Test
    void reservedConcurrencyZeroIsAllowed() throws Exception {
        openApi(get("/pets", "GetPet"));
        Project project = ProjectLoader.load(project("  GetPet: {jar: handlers.jar, handler: a.B, reservedConcurrency: 0}\n")).project();
        assertEquals(0, project.functions().get("GetPet").reservedConcurrency());
    }

    @Test
    void reservedConcurrencyOutOfRangeNamesTheLine() throws Exception {
        openApi(get("/pets", "GetPet"));
        for (String bad : List.of("1001", "-1", "2.5", "lots")) {
            DefinitionException e = assertThrows(DefinitionException.class, () -> ProjectLoader.load(project(
                    "  GetPet:\n    jar: handlers.jar\n    handler: a.B\n    reservedConcurrency: " + bad + "\n")));
            Problem p = only(e);
            assertEquals(10, p.line(), p.toString());
            assertEquals("/functions/GetPet/reservedConcurrency", p.pointer(), p.toString());
            assertTrue(p.message().contains("from 0 to 1000"), p.message());
        }
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        openApi(get("/pets", "GetPet"));
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> ProjectLoader.load(project("  GetPet: {jar: missing.jar, handler: a.B, timeout: 901, memorySize: 64}\n")));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("missing.jar does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("1 to 900"), e.getMessage());
        assertTrue(e.getMessage().contains("128 to 10240"), e.getMessage());
    }

    @Test
    void invalidYamlNamesTheLine() throws Exception {
        Path file = write("api.yaml", "apis:\n  - name: x\n    stages: [unclosed\n");
        Problem p = only(assertThrows(DefinitionException.class, () -> ProjectLoader.load(file)));
        assertTrue(p.line() >= 3, p.toString());
        assertTrue(p.message().startsWith("not valid YAML"), p.message());
    }

    @Test
    void missingDefinitionFile() throws Exception {
        Path file = project("  GetPet: {jar: handlers.jar, handler: a.B}\n");
        Problem p = only(assertThrows(DefinitionException.class, () -> ProjectLoader.load(file)));
        assertEquals(3, p.line());
        assertTrue(p.message().contains("openapi.yaml does not exist"), p.message());
    }

    @Test
    void methodWithoutIntegrationIsRefusedLikeAwsImport() throws Exception {
        openApi("  /pets:\n    get:\n      responses: {}\n");
        Problem p = only(assertThrows(DefinitionException.class,
                () -> ProjectLoader.load(project("  GetPet: {jar: handlers.jar, handler: a.B}\n"))));
        assertEquals(5, p.line());
        assertTrue(p.message().contains("GET /pets has no x-amazon-apigateway-integration"), p.message());
    }

    @Test
    void anAwsServiceUriThatIsNoArnIsALoadError() throws Exception {
        openApi("  /pets:\n    get:\n      responses: {}\n      x-amazon-apigateway-integration:\n        type: aws\n"
                + "        httpMethod: POST\n        uri: https://sqs.us-east-1.amazonaws.com/123456789012/queue\n");
        Problem p = only(assertThrows(DefinitionException.class,
                () -> ProjectLoader.load(project("  GetPet: {jar: handlers.jar, handler: a.B}\n"))));
        assertEquals(10, p.line());
        assertTrue(p.message().contains("not an AWS service integration uri"), p.message());
    }

    @Test
    void nonProxyMistakesAreNamedWithTheirLines() throws Exception {
        openApi("""
                  /mock:
                    get:
                      responses:
                        '200': {description: ok}
                      x-amazon-apigateway-integration:
                        type: mock
                        passthroughBehavior: sometimes
                        requestParameters:
                          integration.request.body.x: method.request.path.id
                          integration.request.header.X-A: nowhere.at.all
                        responses:
                          '([a-z':
                            statusCode: '200'
                          default:
                            statusCode: '201'
                  /http:
                    get:
                      responses: {}
                      x-amazon-apigateway-integration:
                        type: http
                        uri: ftp://example.com/
                """);
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> ProjectLoader.load(project("  GetPet: {jar: handlers.jar, handler: a.B}\n")));
        String all = e.getMessage();
        assertTrue(all.contains(":10: /paths/~1mock/get/x-amazon-apigateway-integration/passthroughBehavior: 'sometimes' is not one of "
                + "WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER"), all);
        assertTrue(all.contains(":12: ") && all.contains("'integration.request.body.x' is not a mapping target"), all);
        assertTrue(all.contains(":13: ") && all.contains("invalid mapping expression 'nowhere.at.all'"), all);
        assertTrue(all.contains(":15: ") && all.contains("selection pattern '([a-z' is not a Java regular expression"), all);
        assertTrue(all.contains(":24: ") && all.contains("must be an absolute http:// or https:// URL, got 'ftp://example.com/'"), all);
    }

    @Test
    void anIntegrationResponseNeedsItsMethodResponse() throws Exception {
        openApi("  /m:\n    get:\n      responses:\n        '200': {description: ok}\n"
                + "      x-amazon-apigateway-integration:\n        type: mock\n"
                + "        responses:\n          default:\n            statusCode: '201'\n"
                + "            responseParameters: {method.response.header.X-A: \"'a'\"}\n");
        Problem p = only(assertThrows(DefinitionException.class,
                () -> ProjectLoader.load(project("  GetPet: {jar: handlers.jar, handler: a.B}\n"))));
        assertEquals(11, p.line(), p.toString());
        assertTrue(p.message().contains("GET /m: the integration response selects status 201, which the method does not "
                + "declare under 'responses'"), p.message());
    }

    @Test
    void anUnknownRequestValidatorOrGatewayResponseTypeIsAnError() throws Exception {
        write("openapi.yaml", "openapi: 3.0.1\ninfo: {title: t, version: '1'}\n"
                + "x-amazon-apigateway-gateway-responses:\n  NOT_A_TYPE: {statusCode: 400}\n"
                + "paths:\n  /m:\n    get:\n      x-amazon-apigateway-request-validator: strict\n      responses:\n"
                + "        '200': {description: ok}\n      x-amazon-apigateway-integration:\n        type: mock\n"
                + "        requestTemplates: {application/json: '{\"statusCode\": 200}'}\n"
                + "        responses: {default: {statusCode: '200'}}\n");
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> ProjectLoader.load(project("  GetPet: {jar: handlers.jar, handler: a.B}\n")));
        assertTrue(e.getMessage().contains(":4: /x-amazon-apigateway-gateway-responses/NOT_A_TYPE: 'NOT_A_TYPE' is not a gateway response type"),
                e.getMessage());
        assertTrue(e.getMessage().contains(":8: ") && e.getMessage().contains("request validator 'strict' is not declared"),
                e.getMessage());
    }

    @Test
    void aMalformedMappingTemplateNamesItsLine() throws Exception {
        openApi("  /m:\n    get:\n      responses:\n        '200': {description: ok}\n"
                + "      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates:\n"
                + "          application/json: '#if($x) {\"statusCode\": 200}'\n"
                + "        responses: {default: {statusCode: '200'}}\n");
        Problem p = only(assertThrows(DefinitionException.class,
                () -> ProjectLoader.load(project("  GetPet: {jar: handlers.jar, handler: a.B}\n"))));
        assertEquals(11, p.line(), p.toString());
        assertTrue(p.message().contains("mapping template for application/json, template line 1"), p.message());
    }

    @Test
    void invalidResourcePath() throws Exception {
        openApi(get("/pets/{id+}/toys", "GetPet"));
        Problem p = only(assertThrows(DefinitionException.class,
                () -> ProjectLoader.load(project("  GetPet: {jar: handlers.jar, handler: a.B}\n"))));
        assertEquals(4, p.line());
        assertTrue(p.message().contains("must be the last segment"), p.message());
    }

    @Test
    void nonPostLambdaIntegrationMethodIsAWarning() throws Exception {
        openApi(get("/pets", "GetPet").replace("httpMethod: POST", "httpMethod: GET"));
        ProjectLoader.Loaded loaded = ProjectLoader.load(project("  GetPet: {jar: handlers.jar, handler: a.B}\n"));
        assertEquals(1, loaded.warnings().size());
        assertTrue(loaded.warnings().get(0).message().contains("must be POST"));
    }

    @Test
    void inheritEnvironmentTakesVariableNames() throws Exception {
        openApi(get("/pets", "GetPet"));
        Project project = ProjectLoader.load(project("  GetPet: {jar: handlers.jar, handler: a.B, inheritEnvironment: [PATH, HOME]}\n")).project();
        assertEquals(List.of("PATH", "HOME"), project.functions().get("GetPet").inheritEnvironment());
        Problem p = only(assertThrows(DefinitionException.class,
                () -> ProjectLoader.load(project("  GetPet: {jar: handlers.jar, handler: a.B, inheritEnvironment: [PATH, 'not a name']}\n"))));
        assertEquals(7, p.line());
        assertTrue(p.message().contains("'not a name' is not an environment variable name"), p.message());
    }
}
