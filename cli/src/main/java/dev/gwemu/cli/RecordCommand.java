package dev.gwemu.cli;

import dev.gwemu.record.Exchange;
import dev.gwemu.record.ExchangeForwarder;
import dev.gwemu.record.HeaderRedactor;
import dev.gwemu.record.RecordingProxy;
import dev.gwemu.record.RecordingWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code gwemu record --target URL --out FILE}: a proxy that records every exchange with the target. */
@Command(name = "record",
        header = "Runs a recording proxy in front of an API, writing each exchange as a JSON line.",
        mixinStandardHelpOptions = true,
        description = {
                "Listens on a local port and forwards every request to the target (an API in",
                "AWS, a gwemu, any HTTP server), answers the client with the target's response",
                "unchanged, and writes each exchange to the recording as one line of JSON: the",
                "request as the target got it, the response, when and how long it took.",
                "'gwemu replay' replays it. Prints a line per exchange; runs until SIGINT or",
                "SIGTERM.",
                "",
                "Secrets are redacted before anything is written: the values of the",
                "Authorization, Proxy-Authorization, x-api-key, X-Amz-Security-Token, Cookie",
                "and Set-Cookie headers become " + HeaderRedactor.MARKER + ". A target that cannot be reached is",
                "answered with 502 and recorded with the error. The target gets its own Host",
                "(--preserve-host sends the client's).",
                ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by SIGINT or SIGTERM, the recording complete",
                "1:the port could not be bound or the recording could not be written",
                "2:bad options: a target that is no http(s) URL, --redact with --no-redact"},
        footerHeading = "%nExamples:%n",
        footer = {"  gwemu record --target https://abc123defg.execute-api.us-east-1.amazonaws.com \\",
                "               --out traffic.jsonl",
                "  gwemu record --target http://127.0.0.1:3000 --out traffic.jsonl --port 8080",
                "  curl http://127.0.0.1:8080/dev/pets/1     # recorded as GET /dev/pets/1"},
        sortOptions = false)
final class RecordCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, paramLabel = "URL",
            description = "where requests go: http(s)://host[:port][/base-path]; a base path is put before each request's path")
    String target;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the recording to write (replaced unless --append)")
    Path out;

    @Option(names = "--append", description = "add to the recording rather than replacing it")
    boolean append;

    @Option(names = {"-p", "--port"}, defaultValue = "0", paramLabel = "N",
            description = "port to listen on (default: a free one, printed at start)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST", description = "address to bind (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--redact", paramLabel = "NAME", description = "redact this header too (requests and responses); repeat for more")
    List<String> redact = new ArrayList<>();

    @Option(names = "--no-redact", description = "redact nothing, not even the default headers")
    boolean noRedact;

    @Option(names = "--preserve-host",
            description = "send the client's Host to the target (a gwemu serving several APIs by Host) rather than the target's")
    boolean preserveHost;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "how long the target may take to answer (default: ${DEFAULT-VALUE}); then 502")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (noRedact && !redact.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--redact and --no-redact contradict each other");
        }
        if (timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds");
        }
        if (preserveHost) {
            allowHostHeader();
        }
        ExchangeForwarder forwarder;
        try {
            forwarder = new ExchangeForwarder(URI.create(target), Duration.ofSeconds(timeoutSeconds), preserveHost);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--target " + target + ": " + e.getMessage());
        }
        HeaderRedactor redactor = noRedact ? HeaderRedactor.none() : HeaderRedactor.defaults().and(redact);
        RecordingWriter writer;
        try {
            writer = append ? RecordingWriter.append(out) : RecordingWriter.create(out);
        } catch (IOException e) {
            err.println("gwemu record: cannot write " + out + ": " + e);
            return 1;
        }
        RecordingProxy proxy;
        try {
            proxy = RecordingProxy.start(host, port, forwarder, redactor, writer, Clock.systemUTC(), listener(stdout, err));
        } catch (RuntimeException e) {
            close(writer, err);
            err.println("gwemu record: cannot listen on " + host + ":" + port + ": " + rootMessage(e));
            return 1;
        }
        stdout.println("gwemu record: http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + proxy.port()
                + " -> " + target + ", recording into " + out + (redactor.names().isEmpty() ? " (nothing redacted)"
                : " (redacting " + String.join(", ", redactor.names()) + ")") + "; Ctrl-C stops");
        stdout.flush();
        return waitForStop(proxy, writer, stdout, err);
    }

    /** Until SIGINT or SIGTERM (a shutdown hook), or the thread is interrupted (an embedding caller, the tests). */
    private int waitForStop(RecordingProxy proxy, RecordingWriter writer, PrintWriter stdout, PrintWriter err) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop(proxy, writer, stdout, err);
            BatchingConsole.drainInstalled();
            stopped.countDown();
        }, "gwemu-record-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                stop(proxy, writer, stdout, err);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs and stops the proxy
            }
        }
        return 0;
    }

    private static void stop(RecordingProxy proxy, RecordingWriter writer, PrintWriter stdout, PrintWriter err) {
        proxy.close();
        close(writer, err);
        stdout.println("gwemu record: stopped, " + writer.written() + " exchanges recorded");
        stdout.flush();
    }

    private static RecordingProxy.Listener listener(PrintWriter stdout, PrintWriter err) {
        return new RecordingProxy.Listener() {
            @Override
            public void recorded(int number, Exchange exchange) {
                String request = "#" + number + " " + exchange.request().method() + " " + exchange.request().target();
                stdout.println(exchange.response() != null
                        ? request + " -> " + exchange.response().status() + " (" + exchange.latencyMs() + " ms)"
                        : request + " -> 502, no answer from the target: " + exchange.error());
                stdout.flush();
            }

            @Override
            public void writeFailed(Exchange exchange, IOException e) {
                err.println("gwemu record: cannot write " + exchange.request().method() + " " + exchange.request().target()
                        + " to the recording: " + e);
                err.flush();
            }
        };
    }

    /**
     * java.net.http refuses a Host header unless this property allows it; it is read once, when the client classes
     * first load, which in the CLI's JVM is after this.
     */
    private static void allowHostHeader() {
        String property = "jdk.httpclient.allowRestrictedHeaders";
        String allowed = System.getProperty(property);
        if (allowed == null || allowed.isBlank()) {
            System.setProperty(property, "host");
        } else if (java.util.Arrays.stream(allowed.split(",")).noneMatch(h -> h.trim().equalsIgnoreCase("host"))) {
            System.setProperty(property, allowed + ",host");
        }
    }

    private static void close(RecordingWriter writer, PrintWriter err) {
        try {
            writer.close();
        } catch (IOException e) {
            err.println("gwemu record: the recording's last lines may be lost: " + e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
