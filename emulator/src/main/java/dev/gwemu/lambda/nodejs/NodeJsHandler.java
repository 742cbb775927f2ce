package dev.gwemu.lambda.nodejs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A Node.js handler in one GraalJS context: one execution environment's worth of JavaScript. A
 * context runs one thread at a time, as a Lambda environment runs one invocation at a time.
 *
 * <p>{@link #initialise()} is the cold start (context, runtime shim, the user's module at top
 * level); {@link #invoke} runs the handler and then the event loop until the invocation is answered,
 * as Lambda's runtime does: an async handler answers when its promise settles, a callback handler
 * when the loop is empty (unless {@code context.callbackWaitsForEmptyEventLoop} is false). Timers
 * left pending run on in the next invocation, as in a thawed Lambda environment.
 */
public final class NodeJsHandler implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An invocation's answer: the response JSON, or the error payload the runtime reports. */
    public record Outcome(byte[] response, byte[] error) {
        public boolean failed() {
            return error != null;
        }
    }

    private final NodeJsModule module;
    private final Path codeDir;
    private final String environmentJson;
    private final Consumer<String> log;
    private volatile Context context;
    private Value runtime;
    private boolean crashed;
    private volatile Integer exitStatus; // set by process.exit

    /**
     * @param environment the function's environment variables ({@code process.env})
     * @param log         receives each console line, already in Lambda's format
     */
    public NodeJsHandler(NodeJsModule module, Path codeDir, Map<String, String> environment, Consumer<String> log) {
        this.module = module;
        this.codeDir = codeDir.toAbsolutePath();
        this.log = log;
        try {
            this.environmentJson = JSON.writeValueAsString(environment);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cold start: a new context, the runtime shim, then the module's top-level code.
     *
     * @return null when the handler is ready, otherwise the init error payload
     */
    public byte[] initialise() {
        OutputStream console = new LineOutput(log);
        Context created = Context.newBuilder("js")
                .engine(NodeJsEngine.get())
                .allowHostAccess(NodeJsEngine.HOST_ACCESS)
                .allowIO(IOAccess.newBuilder()
                        .fileSystem(FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem()))
                        .build())
                .currentWorkingDirectory(codeDir)
                .timeZone(ZoneOffset.UTC) // Lambda's TZ=:UTC
                .allowExperimentalOptions(true)
                .option("js.commonjs-require", "true")
                .option("js.commonjs-require-cwd", codeDir.toString())
                .option("js.esm-eval-returns-exports", "true")
                .option("js.unhandled-rejections", "handler")
                .option("js.print", "false") // Node has neither print() nor load()
                .option("js.load", "false")
                .out(console)
                .err(console)
                .build();
        context = created;
        try {
            Map<String, Object> host = new LinkedHashMap<>();
            host.put("log", (ProxyExecutable) args -> {
                log.accept(args[0].asString());
                return null;
            });
            host.put("exit", (ProxyExecutable) args -> {
                exitStatus = args[0].asInt();
                return null;
            });
            host.put("environment", environmentJson);
            host.put("taskRoot", codeDir.toString());
            created.eval(NodeJsEngine.globals());
            runtime = created.eval(NodeJsEngine.bootstrap()).execute(ProxyObject.fromMap(host));
            created.eval("js", "(runtime) => { Graal.setUnhandledPromiseRejectionHandler("
                    + "(reason) => runtime.unhandledRejection(reason)); delete globalThis.Graal; }").execute(runtime);
            Value exports;
            try {
                exports = load();
            } catch (PolyglotException e) {
                if (exitStatus().isPresent()) { // process.exit at top level: the caller reports Runtime.ExitError
                    return errorPayload("Runtime.ExitError", "process.exit(" + exitStatus + ") during init");
                }
                return initError(e);
            }
            Value failure = runtime.invokeMember("load", exports, module.exportPath(), module.handler());
            return failure.isNull() ? null : failure.asString().getBytes(StandardCharsets.UTF_8);
        } catch (PolyglotException e) {
            return errorPayload("Runtime.Unknown", e.getMessage()); // the shim itself failed: a gwemu bug
        } finally {
            if (runtime != null) {
                runtime.invokeMember("requestDone");
            }
        }
    }

    private Value load() {
        if (module.esModule()) {
            try {
                return context.eval(Source.newBuilder("js", module.file().toFile())
                        .mimeType("application/javascript+module").build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Value require = context.getBindings("js").getMember("require");
        return require.execute(module.file().toString());
    }

    private byte[] initError(PolyglotException e) {
        if (e.isSyntaxError() || e.getGuestObject() == null || e.isHostException()) {
            String type = e.isSyntaxError() ? "Runtime.UserCodeSyntaxError" : "Runtime.ImportModuleError";
            return errorPayload(type, e.getMessage());
        }
        Value payload = runtime.invokeMember("initError", e.getGuestObject());
        return payload.isNull() ? null : payload.asString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Runs one invocation to its answer. Throws when the context was cancelled (a timeout) or the
     * thread interrupted; the caller has answered already then.
     */
    public Outcome invoke(byte[] event, String requestId, String invokedFunctionArn, long deadlineMillis)
            throws InterruptedException {
        try {
            Value state = runtime.invokeMember("invoke", new String(event, StandardCharsets.UTF_8), requestId,
                    invokedFunctionArn, deadlineMillis);
            boolean emptiedOnce = false;
            while (!state.getMember("done").asBoolean() && exitStatus().isEmpty()) {
                long delay = runtime.invokeMember("nextDelay").asLong();
                if (delay < 0) {
                    if (emptiedOnce) {
                        break; // nothing left that could answer
                    }
                    state.invokeMember("beforeExit"); // the loop is empty: Node's beforeExit
                    emptiedOnce = runtime.invokeMember("nextDelay").asLong() < 0;
                    continue;
                }
                emptiedOnce = false;
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                runtime.invokeMember("runNext");
            }
            crashed = state.getMember("crashed").asBoolean();
            Value error = state.getMember("error");
            if (!error.isNull()) {
                return new Outcome(null, error.asString().getBytes(StandardCharsets.UTF_8));
            }
            Value response = state.getMember("response");
            return new Outcome(response.isNull() ? "null".getBytes(StandardCharsets.UTF_8)
                    : response.asString().getBytes(StandardCharsets.UTF_8), null);
        } finally {
            if (context != null && runtime != null) {
                try {
                    runtime.invokeMember("requestDone");
                } catch (PolyglotException | IllegalStateException ignored) {
                    // cancelled or closed: nothing to reset
                }
            }
        }
    }

    /** The status {@code process.exit} was called with, if it was: Lambda's runtime process would be gone. */
    public OptionalInt exitStatus() {
        Integer status = exitStatus;
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** An uncaught exception or unhandled rejection ended the runtime process: the environment is done. */
    public boolean crashed() {
        return crashed;
    }

    /** Stops JavaScript still running on another thread (a timed-out busy loop), without waiting for it. */
    public void cancel() {
        Context running = context;
        if (running != null) {
            Thread canceller = new Thread(() -> closeQuietly(running, true), "nodejs-cancel");
            canceller.setDaemon(true);
            canceller.start();
        }
    }

    @Override
    public void close() {
        Context open = context;
        if (open != null) {
            closeQuietly(open, true);
        }
    }

    private static void closeQuietly(Context context, boolean cancel) {
        try {
            context.close(cancel);
        } catch (PolyglotException | IllegalStateException ignored) {
            // already closed, or cancelled while closing
        }
    }

    private static byte[] errorPayload(String type, String message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("errorType", type);
        payload.put("errorMessage", message);
        payload.put("trace", List.of(type + ": " + message));
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What guest code prints to stdout/stderr directly (not through console), line by line. */
    private static final class LineOutput extends OutputStream {
        private final Consumer<String> log;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        LineOutput(Consumer<String> log) {
            this.log = log;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flush();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void flush() {
            if (line.size() > 0) {
                log.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }
    }
}
