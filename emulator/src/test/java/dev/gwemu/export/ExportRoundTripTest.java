package dev.gwemu.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.Gateway;
import dev.gwemu.config.Problem;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.config.RouteListing;
import dev.gwemu.mapping.ParameterSource;
import dev.gwemu.model.Api;
import dev.gwemu.model.Integration;
import dev.gwemu.model.IntegrationResponse;
import dev.gwemu.model.Method;
import dev.gwemu.model.MethodAuthorization;
import dev.gwemu.model.Project;
import dev.gwemu.model.Resource;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An exported definition, saved next to a copy of its project file, loads back into gwemu as the same API: the same
 * routes ({@code gwemu routes}' rows), the same methods down to templates, validators and authorizers, and the same
 * answers from the gateway.
 */
class ExportRoundTripTest {
    private static final Path PETSTORE = TestPaths.PROJECT_ROOT.resolve("sample-apis/petstore/api.yaml");
    private static final Path SECURITY = TestPaths.TESTDATA.resolve("security/api.yaml");
    private static final Path HTTP = TestPaths.TESTDATA.resolve("httpapi/api.yaml");

    @TempDir
    Path dir;

    static Stream<Arguments> exports() {
        return Stream.of(
                Arguments.of(PETSTORE, "petstore", "dev", ExportFormat.OAS30, "apigateway", OutputSyntax.YAML),
                Arguments.of(PETSTORE, "petstore", "prod", ExportFormat.SWAGGER, "integrations", OutputSyntax.JSON),
                Arguments.of(TestPaths.CONFORMANCE_API, "conformance", "prod", ExportFormat.SWAGGER, "apigateway", OutputSyntax.YAML),
                Arguments.of(TestPaths.CONFORMANCE_API, "mapping", "dev", ExportFormat.OAS30, "apigateway", OutputSyntax.JSON),
                Arguments.of(TestPaths.CONFORMANCE_API, "mapping", "dev", ExportFormat.SWAGGER, "apigateway", OutputSyntax.YAML),
                Arguments.of(SECURITY, "secure", "dev", ExportFormat.OAS30, "apigateway", OutputSyntax.YAML),
                Arguments.of(SECURITY, "guarded", "dev", ExportFormat.SWAGGER, "apigateway", OutputSyntax.JSON),
                Arguments.of(SECURITY, "keyed", "dev", ExportFormat.SWAGGER, "integrations,authorizers,apigateway", OutputSyntax.YAML),
                Arguments.of(SECURITY, "internal", "dev", ExportFormat.OAS30, "apigateway", OutputSyntax.YAML),
                Arguments.of(HTTP, "shop", "dev", ExportFormat.OAS30, "apigateway", OutputSyntax.YAML),
                Arguments.of(TestPaths.CONFORMANCE_API, "http", "$default", ExportFormat.OAS30, "apigateway", OutputSyntax.JSON));
    }

    private Project reloaded(Path file, String api, String stage, ExportFormat format, String extensions,
                             OutputSyntax syntax) throws Exception {
        Project original = ProjectLoader.load(file).project();
        String text = syntax.write(ApiExporter.export(original, api, stage, format, ExportExtensions.parse(extensions)));
        Path copy = ProjectWithExport.write(file, api, text, "exported." + syntax.name().toLowerCase(), dir);
        ProjectLoader.Loaded loaded = ProjectLoader.load(copy);
        Path definition = api(original, api).definition();
        List<String> before = ProjectLoader.load(file).warnings().stream().filter(w -> definition.equals(w.file()))
                .map(Problem::message).toList();
        // gwemu's own warnings (those with a JSON pointer); swagger-parser's schema remarks on what the definition left
        // out (an operation without responses, an undeclared path parameter) differ between OpenAPI 3 and Swagger 2.
        List<String> added = loaded.warnings().stream().filter(w -> w.file().getFileName().toString().startsWith("exported."))
                .filter(w -> !w.pointer().isEmpty()).map(Problem::message).filter(m -> !before.contains(m)).toList();
        assertEquals(List.of(), added, "the exported definition loads without a warning the original did not have");
        return loaded.project();
    }

    @ParameterizedTest(name = "{1} {2} as {3} {5}, extensions={4}")
    @MethodSource("exports")
    void theExportLoadsBackAsTheSameApi(Path file, String api, String stage, ExportFormat format, String extensions,
                                        OutputSyntax syntax) throws Exception {
        Project original = ProjectLoader.load(file).project();
        Project reloaded = reloaded(file, api, stage, format, extensions, syntax);
        assertEquals(rows(original, api), rows(reloaded, api));
        Api before = api(original, api);
        Api after = api(reloaded, api);
        if (before.http() != null) {
            assertEquals(before.http(), after.http());
            return;
        }
        assertEquals(summary(before), summary(after));
    }

    @Test
    void theReloadedApiAnswersAsTheOriginalDoes() throws Exception {
        Project original = ProjectLoader.load(TestPaths.CONFORMANCE_API).project();
        Project reloaded = reloaded(TestPaths.CONFORMANCE_API, "mapping", "dev", ExportFormat.SWAGGER, "apigateway",
                OutputSyntax.YAML);
        List<HttpRequest> requests = List.of(
                request("GET", "/dev/mock/status/404", "", "", "Accept", "application/json"),
                request("GET", "/dev/mock/status/200", "", "", "Accept", "application/json"),
                request("POST", "/dev/validated/7", "q=1", "{\"name\": \"\"}", "x-key", "k"),
                request("POST", "/dev/validated/7", "", "{\"name\": \"Rex\"}", "x-key", "k"),
                request("POST", "/dev/validated/7", "q=1", "{\"name\": \"Rex\"}", "x-key", "k"),
                request("GET", "/dev/no/such/route", "", "", "Accept", "application/json"),
                request("GET", "/dev/mock/binary", "", "", "Accept", "image/png"));
        try (Gateway before = Gateway.create(original, Clock.systemUTC(), null);
             Gateway after = Gateway.create(reloaded, Clock.systemUTC(), null)) {
            List<Integer> statuses = new ArrayList<>();
            for (HttpRequest request : requests) {
                HttpResponse expected = before.handle(request);
                HttpResponse actual = after.handle(request);
                String what = request.method() + " " + request.rawPath() + "?" + request.rawQuery();
                assertEquals(expected.status(), actual.status(), what);
                assertEquals(new String(expected.body(), StandardCharsets.UTF_8), new String(actual.body(), StandardCharsets.UTF_8), what);
                assertEquals(expected.headers().first("Content-Type"), actual.headers().first("Content-Type"), what);
                statuses.add(actual.status());
            }
            // The requests reach templates, validation, gateway responses and binary handling, not only 404s.
            assertEquals(List.of(404, 200, 422, 400, 200, 404, 200), statuses);
        }
    }

    private static HttpRequest request(String method, String path, String query, String body, String header, String value) {
        HeaderList headers = new HeaderList().add("Host", "m4pp1ngapi.execute-api.localhost").add(header, value);
        if (!body.isEmpty()) {
            headers.add("Content-Type", "application/json");
        }
        return new HttpRequest(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1",
                "http", 0);
    }

    private static Api api(Project project, String name) {
        return project.apis().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<RouteListing.Row> rows(Project project, String api) {
        return RouteListing.of(project).stream().filter(r -> r.api().equals(api)).toList();
    }

    /** What a REST API serves, as text that compares: the model's records hold compiled templates without equality. */
    private static Map<String, String> summary(Api api) {
        Map<String, String> summary = new TreeMap<>();
        summary.put("api", api.endpointType() + " " + api.vpcEndpointIds() + " " + api.apiKeySource() + " "
                + api.binaryMediaTypes() + " " + (api.policy() == null ? null : json(api.policy())));
        api.gatewayResponses().forEach((type, spec) -> summary.put("gateway response " + type, spec.statusCode() + " "
                + sources(spec.responseParameters()) + " " + texts(spec.responseTemplates(), t -> t.text())));
        for (Resource resource : api.resources()) {
            for (Method method : resource.methods().values()) {
                Integration i = method.integration();
                MethodAuthorization auth = method.authorization();
                StringBuilder text = new StringBuilder()
                        .append(method.operationName()).append(' ').append(method.requestParameters()).append(' ')
                        .append(method.validator() != null).append(' ').append(method.apiKeyRequired()).append(' ')
                        .append(auth.type()).append(' ').append(auth.authorizer()).append(' ').append(auth.scopes()).append('\n')
                        .append(i.type()).append(' ').append(i.uri()).append(' ').append(i.httpMethod()).append(' ')
                        .append(i.timeoutMillis()).append(' ').append(sources(i.requestParameters())).append(' ')
                        .append(texts(i.requestTemplates(), t -> t.text())).append(' ').append(i.passthroughBehavior()).append(' ')
                        .append(i.contentHandling()).append(' ').append(i.cacheKeyParameters()).append(' ').append(i.cacheNamespace());
                for (IntegrationResponse r : i.responses()) {
                    text.append("\n  ").append(r.isDefault() ? "default" : r.selectionPattern().pattern()).append(' ')
                            .append(r.statusCode()).append(' ').append(sources(r.responseParameters())).append(' ')
                            .append(texts(r.responseTemplates(), t -> t.text())).append(' ').append(r.contentHandling());
                }
                method.responses().forEach((status, response) -> text.append("\n  method response ").append(status).append(' ')
                        .append(new TreeMap<>(response.responseParameters())));
                summary.put(method.httpMethod() + " " + resource.path(), text.toString());
            }
        }
        return summary;
    }

    private static String sources(Map<String, ParameterSource> sources) {
        Map<String, String> out = new TreeMap<>();
        sources.forEach((k, v) -> out.put(k, v.expression()));
        return out.toString();
    }

    private static <T> String texts(Map<String, T> templates, Function<T, String> text) {
        Map<String, String> out = new TreeMap<>();
        templates.forEach((k, v) -> out.put(k, text.apply(v)));
        return out.toString();
    }

    private static String json(String text) {
        try {
            return new ObjectMapper().readTree(text).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
