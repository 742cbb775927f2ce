package dev.gwemu.lambda.nodejs;

import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The one GraalJS engine every Node.js execution environment's context shares, so parsed code
 * (the bootstrap, and a function's modules) is reused from one environment to the next: the first
 * environment of the process pays the engine's start (about a second, interpreted), later ones
 * tens of milliseconds.
 */
public final class NodeJsEngine {
    /** Guest code reaches no Java: no host classes, no host objects beyond the bootstrap's proxies. */
    static final HostAccess HOST_ACCESS = HostAccess.NONE;

    private static volatile Engine engine;
    private static volatile Source globals;
    private static volatile Source bootstrap;

    private NodeJsEngine() {
    }

    /** Starts the engine on a background thread, so the first Node.js cold start does not pay for it. */
    public static void warmUpInBackground() {
        if (engine == null) {
            CompletableFuture.runAsync(() -> {
                try {
                    get();
                } catch (RuntimeException | LinkageError ignored) {
                    // the first cold start reports it
                }
            });
        }
    }

    static Engine get() {
        Engine current = engine;
        if (current != null) {
            return current;
        }
        synchronized (NodeJsEngine.class) {
            if (engine == null) {
                configureTruffle();
                engine = Engine.newBuilder("js")
                        .option("engine.WarnInterpreterOnly", "false") // a stock JDK: interpreted, by choice
                        .build();
            }
            return engine;
        }
    }

    /** Truffle unpacks its resources under the user's home unless told otherwise; keep them in tmp. */
    private static void configureTruffle() {
        if (System.getProperty("polyglot.engine.userResourceCache") == null) {
            Path cache = Path.of(System.getProperty("java.io.tmpdir"),
                    "gwemu-truffle-cache-" + System.getProperty("user.name", "user"));
            System.setProperty("polyglot.engine.userResourceCache", cache.toString());
        }
        if (System.getProperty("polyglotimpl.AttachLibraryFailureAction") == null) {
            System.setProperty("polyglotimpl.AttachLibraryFailureAction", "ignore");
        }
    }

    /** Node's globals GraalJS lacks (globals.js), evaluated first in each context. */
    static Source globals() {
        Source current = globals;
        if (current == null) {
            current = load("globals.js", "gwemu-node-globals.js");
            globals = current;
        }
        return current;
    }

    /** The runtime shim each context evaluates next (bootstrap.js). */
    static Source bootstrap() {
        Source current = bootstrap;
        if (current == null) {
            current = load("bootstrap.js", "gwemu-node-runtime.js");
            bootstrap = current;
        }
        return current;
    }

    private static Source load(String resource, String name) {
        try (InputStream in = NodeJsEngine.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from gwemu's classes");
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), name).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
