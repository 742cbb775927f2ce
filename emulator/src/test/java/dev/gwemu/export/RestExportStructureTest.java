package dev.gwemu.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.Api;
import dev.gwemu.model.AuthorizationType;
import dev.gwemu.model.EndpointType;
import dev.gwemu.model.Method;
import dev.gwemu.model.Project;
import dev.gwemu.model.Resource;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every REST API of the petstore sample and the test projects, exported in each format with each extensions value: the
 * document's head names the stage, every served method is there once, and each extension appears exactly when the
 * extensions value asks for it and the API has what it describes.
 */
class RestExportStructureTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<Path, Project> PROJECTS = new HashMap<>();
    private static final List<String> ROOT_EXTENSIONS = List.of("x-amazon-apigateway-gateway-responses",
            "x-amazon-apigateway-policy", "x-amazon-apigateway-request-validators", "x-amazon-apigateway-api-key-source",
            "x-amazon-apigateway-minimum-compression-size", "x-amazon-apigateway-binary-media-types",
            "x-amazon-apigateway-endpoint-configuration");

    static Stream<Arguments> exports() {
        Path petstore = TestPaths.PROJECT_ROOT.resolve("sample-apis/petstore/api.yaml");
        Path security = TestPaths.TESTDATA.resolve("security/api.yaml");
        List<Object[]> apis = List.of(new Object[]{petstore, "petstore", "prod"},
                new Object[]{TestPaths.CONFORMANCE_API, "conformance", "prod"},
                new Object[]{TestPaths.CONFORMANCE_API, "mapping", "dev"},
                new Object[]{security, "secure", "dev"}, new Object[]{security, "keyed", "dev"},
                new Object[]{security, "hostile", "dev"}, new Object[]{security, "internal", "dev"});
        List<Arguments> arguments = new ArrayList<>();
        for (Object[] api : apis) {
            for (ExportFormat format : ExportFormat.values()) {
                for (String extensions : List.of("none", "integrations", "authorizers", "apigateway")) {
                    arguments.add(Arguments.of(api[0], api[1], api[2], format, extensions));
                }
            }
        }
        return arguments.stream();
    }

    private static Project project(Path file) {
        return PROJECTS.computeIfAbsent(file, f -> {
            try {
                return ProjectLoader.load(f).project();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @ParameterizedTest(name = "{1} {2} as {3}, extensions={4}")
    @MethodSource("exports")
    void theExportHasTheStageTheMethodsAndExactlyTheExtensionsAskedFor(Path file, String apiName, String stage,
                                                                       ExportFormat format, String extensionsValue)
            throws IOException {
        Project project = project(file);
        Api api = project.apis().stream().filter(a -> a.name().equals(apiName)).findFirst().orElseThrow();
        ExportExtensions extensions = ExportExtensions.parse(extensionsValue);
        JsonNode written = YAML.readTree(api.definition().toFile());
        // Through the text, as a user gets it: what is checked is what would be saved.
        JsonNode doc = new ObjectMapper().readTree(OutputSyntax.JSON.write(
                ApiExporter.export(project, apiName, stage, format, extensions)));

        String host = api.id() + ".execute-api." + project.region() + ".amazonaws.com";
        if (format == ExportFormat.OAS30) {
            assertEquals("3.0.1", doc.path("openapi").asText());
            assertEquals("https://" + host + "/{basePath}", doc.at("/servers/0/url").asText());
            assertEquals(stage, doc.at("/servers/0/variables/basePath/default").asText());
            assertTrue(doc.path("components").isObject(), "components is always there");
        } else {
            assertEquals("2.0", doc.path("swagger").asText());
            assertEquals(host, doc.path("host").asText());
            assertEquals("/" + stage, doc.path("basePath").asText());
            assertEquals("[\"https\"]", doc.path("schemes").toString());
        }
        assertEquals(apiName, doc.at("/info/title").asText());
        assertEquals(written.at("/info/version").asText(), doc.at("/info/version").asText());

        Set<String> expected = new TreeSet<>();
        for (Resource resource : api.resources()) {
            for (Method method : resource.methods().values()) {
                expected.add(method.httpMethod() + " " + resource.path());
                JsonNode operation = doc.path("paths").path(resource.path())
                        .path(method.httpMethod().equals("ANY") ? "x-amazon-apigateway-any-method"
                                : method.httpMethod().toLowerCase(Locale.ROOT));
                checkOperation(operation, method, extensions, written, resource.path(), doc, format);
            }
        }
        Set<String> exported = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m ->
                exported.add((m.equals("x-amazon-apigateway-any-method") ? "ANY" : m.toUpperCase(Locale.ROOT)) + " " + p.getKey())));
        assertEquals(expected, exported);

        JsonNode schemes = format == ExportFormat.OAS30 ? doc.at("/components/securitySchemes") : doc.path("securityDefinitions");
        for (Iterator<Map.Entry<String, JsonNode>> it = schemes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> scheme = it.next();
            assertEquals("apiKey", scheme.getValue().path("type").asText(), scheme.getKey());
            if (scheme.getKey().equals("api_key")) {
                assertEquals("x-api-key", scheme.getValue().path("name").asText());
                continue;
            }
            assertEquals(extensions.authorizers(), scheme.getValue().has("x-amazon-apigateway-authtype"), scheme.getKey());
            if (!scheme.getKey().equals("sigv4")) {
                assertEquals(extensions.authorizers(), scheme.getValue().has("x-amazon-apigateway-authorizer"), scheme.getKey());
            }
        }

        for (String extension : ROOT_EXTENSIONS) {
            boolean expectedThere = extensions.apiLevel() && switch (extension) {
                case "x-amazon-apigateway-gateway-responses" -> !api.gatewayResponses().isEmpty();
                case "x-amazon-apigateway-policy" -> api.policy() != null;
                case "x-amazon-apigateway-request-validators" -> written.has(extension);
                case "x-amazon-apigateway-api-key-source" -> api.apiKeySource().equals("AUTHORIZER");
                case "x-amazon-apigateway-minimum-compression-size" -> written.has(extension);
                case "x-amazon-apigateway-binary-media-types" -> !api.binaryMediaTypes().isEmpty();
                default -> format == ExportFormat.SWAGGER
                        && (api.endpointType() != EndpointType.EDGE || !api.vpcEndpointIds().isEmpty());
            };
            assertEquals(expectedThere, doc.has(extension), extension);
        }
        checkReferences(doc, doc, format);
    }

    private static void checkOperation(JsonNode operation, Method method, ExportExtensions extensions, JsonNode written,
                                       String path, JsonNode doc, ExportFormat format) {
        assertTrue(operation.isObject(), method.httpMethod() + " " + path);
        JsonNode integration = operation.path("x-amazon-apigateway-integration");
        assertEquals(extensions.integrations(), integration.isObject(), method.httpMethod() + " " + path);
        if (integration.isObject()) {
            assertEquals(method.integration().type().name().toLowerCase(Locale.ROOT), integration.path("type").asText());
            assertEquals(method.integration().uri() == null ? "" : method.integration().uri(), integration.path("uri").asText());
            List<String> keys = new ArrayList<>();
            integration.fieldNames().forEachRemaining(keys::add);
            assertEquals("type", keys.get(keys.size() - 1), "AWS writes the integration's type last");
        }
        JsonNode writtenOperation = written.path("paths").path(path).path(method.httpMethod().equals("ANY")
                ? "x-amazon-apigateway-any-method" : method.httpMethod().toLowerCase(Locale.ROOT));
        boolean validated = writtenOperation.has("x-amazon-apigateway-request-validator")
                || written.has("x-amazon-apigateway-request-validator");
        assertEquals(extensions.apiLevel() && validated, operation.has("x-amazon-apigateway-request-validator"));
        boolean secured = method.apiKeyRequired() || method.authorization().type() != AuthorizationType.NONE;
        assertEquals(secured, operation.has("security"), method.httpMethod() + " " + path);
        JsonNode schemes = format == ExportFormat.OAS30 ? doc.at("/components/securitySchemes") : doc.path("securityDefinitions");
        operation.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(name ->
                assertTrue(schemes.has(name), name + " is declared")));
        assertEquals(method.responses().keySet(), fieldNames(operation.path("responses")));
        operation.path("responses").fields().forEachRemaining(r ->
                assertEquals(r.getKey() + " response", r.getValue().path("description").asText()));
    }

    /** Every $ref points at a model of the format's own section, and that model is there. */
    private static void checkReferences(JsonNode node, JsonNode doc, ExportFormat format) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            String prefix = format == ExportFormat.OAS30 ? "#/components/schemas/" : "#/definitions/";
            assertTrue(ref.startsWith(prefix), ref);
            assertFalse(doc.at(ref.substring(1)).isMissingNode(), ref + " resolves");
        }
        node.forEach(child -> checkReferences(child, doc, format));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
