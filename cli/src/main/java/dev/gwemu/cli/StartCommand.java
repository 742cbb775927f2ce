package dev.gwemu.cli;

import dev.gwemu.Gateway;
import dev.gwemu.config.DefinitionException;
import dev.gwemu.config.Problem;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.lambda.FunctionLoadException;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.Api;
import dev.gwemu.server.GatewayServer;
import dev.gwemu.server.tls.GatewayTls;
import dev.gwemu.server.tls.InProcessTrust;
import dev.gwemu.server.tls.TlsSetupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.gwemu.watch.Reloader;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code gwemu start FILE}: loads the project and serves it until interrupted. */
@Command(name = "start",
        header = "Serves the project on localhost as API Gateway serves it, reloading it when its files change.",
        mixinStandardHelpOptions = true,
        description = {
                "Loads api.yaml with the definitions and function code it names, then serves every",
                "API on http://HOST:PORT/{stage}/... (the first API) and on the Host",
                "{apiId}.execute-api.localhost:PORT (any API) until SIGINT or SIGTERM.",
                "",
                "With --tls the port serves HTTPS instead (HTTP/2 and HTTP/1.1, TLS 1.2 and 1.3) with a",
                "self-signed certificate made on first use and kept in .gwemu/ beside api.yaml: trust it",
                "with curl --cacert .gwemu/tls-cert.pem, or add it to a trust store (the banner prints its",
                "SHA-256 fingerprint). A custom domain with certificate: and key: in api.yaml is served",
                "with its own certificate to clients that ask for its name (SNI)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"1:the project could not be loaded, the port could not be bound or a certificate could not be used",
                "2:wrong options",
                "130/143:stopped by SIGINT/SIGTERM (after a graceful stop)"},
        sortOptions = false)
final class StartCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the project file, e.g. api.yaml")
    Path file;

    @Option(names = {"-p", "--port"}, defaultValue = "3000", paramLabel = "N",
            description = "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}, as sam local start-api)")
    int port;

    @Option(names = {"-H", "--host"}, defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "address to bind (default: ${DEFAULT-VALUE}); any other than loopback lets other "
                    + "machines in, and gwemu is no security boundary")
    String host;

    @Option(names = "--tls",
            description = "serve HTTPS on the port, with the self-signed certificate in .gwemu/ beside api.yaml "
                    + "(made on first use, made again when it expires or a custom domain is added)")
    boolean tls;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "serve HTTPS with this PEM certificate chain (leaf first) instead; implies --tls, needs --key")
    Path certificate;

    @Option(names = "--key", paramLabel = "FILE",
            description = "the PEM private key of --cert (PKCS#8, PKCS#1 RSA or EC, unencrypted)")
    Path key;

    @Option(names = "--warm",
            description = "create one execution environment per function before serving (its cold start: "
                    + "static initialisers and the handler's constructor), so the first request is warm")
    boolean warm;

    @Option(names = "--log-format", defaultValue = "text", paramLabel = "text|json", converter = LogFormatOption.class,
            description = "request lines (and the functions' log lines) as text, coloured on a terminal, or as one "
                    + "JSON object per line (default: ${DEFAULT-VALUE})")
    dev.gwemu.server.RequestLog.Format logFormat;

    @Option(names = "--no-watch", negatable = false,
            description = "do not reload when api.yaml, a definition or a function's code changes "
                    + "(by default gwemu reloads, and keeps serving the old version if the new one fails to load)")
    boolean noWatch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        PrintStream out = System.out;
        PrintStream err = System.err;
        if ((certificate == null) != (key == null)) {
            throw new ParameterException(spec.commandLine(), "--cert and --key go together: the certificate and its private key");
        }
        boolean https = tls || certificate != null;
        boolean watch = !noWatch;
        if (!isLoopback(host)) {
            err.println("gwemu: warning: listening on " + host + " makes gwemu reachable from other machines; it is a "
                    + "development tool, not a security boundary (its keys, authorizers and policies are emulated, "
                    + "not hardened)");
        }
        // What the start-up needs after the definitions are read, loaded meanwhile on the other core.
        LambdaRuntime.warmUpSerialization();
        GatewayServer.preload();
        ProjectLoader.Loaded loaded;
        Gateway gateway;
        java.util.concurrent.atomic.AtomicReference<String> step = new java.util.concurrent.atomic.AtomicReference<>(
                "reading " + file);
        Progress progress = Progress.of(err, step::get);
        try {
            loaded = ProjectLoader.load(file);
            step.set("loading the code of " + loaded.project().functions().size() + " functions");
            gateway = Gateway.create(loaded.project(), gatewayOptions());
        } catch (DefinitionException e) {
            progress.close();
            err.println("gwemu: cannot load " + file + ":");
            e.problems().forEach(p -> err.println("  " + p));
            return 1;
        } catch (FunctionLoadException | dev.gwemu.auth.cognito.JwksLoadException | java.io.UncheckedIOException e) {
            progress.close();
            err.println("gwemu: cannot load " + file + ": " + e.getMessage());
            return 1;
        }
        progress.close();
        for (Problem warning : loaded.warnings()) {
            err.println("gwemu: warning: " + warning);
        }
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        if (warm) {
            warm(gateway, out);
        }
        GatewayTls certificates = null;
        if (https) {
            try {
                certificates = certificate != null
                        ? GatewayTls.fromFiles(loaded.project(), certificate, key, Clock.systemUTC().instant())
                        : GatewayTls.selfSigned(loaded.project(), host, Clock.systemUTC().instant());
            } catch (TlsSetupException e) {
                gateway.close();
                err.println("gwemu: cannot serve HTTPS: " + e.getMessage());
                return 1;
            }
            try {
                // Functions calling back through https://{domainName}/{stage} (the AWS docs' @connections code) trust it.
                InProcessTrust.install(
                        certificates.certificates().stream().map(GatewayTls.ServedCertificate::file).toList());
            } catch (Exception e) {
                err.println("gwemu: warning: functions will not trust the HTTPS certificate: " + e.getMessage());
            }
        }
        GatewayServer server;
        try {
            server = GatewayServer.start(gateway, host, port, certificates == null ? null : certificates.context());
        } catch (RuntimeException e) {
            gateway.close();
            err.println("gwemu: cannot listen on " + host + ":" + port + ": " + rootMessage(e));
            return 1;
        }
        String scheme = server.scheme();
        String base = scheme + "://" + hostForUrl(isAnyAddress(server.host()) ? host : server.host()) + ":" + server.port();
        // Over TLS a custom domain's name must reach the handshake (SNI, certificate check), not only the Host header.
        java.util.function.Function<String, String> reach = https
                ? name -> "curl --resolve " + name + ":" + server.port() + ":" + connectAddress(server.host())
                : name -> "send Host: " + name;
        StartupSummary summary = new StartupSummary(loaded.project(), loaded.warnings().size());
        out.printf("gwemu: loaded %s in %d ms: %s%n", file, loadMillis, summary.counts());
        summary.print(out, base, scheme, server.port(), reach);
        if (certificates != null) {
            printCertificates(certificates, out, err);
        }
        Reloader reloader = watch ? watchForChanges(server, out, err) : null;
        out.printf("gwemu: serving on %s (started in %d ms); %sCtrl-C stops%n", base, (System.nanoTime() - started) / 1_000_000,
                reloader == null ? "" : "reloads when the project's files change; ");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (reloader != null) {
                reloader.close();
            }
            server.close();
            out.println("gwemu: stopped");
            BatchingConsole.drainInstalled();
            stopped.countDown();
        }, "gwemu-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** How every gateway of this run is made, the first and each reload's. */
    private dev.gwemu.GatewayOptions gatewayOptions() {
        return dev.gwemu.GatewayOptions.defaults().withLogFormat(logFormat)
                .withColour(System.console() != null); // a terminal, not a pipe or file
    }

    private static void warm(Gateway gateway, PrintStream out) {
        long warming = System.nanoTime();
        List<String> warmed;
        try (Progress progress = Progress.of(System.err,
                () -> "cold-starting " + gateway.project().functions().size() + " functions")) {
            warmed = gateway.prewarm();
        }
        out.printf("gwemu: %d of %d functions warm (%d ms)%n", warmed.size(),
                gateway.project().functions().size(), (System.nanoTime() - warming) / 1_000_000);
    }

    /**
     * Reloads the project when its files change, keeping the old version serving when the new one fails to load.
     * Returns null (and says why) when the files cannot be watched: serving goes on without it.
     */
    private Reloader watchForChanges(GatewayServer server, PrintStream out, PrintStream err) {
        // On standard error, unbuffered, so a failure's lines follow the line that announced the reload.
        Reloader.Listener console = new Reloader.Listener() {
            @Override
            public void reloading(Set<Path> changed) {
                err.println("gwemu: " + describe(changed) + " changed; reloading");
            }

            @Override
            public void reloaded(ProjectLoader.Loaded loaded, long millis) {
                loaded.warnings().forEach(w -> err.println("gwemu: warning: " + w));
                err.printf("gwemu: reloaded in %d ms: %s%n", millis,
                        new StartupSummary(loaded.project(), loaded.warnings().size()).counts());
            }

            @Override
            public void failed(List<String> problems) {
                err.println("gwemu: reload failed; still serving the previous version:");
                problems.forEach(p -> err.println("  " + p));
            }
        };
        try {
            return Reloader.watch(file, server, project -> {
                Gateway next = Gateway.create(project, gatewayOptions());
                if (warm) {
                    warm(next, out);
                }
                return next;
            }, console);
        } catch (IOException e) {
            err.println("gwemu: warning: not watching for changes: " + e.getMessage());
            return null;
        }
    }

    /** {@code api.yaml}, or {@code api.yaml and 3 more files}, named relative to api.yaml's folder. */
    private String describe(Set<Path> changed) {
        Path folder = file.toAbsolutePath().getParent();
        Path first = changed.iterator().next().toAbsolutePath();
        String name = first.startsWith(folder) ? folder.relativize(first).toString() : first.toString();
        return changed.size() == 1 ? name : name + " and " + (changed.size() - 1) + " more file" + (changed.size() == 2 ? "" : "s");
    }

    /** The certificates a client will be shown, their fingerprints to compare, and what is wrong with them. */
    private static void printCertificates(GatewayTls certificates, PrintStream out, PrintStream err) {
        for (String notice : certificates.notices()) {
            out.println("gwemu: " + notice);
        }
        for (GatewayTls.ServedCertificate served : certificates.certificates()) {
            out.println("gwemu: HTTPS certificate " + served.file() + " SHA-256 " + served.fingerprint()
                    + (served.domain() == null ? "" : " for " + served.domain()));
        }
        for (String warning : certificates.warnings()) {
            err.println("gwemu: warning: " + warning);
        }
    }

    /** Whether every address the name stands for is loopback; a name that does not resolve fails at bind instead. */
    private static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** Where a local client reaches a server bound to {@code host}: the wildcard address is reached on loopback. */
    private static String connectAddress(String host) {
        return isAnyAddress(host) ? "127.0.0.1" : host;
    }

    /** 0.0.0.0 or ::, which the listener reports as {@code 0:0:0:0:0:0:0:0} whichever was asked for. */
    private static boolean isAnyAddress(String host) {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
