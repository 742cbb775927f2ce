package dev.gwemu.bench.jmh;

import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.lambda.LambdaRuntime;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What does a new execution environment cost? Each operation loads the function afresh (a new
 * runtime: for Java a new class loader over the jar, for Node.js a new GraalJS context) and makes its
 * first invocation: load + cold start + first call, what a request that finds no warm environment
 * waits for. Process-wide costs are paid in warm-up: the JIT, and for Node.js the one shared GraalJS
 * engine (about a second, once per process; see the first warm-up iteration).
 *
 * <p>Run from the project root (it reads testdata/).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 30)
@Fork(1)
public class ColdStartBenchmark {
    @Param({"java", "nodejs"})
    public String runtime;

    private final byte[] event = "{\"path\":\"/pets\",\"httpMethod\":\"GET\"}".getBytes(StandardCharsets.UTF_8);

    @Setup
    public void quiet() {
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    }

    @Benchmark
    public InvokeResult newEnvironmentAndFirstCall() throws Exception {
        try (LambdaRuntime lambda = new LambdaRuntime(List.of(InvokeBenchmark.spec(runtime)), "us-east-1", "123456789012")) {
            InvokeResult result = lambda.invoke("Fn", null, event).get(60, TimeUnit.SECONDS);
            if (result.functionError()) {
                throw new IllegalStateException(result.payloadText());
            }
            return result;
        }
    }
}
