package dev.gwemu.cli;

import dev.gwemu.config.DefinitionException;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.config.RouteListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gwemu routes}: a table of every route a project serves. */
@Command(name = "routes",
        header = "Prints a table of every API, stage and route with its integration and authorization.",
        description = {
                "Prints one line per API, stage and route: the method (WS for WebSocket",
                "routes), the path or route key, the integration (with the Lambda function",
                "each stage calls), who may call it (NONE, AWS_IAM, COGNITO_USER_POOLS,",
                "CUSTOM, JWT, with the authorizer's name and scopes) and whether an API key",
                "is required.",
                ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the table was printed", "1:the project could not be loaded (see 'gwemu validate')"},
        footerHeading = "%nExamples:%n",
        footer = {"  gwemu routes sample-apis/team-docs/api.yaml"})
final class RoutesCommand implements Callable<Integer> {
    private static final List<String> HEADER = List.of("API", "STAGE", "METHOD", "PATH", "INTEGRATION", "AUTHORIZATION",
            "API KEY");

    @Mixin
    ProjectFileParameter projectFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<RouteListing.Row> rows;
        try {
            rows = RouteListing.of(ProjectLoader.load(projectFile.file).project());
        } catch (DefinitionException e) {
            PrintWriter err = spec.commandLine().getErr();
            e.problems().forEach(p -> err.println("error: " + p));
            return 1;
        }
        List<List<String>> table = new ArrayList<>();
        table.add(HEADER);
        for (RouteListing.Row row : rows) {
            table.add(List.of(row.api(), row.stage(), row.method(), row.path(), row.integration(), row.authorization(),
                    row.apiKeyRequired() ? "required" : "-"));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> line : table) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (List<String> line : table) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                text.append(i == widths.length - 1 ? line.get(i) : String.format("%-" + (widths[i] + 2) + "s", line.get(i)));
            }
            out.println(text.toString().stripTrailing());
        }
        return 0;
    }
}
