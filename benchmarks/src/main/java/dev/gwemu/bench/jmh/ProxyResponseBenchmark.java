package dev.gwemu.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.integration.ProxyResponseReader;
import dev.gwemu.pipeline.HttpResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * What does turning a typical Lambda proxy result into the client's response cost?
 * {@code readBaseline} is the floor: Jackson parsing the same payload into a tree, which the reader does first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProxyResponseBenchmark {
    private final ObjectMapper mapper = new ObjectMapper();
    private byte[] payload;

    @Setup
    public void setUp() {
        // What a handler returning one pet sends back: status, three headers, a JSON body as a string.
        payload = ("{\"statusCode\":200,"
                + "\"headers\":{\"Content-Type\":\"application/json\",\"Cache-Control\":\"no-store\","
                + "\"X-Request-Source\":\"pets-handler\"},"
                + "\"body\":\"{\\\"id\\\":42,\\\"name\\\":\\\"Fido\\\",\\\"type\\\":\\\"dog\\\",\\\"price\\\":249.99,"
                + "\\\"owner\\\":{\\\"id\\\":\\\"u-17\\\",\\\"name\\\":\\\"Ada\\\"},\\\"tags\\\":[\\\"good\\\",\\\"boy\\\"]}\","
                + "\"isBase64Encoded\":false}").getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public HttpResponse read() {
        return ProxyResponseReader.read(payload, false);
    }

    @Benchmark
    public JsonNode readBaseline() throws IOException {
        return mapper.readTree(payload);
    }
}
