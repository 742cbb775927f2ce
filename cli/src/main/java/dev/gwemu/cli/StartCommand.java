package dev.gwemu.cli;

import dev.gwemu.Gateway;
import dev.gwemu.config.DefinitionException;
import dev.gwemu.config.Problem;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.lambda.FunctionLoadException;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.Api;
import dev.gwemu.server.GatewayServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
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
                "{apiId}.execute-api.localhost:PORT (any API) until SIGINT or SIGTERM."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"1:the project could not be loaded or the port could not be bound",
                "130/143:stopped by SIGINT/SIGTERM (after a graceful stop)"},
        sortOptions = false)
final class StartCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the project file, e.g. api.yaml")
    Path file;

    @Option(names = {"-p", "--port"}, defaultValue = "3000", paramLabel = "N",
            description = "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}, as sam local start-api)")
    int port;

    @Option(names = {"-H", "--host"}, defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "address to bind (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--warm",
            description = "create one execution environment per function before serving (its cold start: "
                    + "static initialisers and the handler's constructor), so the first request is warm")
    boolean warm;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        PrintStream out = System.out;
        PrintStream err = System.err;
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
            gateway = Gateway.create(loaded.project(), Clock.systemUTC());
        } catch (FunctionLoadException e) {
            err.println("gwemu: cannot load " + file + ": " + e.getMessage());
            return 1;
        }
        if (warm) {
            long warming = System.nanoTime();
            java.util.List<String> warmed = gateway.prewarm();
            out.printf("gwemu: %d of %d functions warm (%d ms)%n", warmed.size(),
                    loaded.project().functions().size(), (System.nanoTime() - warming) / 1_000_000);
        }
        GatewayServer server;
        try {
            server = GatewayServer.start(gateway, host, port);
        } catch (RuntimeException e) {
            gateway.close();
            err.println("gwemu: cannot listen on " + host + ":" + port + ": " + rootMessage(e));
            return 1;
        }
        String base = "http://" + hostForUrl(server.host()) + ":" + server.port();
        boolean firstApi = true;
        for (Api api : loaded.project().apis()) {
            for (String stage : api.stages().keySet()) {
                out.println((firstApi ? base : "http://" + api.id() + ".execute-api.localhost:" + server.port())
                        + "/" + stage + "  (" + api.name() + ", stage " + stage + ")");
            }
            firstApi = false;
        }
        for (dev.gwemu.model.DomainSpec domain : loaded.project().domains()) {
            for (dev.gwemu.model.DomainSpec.BasePathMapping mapping : domain.mappings()) {
                out.println("http://" + domain.name() + ":" + server.port() + "/" + mapping.basePath()
                        + "  (" + mapping.api() + ", " + (mapping.stage() == null ? "stage from the path" : "stage " + mapping.stage())
                        + "; custom domain: send Host: " + domain.name() + ")");
            }
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
