package dev.gwemu.cli;

import dev.gwemu.Gateway;
import dev.gwemu.config.DefinitionException;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.Project;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/** {@code gwemu invoke}: one request through the whole road, or one function call, without a server. */
@Command(name = "invoke",
        header = "Sends one request through the whole road in-process, or calls one function with an event.",
        description = {
                "Sends one request through the project's whole road (routing, authorizers,",
                "keys, validation, mapping templates, the integration) in-process, with no",
                "port, and prints the response as a client would get it. With --function,",
                "calls one function with an event file (as 'sam local invoke -e') and",
                "prints what it returned. Function logs go to standard output as under",
                "'gwemu start'.",
                ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the response was printed (whatever its status), or the function returned",
                "1:the project could not be loaded, or the function failed (its error payload is printed)",
                "2:bad options: an unknown function, an unreadable file, a header without ':'"},
        footerHeading = "%nExamples:%n",
        footer = {"  gwemu invoke sample-apis/petstore/api.yaml --path /dev/pets/1",
                "  gwemu invoke api.yaml -X POST --path /dev/pets \\",
                "               -H 'Content-Type: application/json' --body @pet.json",
                "  gwemu invoke api.yaml --function GetPet --event events/get-pet.json"},
        sortOptions = false)
final class InvokeCommand implements Callable<Integer> {
    @Mixin
    ProjectFileParameter projectFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** What is invoked: a path through the gateway, or a function. */
    static final class Target {
        @Option(names = "--path", required = true, paramLabel = "PATH",
                description = "the request's path and query, as sent: /dev/pets/1?expand=owner")
        String path;

        @Option(names = "--function", required = true, paramLabel = "NAME", description = "a function of api.yaml")
        String function;
    }

    @Option(names = {"-X", "--method"}, defaultValue = "GET", paramLabel = "METHOD", description = "the HTTP method (default: GET)")
    String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "a request header; repeat for more")
    List<String> headers = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT|@FILE", description = "the request body, or @file to read it from a file")
    String body;

    @Option(names = "--event", paramLabel = "FILE", description = "with --function: the event JSON to call it with")
    Path event;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Project project;
        try {
            project = ProjectLoader.load(projectFile.file).project();
        } catch (DefinitionException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            return 1;
        }
        return target.function != null ? function(project, out, err) : request(project, out, err);
    }

    private int request(Project project, PrintWriter out, PrintWriter err) throws IOException {
        HeaderList lines = new HeaderList();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                err.println("gwemu invoke: -H '" + header + "' is not 'Name: value'");
                return 2;
            }
            lines.add(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        if (!lines.contains("Host")) {
            lines.add("Host", "127.0.0.1");
        }
        byte[] payload = body == null ? new byte[0] : body.startsWith("@") ? Files.readAllBytes(Path.of(body.substring(1)))
                : body.getBytes(StandardCharsets.UTF_8);
        int mark = target.path.indexOf('?');
        String rawPath = mark < 0 ? target.path : target.path.substring(0, mark);
        String rawQuery = mark < 0 ? "" : target.path.substring(mark + 1);
        HttpRequest request = new HttpRequest(method.toUpperCase(java.util.Locale.ROOT), rawPath, rawQuery, lines, payload,
                "127.0.0.1", "HTTP/1.1", "http", 0);
        try (Gateway gateway = Gateway.create(project, Clock.systemUTC(), null)) {
            HttpResponse response = gateway.handle(request);
            out.println("HTTP/1.1 " + response.status());
            response.headers().lines().forEach(h -> out.println(h.name() + ": " + h.value()));
            out.println();
            out.println(new String(response.body(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            err.println("gwemu invoke: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private int function(Project project, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        if (!project.functions().containsKey(target.function)) {
            err.println("gwemu invoke: api.yaml binds no function " + target.function + " (it binds "
                    + String.join(", ", project.functions().keySet()) + ")");
            return 2;
        }
        byte[] payload = event == null ? "{}".getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(event);
        try (LambdaRuntime runtime = new LambdaRuntime(project.functions().values(), project.region(), project.accountId())) {
            InvokeResult result = runtime.invoke(target.function, null, payload).get();
            out.println(result.payloadText());
            return result.functionError() ? 1 : 0;
        } catch (ExecutionException e) {
            err.println("gwemu invoke: " + e.getCause().getMessage());
            return 1;
        } catch (dev.gwemu.lambda.FunctionLoadException e) {
            err.println("gwemu invoke: " + e.getMessage());
            return 1;
        }
    }
}
