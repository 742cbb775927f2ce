package dev.gwemu.cli;

import dev.gwemu.config.DefinitionException;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.lambda.FunctionLoadException;
import dev.gwemu.model.Project;
import dev.gwemu.record.ComparisonRules;
import dev.gwemu.record.Difference;
import dev.gwemu.record.Exchange;
import dev.gwemu.record.ExchangeReplayer;
import dev.gwemu.record.HeaderRedactor;
import dev.gwemu.record.JsonPointerPattern;
import dev.gwemu.record.RecordingException;
import dev.gwemu.record.RecordingReader;
import dev.gwemu.record.ResponseComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code gwemu replay [FILE] RECORDING}: recorded requests through the project in-process, responses compared. */
@Command(name = "replay",
        header = "Replays a recording against the project in-process and reports what differs.",
        customSynopsis = "gwemu replay [FILE] RECORDING [OPTIONS]",
        mixinStandardHelpOptions = true,
        description = {
                "Sends each request of a recording (made by 'gwemu record', one JSON exchange",
                "a line) through the project's whole road in-process, with no port, in order",
                "and one at a time, and compares the response with the recorded one: the",
                "status, the headers, and the body (as JSON when both are JSON, else as text,",
                "else as bytes). Prints a line per exchange, what differs for each that does",
                "not match, and a summary. Progress goes to standard error when the run takes",
                "more than a second.",
                "",
                "Every header of either response is compared except the volatile ones",
                "(x-amzn-RequestId, x-amz-apigw-id, apigw-requestid, X-Amzn-Trace-Id,",
                "X-Amz-Cf-Id, X-Amz-Cf-Pop, Via; --strict compares them) and those the HTTP",
                "server writes (Date, Connection, Keep-Alive, Content-Length,",
                "Transfer-Encoding), which an in-process replay does not have.",
                "",
                "The gateway's clock follows the recorded times, so quotas, throttles and",
                "caches see the traffic spaced as it was. Function logs are not shown",
                "(--function-logs writes them to a file)."},
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every exchange matched (exchanges recorded without a response are skipped)",
                "1:at least one exchange differed",
                "2:bad input: an unreadable recording (file and line), a project that does not load, bad options"},
        footerHeading = "%nExamples:%n",
        footer = {"  gwemu replay api.yaml traffic.jsonl",
                "  gwemu replay traffic.jsonl --ignore /requestId --ignore '/items/*/updatedAt'",
                "  gwemu replay api.yaml traffic.jsonl \\",
                "               --request-header 'Authorization: Bearer local-token'",
                "  gwemu replay api.yaml traffic.jsonl --header Content-Type --header Location -q"},
        sortOptions = false)
final class ReplayCommand implements Callable<Integer> {
    /** Differences shown per exchange; the rest are counted. */
    static final int SHOWN_DIFFERENCES = 10;

    @Parameters(arity = "1..2", paramLabel = "[FILE] RECORDING", hideParamSyntax = true,
            description = {"the project file (default: api.yaml) and the recording; one argument is the recording"})
    List<Path> files;

    @Option(names = "--ignore", paramLabel = "POINTER",
            description = "leave this part of JSON bodies out: a JSON pointer such as /requestId; a * segment stands for "
                    + "any member or index (/items/*/updatedAt); \"\" leaves the whole body out; repeat for more")
    List<String> ignoredPaths = new ArrayList<>();

    @Option(names = "--ignore-header", paramLabel = "NAME", description = "do not compare this response header; repeat for more")
    List<String> ignoredHeaders = new ArrayList<>();

    @Option(names = "--header", paramLabel = "NAME",
            description = "compare only these response headers (repeat for more); by default all are compared")
    List<String> headers = new ArrayList<>();

    @Option(names = "--strict", description = "compare the volatile headers too (request ids, trace and CloudFront ids)")
    boolean strict;

    @Option(names = "--request-header", paramLabel = "'NAME: VALUE'",
            description = "set this header on every replayed request, in place of the recorded value: a working "
                    + "Authorization where the recording has " + HeaderRedactor.MARKER + ", another Host; repeat for more")
    List<String> requestHeaders = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "print only the exchanges that differ, and the summary")
    boolean quiet;

    @Option(names = "--function-logs", paramLabel = "FILE", description = "write the functions' log lines to this file")
    Path functionLogs;

    @Spec
    CommandSpec spec;

    /** Null: ask the console; tests set it. */
    Boolean terminal;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path projectFile = files.size() == 2 ? files.get(0) : Path.of("api.yaml");
        Path recording = files.get(files.size() - 1);
        ComparisonRules rules;
        Map<String, String> overrides;
        try {
            rules = rules();
            overrides = overrides();
        } catch (IllegalArgumentException e) {
            err.println("gwemu replay: " + e.getMessage());
            return 2;
        }
        if (files.size() == 1 && isYaml(recording)) {
            err.println("gwemu replay: " + recording + " looks like a project file; give the recording too: "
                    + "gwemu replay " + recording + " RECORDING");
            return 2;
        }
        List<RecordingReader.Entry> entries;
        try {
            entries = RecordingReader.read(recording);
        } catch (RecordingException e) {
            err.println("gwemu replay: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("gwemu replay: cannot read " + recording + ": " + e.getMessage());
            return 2;
        }
        if (entries.isEmpty()) {
            err.println("gwemu replay: " + recording + " holds no exchanges");
            return 2;
        }
        Project project;
        try {
            project = ProjectLoader.load(projectFile).project();
        } catch (DefinitionException e) {
            err.println("gwemu replay: cannot load " + projectFile + ":");
            e.problems().forEach(p -> err.println("  " + p));
            return 2;
        }
        warnOfUnknownApis(entries, project, overrides, err);
        PrintStream console = System.out;
        try (PrintStream logs = functionLogs == null ? new PrintStream(OutputStream.nullOutputStream())
                : new PrintStream(Files.newOutputStream(functionLogs), true, StandardCharsets.UTF_8)) {
            // Functions print to System.out (their loggers take it when the gateway is made, handlers when called).
            System.setOut(logs);
            try (ExchangeReplayer replayer = ExchangeReplayer.of(project, overrides)) {
                return run(entries, recording, replayer, rules, out, err);
            } catch (FunctionLoadException | dev.gwemu.auth.cognito.JwksLoadException | java.io.UncheckedIOException e) {
                err.println("gwemu replay: cannot load " + projectFile + ": " + e.getMessage());
                return 2;
            } finally {
                System.setOut(console);
            }
        }
    }

    private int run(List<RecordingReader.Entry> entries, Path recording, ExchangeReplayer replayer, ComparisonRules rules,
                    PrintWriter out, PrintWriter err) {
        boolean onTerminal = terminal != null ? terminal : System.console() != null;
        ProgressLine progress = new ProgressLine(err, onTerminal, System::nanoTime, () -> {
            out.flush();
            BatchingConsole.drainInstalled();
        });
        int matched = 0;
        int differed = 0;
        int skipped = 0;
        Set<String> redactedInFailures = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < entries.size(); i++) {
            RecordingReader.Entry entry = entries.get(i);
            Exchange exchange = entry.exchange();
            String title = "#" + (i + 1) + " " + exchange.request().method() + " " + exchange.request().target();
            List<String> report = new ArrayList<>();
            if (exchange.response() == null) {
                skipped++;
                if (!quiet) {
                    report.add("skip " + title + " (recorded without a response: " + exchange.error() + ")");
                }
            } else {
                List<Difference> differences = differences(exchange, replayer, rules);
                if (differences.isEmpty()) {
                    matched++;
                    if (!quiet) {
                        report.add("ok   " + title + " " + exchange.response().status());
                    }
                } else {
                    differed++;
                    report.add("FAIL " + title + " " + exchange.response().status() + " (" + recording.getFileName()
                            + " line " + entry.line() + ")");
                    differences.stream().limit(SHOWN_DIFFERENCES)
                            .forEach(d -> d.describe().forEach(line -> report.add("       " + line)));
                    if (differences.size() > SHOWN_DIFFERENCES) {
                        report.add("       ... and " + (differences.size() - SHOWN_DIFFERENCES) + " more differences");
                    }
                    if (differences.get(0).subject().equals("status")) {
                        redactedInFailures.addAll(redactedHeaders(exchange.request()));
                    }
                }
            }
            if (!report.isEmpty()) {
                progress.clear();
                report.forEach(out::println);
            }
            progress.update("gwemu replay: " + (i + 1) + " of " + entries.size() + " exchanges, " + differed + " differed");
        }
        progress.clear();
        out.println(entries.size() + " exchanges, " + matched + " matched, " + differed + " differed"
                + (skipped == 0 ? "" : ", " + skipped + " skipped (recorded without a response)"));
        if (!redactedInFailures.isEmpty()) {
            out.println("note: " + String.join(", ", redactedInFailures) + " had been redacted when recorded (value "
                    + HeaderRedactor.MARKER + "); give a working value with --request-header 'NAME: VALUE'");
        }
        out.flush();
        return differed == 0 ? 0 : 1;
    }

    /**
     * A recording made in AWS addresses its API by Host ({@code {apiId}.execute-api.{region}.amazonaws.com}); when
     * api.yaml gives that API another id, every exchange would fail with 404, so say why once, up front.
     */
    private static void warnOfUnknownApis(List<RecordingReader.Entry> entries, Project project, Map<String, String> overrides,
                                          PrintWriter err) {
        if (overrides.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Host"))) {
            return;
        }
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        project.apis().forEach(api -> known.add(api.id()));
        Map<String, String> unknown = new LinkedHashMap<>(); // api id -> a Host naming it
        for (RecordingReader.Entry entry : entries) {
            String host = Exchange.Headers.first(entry.exchange().request().headers(), "Host");
            int marker = host == null ? -1 : host.toLowerCase(java.util.Locale.ROOT).indexOf(".execute-api.");
            if (marker > 0 && !host.startsWith("vpce-") && !known.contains(host.substring(0, marker))) {
                unknown.putIfAbsent(host.substring(0, marker), host);
            }
        }
        unknown.forEach((id, host) -> err.println("gwemu replay: warning: the recording addresses API " + id + " (Host "
                + host + "), which the project does not have: give that API 'id: " + id + "' in api.yaml, or replay "
                + "with --request-header 'Host: 127.0.0.1' for the project's first API"));
    }

    private static List<Difference> differences(Exchange exchange, ExchangeReplayer replayer, ComparisonRules rules) {
        try {
            return ResponseComparison.compare(exchange.response(), replayer.replay(exchange), rules);
        } catch (RuntimeException e) { // a fault of gwemu's own: reported as this exchange's, the run goes on
            return List.of(new Difference("replay", "gwemu failed: " + e));
        }
    }

    private static List<String> redactedHeaders(Exchange.Request request) {
        List<String> names = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            if (values.contains(HeaderRedactor.MARKER)) {
                names.add(name);
            }
        });
        return names;
    }

    private ComparisonRules rules() {
        ComparisonRules rules = strict ? ComparisonRules.strict() : ComparisonRules.defaults();
        if (!headers.isEmpty()) {
            rules = rules.onlyHeaders(headers);
        }
        return rules.ignoringHeaders(ignoredHeaders)
                .ignoringPaths(ignoredPaths.stream().map(JsonPointerPattern::parse).toList());
    }

    private Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String header : requestHeaders) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--request-header '" + header + "' is not 'Name: value'");
            }
            overrides.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        return overrides;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
