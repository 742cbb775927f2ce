package dev.gwemu.bench.jmh;

import dev.gwemu.mapping.MappingInput;
import dev.gwemu.mapping.Overrides;
import dev.gwemu.mapping.VtlTemplate;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What does rendering a mapping template cost? {@code typicalRequest}: the request template most
 * non-proxy APIs carry (a few {@code $input.json} lookups, path and query parameters, context and
 * stage variables). {@code bodyHeavy}: a response template walking a 50-item JSON list with
 * {@code #foreach} and {@code $input.path}. {@code baseline}: a template with no references, the
 * floor of one render call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VtlRenderBenchmark {
    private VtlTemplate typical;
    private VtlTemplate heavy;
    private VtlTemplate constant;
    private MappingInput request;
    private MappingInput listResponse;

    @Setup
    public void setUp() {
        typical = VtlTemplate.compile("typical", """
                {
                  "petId": "$input.params('petId')",
                  "name": $input.json('$.name'),
                  "tags": $input.json('$.tags'),
                  "owner": "$util.escapeJavaScript($input.path('$.owner.name'))",
                  "limit": "$input.params('limit')",
                  "requestId": "$context.requestId",
                  "sourceIp": "$context.identity.sourceIp",
                  "stage": "$context.stage",
                  "table": "$stageVariables.table"
                }""");
        heavy = VtlTemplate.compile("heavy", """
                #set($items = $input.path('$.items'))
                {"count": $items.size(), "items": [
                #foreach($item in $items)
                  {"id": "$item.id", "label": "$util.escapeJavaScript($item.name)", "price": $item.price}#if($foreach.hasNext),#end
                #end
                ]}""");
        constant = VtlTemplate.compile("constant", "{\"statusCode\": 200}");
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        context.put("stage", "dev");
        context.put("identity", Map.of("sourceIp", "127.0.0.1"));
        request = new MappingInput("{\"name\":\"Rex\",\"tags\":[\"dog\",\"good\"],\"owner\":{\"name\":\"Ada \\\"A\\\" L\"}}",
                Map.of("petId", "42"), Map.of("limit", List.of("10")), Map.of("Accept", List.of("application/json")),
                context, Map.of("table", "pets"));
        StringBuilder items = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 50; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"item ").append(i)
                    .append("\",\"price\":").append(i * 1.5).append('}');
        }
        listResponse = new MappingInput(items.append("]}").toString(), Map.of(), Map.of(), Map.of(), context, Map.of());
    }

    @Benchmark
    public String typicalRequest() {
        return typical.render(request, new Overrides());
    }

    @Benchmark
    public String bodyHeavy() {
        return heavy.render(listResponse, new Overrides());
    }

    @Benchmark
    public String baseline() {
        return constant.render(request, new Overrides());
    }
}
