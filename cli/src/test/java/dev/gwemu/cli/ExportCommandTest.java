package dev.gwemu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gwemu export}, run in-process with its real arguments: what it prints, writes and exits with. */
class ExportCommandTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path PETSTORE = ROOT.resolve("sample-apis/petstore/api.yaml");
    private static final Path HTTP = ROOT.resolve("testdata/httpapi/api.yaml");

    @TempDir
    Path dir;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    private int gwemu(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        // Registered here: adding the subcommand to GwemuCommand's list is the lead's to do.
        CommandLine gwemu = GwemuCommand.commandLine();
        gwemu.setOut(new PrintWriter(out, true));
        gwemu.setErr(new PrintWriter(err, true));
        return gwemu.execute(args);
    }

    @Test
    void printsTheStageAsOpenApiJsonWithoutExtensionsByDefault() throws Exception {
        assertEquals(0, gwemu("export", PETSTORE.toString(), "--stage", "prod"), err.toString());
        assertEquals("", err.toString());
        assertTrue(out.toString().startsWith("{\n  \"openapi\" : \"3.0.1\",\n"), out.toString());
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals("prod", doc.at("/servers/0/variables/basePath/default").asText());
        assertEquals("https://abc123defg.execute-api.us-east-1.amazonaws.com/{basePath}", doc.at("/servers/0/url").asText());
        assertEquals("petstore", doc.at("/info/title").asText());
        assertFalse(out.toString().contains("x-amazon-apigateway-integration"), "no extensions unless asked for");
    }

    @Test
    void writesSwaggerYamlWithExtensionsToAFile() throws Exception {
        Path file = dir.resolve("petstore.yaml");
        assertEquals(0, gwemu("export", PETSTORE.toString(), "--api", "petstore", "--stage", "dev", "--format", "swagger",
                "--extensions", "apigateway", "--accept", "yaml", "--out", file.toString()), err.toString());
        assertEquals(file + "\n", out.toString());
        String text = Files.readString(file);
        assertTrue(text.startsWith("---\nswagger: \"2.0\"\n"), text);
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(text);
        assertEquals("/dev", doc.path("basePath").asText());
        assertEquals("aws_proxy", doc.at("/paths/~1pets/get/x-amazon-apigateway-integration/type").asText());
        assertEquals("#/definitions/NewPet", doc.at("/paths/~1pets/post/parameters/0/schema/$ref").asText());
    }

    @Test
    void theExportedFileServesTheSameRoutes() throws Exception {
        assertEquals(0, gwemu("routes", PETSTORE.toString()), err.toString());
        String routes = out.toString();
        assertEquals(0, gwemu("export", PETSTORE.toString(), "--stage", "dev", "--extensions", "apigateway", "--accept", "yaml",
                "--out", dir.resolve("openapi.yaml").toString()), err.toString());
        Path copy = Files.writeString(dir.resolve("api.yaml"), Files.readString(PETSTORE)
                .replace("../target/", ROOT.resolve("sample-apis/target") + "/"));
        assertEquals(0, gwemu("routes", copy.toString()), err.toString());
        assertEquals(routes, out.toString());
        assertEquals(7, routes.lines().count(), routes); // a header and three routes in each of two stages
    }

    @Test
    void anHttpApiExportsAsOas30WithAllExtensionsOrNone() throws Exception {
        assertEquals(0, gwemu("export", HTTP.toString(), "--api", "shop", "--stage", "$default"), err.toString());
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals("", doc.at("/servers/0/variables/basePath/default").asText());
        assertEquals("1.0", doc.path("x-amazon-apigateway-importexport-version").asText());
        assertEquals(0, gwemu("export", HTTP.toString(), "--api", "shop", "--stage", "dev", "--extensions", "none"));
        assertFalse(out.toString().contains("x-amazon-apigateway-integration"), out.toString());

        assertEquals(2, gwemu("export", HTTP.toString(), "--api", "shop", "--stage", "dev", "--format", "swagger"));
        assertEquals("gwemu export: API shop is an HTTP API; HTTP APIs export as OpenAPI 3.0 only (oas30), not swagger\n",
                err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void anUnknownApiOrStageIsABadOptionThatSaysWhatThereIs() {
        assertEquals(2, gwemu("export", PETSTORE.toString(), "--api", "pets", "--stage", "dev"));
        assertEquals("gwemu export: api.yaml has no API named 'pets'; its APIs: petstore\n", err.toString());
        assertEquals(2, gwemu("export", PETSTORE.toString(), "--stage", "qa"));
        assertEquals("gwemu export: API petstore has no stage 'qa'; its stages: dev, prod\n", err.toString());
        assertEquals(2, gwemu("export", PETSTORE.toString()));
        assertTrue(err.toString().contains("has 2 stages; name one with --stage (dev, prod)"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void formatsExtensionsAndSyntaxesWithoutAnExportAreBadOptions() {
        assertEquals(2, gwemu("export", PETSTORE.toString(), "--stage", "dev", "--format", "raml"));
        assertTrue(err.toString().contains("the export format is oas30 or swagger, got 'raml'"), err.toString());
        assertEquals(2, gwemu("export", PETSTORE.toString(), "--stage", "dev", "--extensions", "postman"));
        assertTrue(err.toString().contains("extensions=postman (Postman's own extensions) is not supported yet"), err.toString());
        assertEquals(2, gwemu("export", PETSTORE.toString(), "--stage", "dev", "--accept", "xml"));
        assertTrue(err.toString().contains("json or yaml"), err.toString());
    }

    @Test
    void aProjectThatDoesNotLoadOrAnApiThatCannotBeExportedExitsOne() throws Exception {
        Path broken = Files.writeString(dir.resolve("api.yaml"), "apis:\n  - {name: x, definition: missing.yaml, stages: {dev: {}}}\n");
        assertEquals(1, gwemu("export", broken.toString()));
        assertTrue(err.toString().startsWith("gwemu export: cannot load " + broken + ":\n"), err.toString());
        assertTrue(err.toString().contains("missing.yaml does not exist"), err.toString());

        Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.0.1
                info: {title: notes, version: '1'}
                paths:
                  /notes:
                    post:
                      requestBody: {content: {text/plain: {schema: {type: string}}}}
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: "200"}}}
                """);
        Path notes = Files.writeString(dir.resolve("api.yaml"), "apis:\n  - {name: notes, definition: openapi.yaml, stages: {dev: {}}}\n");
        assertEquals(1, gwemu("export", notes.toString()));
        assertTrue(err.toString().startsWith("gwemu export: Only found non-JSON body models for POST /notes (text/plain)"),
                err.toString());
    }

    @Test
    void helpReadsLikeAManPage() {
        assertEquals(0, gwemu("export", "--help"));
        String help = out.toString();
        for (String part : new String[]{"Usage: gwemu export [-hV]", "[FILE]", "--format=oas30|swagger",
                "--extensions=VALUE", "--accept=json|yaml", "-o, --out=FILE", "Exit codes:", "Examples:",
                "aws apigateway get-export"}) {
            assertTrue(help.contains(part), part + " in\n" + help);
        }
    }
}
