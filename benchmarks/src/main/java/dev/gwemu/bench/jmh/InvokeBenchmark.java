package dev.gwemu.bench.jmh;

import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.FunctionRuntime;
import dev.gwemu.model.FunctionSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What does a warm Lambda invocation cost, with a handler that does nearly nothing? {@code invoke}
 * runs a Java ({@code MapHandler}: a map in, a two-key map out) or a JavaScript ({@code errors.ok})
 * handler in a warm execution environment: event in, the thread hand-off, START/END/REPORT lines,
 * the result out. {@code threadHandOff} is the floor every invocation pays for running on its own
 * thread under a timeout: one task handed to another thread and its answer awaited.
 *
 * <p>Run from the project root (it reads testdata/).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InvokeBenchmark {
    @Param({"java", "nodejs"})
    public String runtime;

    private LambdaRuntime lambda;
    private ExecutorService other;
    private final byte[] event = "{\"path\":\"/pets\",\"httpMethod\":\"GET\"}".getBytes(StandardCharsets.UTF_8);

    @Setup
    public void setUp() throws Exception {
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // the function log: one line set per call
        lambda = new LambdaRuntime(List.of(spec(runtime)), "us-east-1", "123456789012");
        other = Executors.newSingleThreadExecutor();
        InvokeResult first = invokeOnce();
        if (first.functionError()) {
            throw new IllegalStateException(first.payloadText());
        }
    }

    static FunctionSpec spec(String runtime) {
        Path testdata = Path.of("testdata").toAbsolutePath();
        if (!Files.isDirectory(testdata)) {
            throw new IllegalStateException("run from the project root: no testdata/ in " + Path.of("").toAbsolutePath());
        }
        return runtime.equals("java")
                ? new FunctionSpec("Fn", testdata.resolve("handlers/target/test-handlers-lean.jar"),
                        "dev.gwemu.testhandlers.MapHandler", 30, 128, Map.of())
                : new FunctionSpec("Fn", testdata.resolve("nodejs"), "errors.ok", 30, 128, Map.of(), null, List.of(),
                        new FunctionRuntime("nodejs20.x"));
    }

    @TearDown
    public void tearDown() {
        lambda.close();
        other.shutdownNow();
    }

    @Benchmark
    public InvokeResult invoke() throws Exception {
        return invokeOnce();
    }

    private InvokeResult invokeOnce() throws Exception {
        return lambda.invoke("Fn", null, event).get(30, TimeUnit.SECONDS);
    }

    @Benchmark
    public Object threadHandOff() throws Exception {
        return CompletableFuture.supplyAsync(() -> event, other).get(30, TimeUnit.SECONDS);
    }
}
