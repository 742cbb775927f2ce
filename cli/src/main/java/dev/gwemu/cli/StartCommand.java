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

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code gwemu start FILE}: loads the project and serves it until interrupted. */
@Command(name = "start",
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
        if (!isLoopback(host)) {
            err.println("gwemu: warning: listening on " + host + " makes gwemu reachable from other machines; it is a "
                    + "development tool, not a security boundary (its keys, authorizers and policies are emulated, "
                    + "not hardened)");
        }
        // What the start-up needs after the definitions are read, loaded meanwhile on the other core.
        LambdaRuntime.warmUpSerialization();
        GatewayServer.preload();
        ProjectLoader.Loaded loaded;
        try {
            loaded = ProjectLoader.load(file);
        } catch (DefinitionException e) {
            err.println("gwemu: cannot load " + file + ":");
            e.problems().forEach(p -> err.println("  " + p));
            return 1;
        }
        for (Problem warning : loaded.warnings()) {
            err.println("gwemu: warning: " + warning);
        }
        Gateway gateway;
        try {
            gateway = Gateway.create(loaded.project(), dev.gwemu.GatewayOptions.defaults().withLogFormat(logFormat)
                    .withColour(System.console() != null)); // a terminal, not a pipe or file
        } catch (FunctionLoadException | dev.gwemu.auth.cognito.JwksLoadException | java.io.UncheckedIOException e) {
            err.println("gwemu: cannot load " + file + ": " + e.getMessage());
            return 1;
        }
        if (warm) {
            long warming = System.nanoTime();
            java.util.List<String> warmed = gateway.prewarm();
            out.printf("gwemu: %d of %d functions warm (%d ms)%n", warmed.size(),
                    loaded.project().functions().size(), (System.nanoTime() - warming) / 1_000_000);
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
        boolean firstApi = true;
        for (Api api : loaded.project().apis()) {
            for (String stage : api.stages().keySet()) {
                // An HTTP API's $default stage is served at the root (data-plane.md §3.1).
                String path = stage.equals("$default") ? "/" : "/" + stage;
                String url = (firstApi ? base : scheme + "://" + api.id() + ".execute-api.localhost:" + server.port()) + path;
                if (api.type() == dev.gwemu.model.ApiType.WEBSOCKET) {
                    out.println(url.replaceFirst("^http", "ws") + "  (" + api.name() + ", WebSocket API, stage " + stage
                            + "; @connections at " + url + "/@connections/{connectionId})");
                    continue;
                }
                out.println(url + "  (" + api.name() + (api.type() == dev.gwemu.model.ApiType.HTTP ? ", HTTP API" : "")
                        + ", stage " + stage + ")");
            }
            firstApi = false;
        }
        for (dev.gwemu.model.DomainSpec domain : loaded.project().domains()) {
            // Over TLS the name must reach the handshake (SNI, certificate check), not only the Host header.
            String reach = https
                    ? "curl --resolve " + domain.name() + ":" + server.port() + ":" + connectAddress(server.host())
                    : "send Host: " + domain.name();
            for (dev.gwemu.model.DomainSpec.BasePathMapping mapping : domain.mappings()) {
                out.println(scheme + "://" + domain.name() + ":" + server.port() + "/" + mapping.basePath()
                        + "  (" + mapping.api() + ", " + (mapping.stage() == null ? "stage from the path" : "stage " + mapping.stage())
                        + "; custom domain: " + reach + ")");
            }
        }
        if (certificates != null) {
            printCertificates(certificates, out, err);
        }
        out.printf("gwemu: serving on %s (started in %d ms); Ctrl-C stops%n", base, (System.nanoTime() - started) / 1_000_000);
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
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
