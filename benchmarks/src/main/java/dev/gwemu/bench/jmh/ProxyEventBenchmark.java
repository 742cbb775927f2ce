package dev.gwemu.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.integration.BinaryMediaTypes;
import dev.gwemu.integration.ProxyEventWriter;
import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.Stage;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.RequestIds;
import dev.gwemu.routing.ResourceTree;
import dev.gwemu.routing.RouteMatch;
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
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What does building the REST v1 Lambda proxy event cost per request, in time and garbage?
 * Run with {@code -prof gc} for the allocation figures. Each operation starts from a fresh
 * {@link Invocation}, as every request does, so the query string is parsed each time too.
 * {@code getBaseline} is the floor: Jackson writing the same GET event from a ready-made tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProxyEventBenchmark {
    private static final String HOST = "b3kx9p2qde.execute-api.localhost:3000";

    private final ProxyEventWriter writer = new ProxyEventWriter("123456789012",
            new BinaryMediaTypes(List.of("image/png", "application/octet-stream")));
    private Api api;
    private Stage stage;
    private RequestIds ids;
    private HttpRequest get;
    private RouteMatch getRoute;
    private HttpRequest post;
    private RouteMatch postRoute;
    private final ObjectMapper mapper = new ObjectMapper();
    private JsonNode getEventTree;

    @Setup
    public void setUp() {
        stage = new Stage("dev", "wtsh3b", Map.of());
        api = new Api("petstore", "b3kx9p2qde", ApiType.REST, Path.of("openapi.yaml"), SampleApis.resources(10),
                Map.of("dev", stage), List.of("image/png", "application/octet-stream"));
        ResourceTree tree = new ResourceTree(api.resources());
        ids = RequestIds.create(Instant.parse("2025-03-14T09:26:53.123Z"), null);

        // A browser-ish GET: 8 header lines (Connection is one Lambda never sees) and a query string.
        HeaderList getHeaders = commonHeaders()
                .add("Accept", "application/json")
                .add("Accept-Encoding", "gzip, deflate, br")
                .add("Cookie", "session=9f86d081884c7d659a2feaa0c55ad015; theme=dark");
        get = new HttpRequest("GET", "/dev/pets/42", "include=owner&tag=a&tag=b&limit=20&q=big%20dog",
                getHeaders, new byte[0], "198.51.100.7", "HTTP/1.1", "http", 3000);
        getRoute = tree.match("/pets/42", "GET");

        byte[] body = jsonBody(1024);
        HeaderList postHeaders = commonHeaders()
                .add("Accept", "application/json")
                .add("Content-Type", "application/json")
                .add("Content-Length", Integer.toString(body.length));
        post = new HttpRequest("POST", "/dev/pets", "", postHeaders, body, "198.51.100.7", "HTTP/1.1", "http", 3000);
        postRoute = tree.match("/pets", "POST");
        try {
            getEventTree = mapper.readTree(get());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HeaderList commonHeaders() {
        return new HeaderList()
                .add("Host", HOST)
                .add("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
                .add("Accept-Language", "en-GB,en;q=0.5")
                .add("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTE3In0.c2lnbmF0dXJl")
                .add("Connection", "keep-alive");
    }

    /** A JSON object of about {@code size} bytes, with the quotes the writer has to escape. */
    private static byte[] jsonBody(int size) {
        StringBuilder json = new StringBuilder("{\"name\":\"Fido\",\"type\":\"dog\",\"tags\":[");
        for (int i = 0; json.length() < size - 40; i++) {
            json.append(i == 0 ? "" : ",").append("\"tag-").append(i).append('"');
        }
        json.append("],\"notes\":\"good boy\"}");
        while (json.length() < size) {
            json.insert(json.length() - 2, ' ');
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] get() {
        Invocation inv = new Invocation(get, ids, api, stage, "/pets/42", "/dev/pets/42");
        inv.route(getRoute);
        return writer.write(inv);
    }

    @Benchmark
    public byte[] post1kJson() {
        Invocation inv = new Invocation(post, ids, api, stage, "/pets", "/dev/pets");
        inv.route(postRoute);
        return writer.write(inv);
    }

    @Benchmark
    public byte[] getBaseline() throws JsonProcessingException {
        return mapper.writeValueAsBytes(getEventTree);
    }
}
