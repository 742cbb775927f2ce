package dev.gwemu.cli;

import dev.gwemu.config.DefinitionException;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.export.ApiExporter;
import dev.gwemu.export.ExportException;
import dev.gwemu.export.ExportExtensions;
import dev.gwemu.export.ExportFormat;
import dev.gwemu.export.OutputSyntax;
import dev.gwemu.model.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gwemu export}: one API stage's definition as API Gateway's export writes it. */
@Command(name = "export",
        header = "Prints an API stage's definition as API Gateway's export writes it.",
        mixinStandardHelpOptions = true,
        description = {
                "Prints the definition of one stage of an API as API Gateway exports it. A REST",
                "API comes out as 'aws apigateway get-export --export-type oas30|swagger",
                "--parameters extensions=...' writes it: OpenAPI 3.0.1 or Swagger 2.0, the stage",
                "as the server's basePath (or host and basePath), every method with its",
                "parameters, models and method responses, and the x-amazon-apigateway-*",
                "extensions asked for. An HTTP API comes out as 'aws apigatewayv2 export-api",
                "--specification OAS30 --stage-name S' writes it, with all extensions (the",
                "default) or none. Stage variables are left as written. The file loads back",
                "into gwemu (and into API Gateway) as the same API.",
                ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the definition was printed (or written to --out)",
                "1:the project could not be loaded, --out could not be written, or the API cannot be written in the format (a request body with only non-JSON models)",
                "2:bad options: no such API or stage, a WebSocket API, or a format or extensions value the API's kind has no export for"},
        footerHeading = "%nExamples:%n",
        footer = {"  gwemu export sample-apis/petstore/api.yaml --stage dev",
                "  gwemu export api.yaml --api petstore --stage prod --format swagger \\",
                "               --extensions apigateway --accept yaml --out petstore-prod.yaml",
                "  gwemu export http-api.yaml --api shop --stage '$default' --extensions none"},
        sortOptions = false)
final class ExportCommand implements Callable<Integer> {
    @Mixin
    ProjectFileParameter projectFile;

    @Option(names = "--api", paramLabel = "NAME", description = "the API's name in api.yaml (needed when it has several)")
    String api;

    @Option(names = "--stage", paramLabel = "STAGE", description = "the stage to export (needed when the API has several)")
    String stage;

    @Option(names = "--format", paramLabel = "oas30|swagger", defaultValue = "oas30",
            description = "OpenAPI 3.0 (oas30, the default) or Swagger 2.0 (swagger, REST APIs only)")
    String format;

    @Option(names = "--extensions", paramLabel = "VALUE", description = "which x-amazon-apigateway-* extensions to"
            + " include, comma-separated: integrations (each method's integration), authorizers (the authorizers behind the"
            + " security schemes), apigateway (both, and the API-wide ones: request validators, gateway responses, binary"
            + " media types, policy, ...) or none. Default: none for a REST API, all for an HTTP API, as in AWS; an HTTP API"
            + " takes apigateway or none. postman is not supported yet.")
    String extensions;

    @Option(names = "--accept", paramLabel = "json|yaml", defaultValue = "json",
            description = "the output's syntax (default: json; application/json and application/yaml also work)")
    String accept;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "write the definition to FILE instead of standard output")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Project project;
        try {
            project = ProjectLoader.load(projectFile.file).project();
        } catch (DefinitionException e) {
            err.println("gwemu export: cannot load " + projectFile.file + ":");
            e.problems().forEach(p -> err.println("  " + p));
            return 1;
        }
        String text;
        try {
            OutputSyntax syntax = OutputSyntax.parse(accept);
            text = syntax.write(ApiExporter.export(project, api, stage, ExportFormat.parse(format),
                    extensions == null ? null : ExportExtensions.parse(extensions)));
        } catch (ExportException e) {
            err.println("gwemu export: " + e.getMessage());
            return e.reason() == ExportException.Reason.NOT_EXPORTABLE ? 1 : 2;
        }
        if (out == null) {
            stdout.print(text);
            stdout.flush();
            return 0;
        }
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("gwemu export: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
        stdout.println(out);
        return 0;
    }
}
