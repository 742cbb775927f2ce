package dev.gwemu.cli;

import dev.gwemu.config.RouteListing;
import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.DomainSpec;
import dev.gwemu.model.FunctionSpec;
import dev.gwemu.model.Project;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What {@code gwemu start} prints before serving: a count line, each API stage's URL with the API's routes beneath
 * it (as {@code gwemu routes} lists them, for its first stage), custom domain URLs and the functions with their code.
 */
final class StartupSummary {
    private final Project project;
    private final int warnings;

    StartupSummary(Project project, int warnings) {
        this.project = project;
        this.warnings = warnings;
    }

    /** {@code 2 APIs, 3 stages, 9 routes, 2 functions, 1 warning}. */
    String counts() {
        int stages = project.apis().stream().mapToInt(a -> a.stages().size()).sum();
        long routes = firstStageRows().size();
        return count(project.apis().size(), "API") + ", " + count(stages, "stage") + ", " + count((int) routes, "route")
                + ", " + count(project.functions().size(), "function") + ", " + count(warnings, "warning");
    }

    /**
     * @param base   where the first API is served, e.g. {@code http://127.0.0.1:3000}
     * @param scheme {@code http} or {@code https}
     * @param reach  how a client reaches a custom domain of this name (a curl option or a Host header to send)
     */
    void print(PrintStream out, String base, String scheme, int port, Function<String, String> reach) {
        List<RouteListing.Row> rows = firstStageRows();
        boolean firstApi = true;
        for (Api api : project.apis()) {
            for (String stage : api.stages().keySet()) {
                // An HTTP API's $default stage is served at the root (data-plane.md §3.1).
                String path = stage.equals("$default") ? "/" : "/" + stage;
                String url = (firstApi ? base : scheme + "://" + api.id() + ".execute-api.localhost:" + port) + path;
                out.println(urlLine(api, stage, url));
            }
            printRoutes(out, api, rows);
            firstApi = false;
        }
        for (DomainSpec domain : project.domains()) {
            for (DomainSpec.BasePathMapping mapping : domain.mappings()) {
                out.println(scheme + "://" + domain.name() + ":" + port + "/" + mapping.basePath()
                        + "  (" + mapping.api() + ", " + (mapping.stage() == null ? "stage from the path" : "stage " + mapping.stage())
                        + "; custom domain: " + reach.apply(domain.name()) + ")");
            }
        }
        for (FunctionSpec function : project.functions().values()) {
            out.println("function " + function.name() + "  (" + function.runtime().id() + ", " + function.handler() + ", "
                    + relative(function.code()) + ")");
        }
    }

    private static String urlLine(Api api, String stage, String url) {
        if (api.type() == ApiType.WEBSOCKET) {
            return url.replaceFirst("^http", "ws") + "  (" + api.name() + ", WebSocket API, stage " + stage
                    + "; @connections at " + url + "/@connections/{connectionId})";
        }
        return url + "  (" + api.name() + (api.type() == ApiType.HTTP ? ", HTTP API" : "") + ", stage " + stage + ")";
    }

    /** The API's routes, aligned, as its first stage serves them (stage variables may name other functions elsewhere). */
    private static void printRoutes(PrintStream out, Api api, List<RouteListing.Row> rows) {
        List<RouteListing.Row> mine = rows.stream().filter(r -> r.api().equals(api.name())).toList();
        int method = mine.stream().mapToInt(r -> r.method().length()).max().orElse(0);
        int path = mine.stream().mapToInt(r -> r.path().length()).max().orElse(0);
        for (RouteListing.Row row : mine) {
            String auth = row.authorization().equals("NONE") ? "" : "  " + row.authorization();
            out.println(("  " + pad(row.method(), method) + "  " + pad(row.path(), path) + "  " + row.integration() + auth
                    + (row.apiKeyRequired() ? "  API key" : "")).stripTrailing());
        }
    }

    private List<RouteListing.Row> firstStageRows() {
        List<RouteListing.Row> all = RouteListing.of(project);
        List<RouteListing.Row> rows = new ArrayList<>();
        for (Api api : project.apis()) {
            String first = api.stages().keySet().stream().findFirst().orElse(null);
            all.stream().filter(r -> r.api().equals(api.name()) && r.stage().equals(first)).forEach(rows::add);
        }
        return rows;
    }

    private String relative(Path code) {
        Path folder = project.file().toAbsolutePath().getParent();
        Path absolute = code.toAbsolutePath().normalize();
        return absolute.startsWith(folder) ? folder.relativize(absolute).toString() : absolute.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
