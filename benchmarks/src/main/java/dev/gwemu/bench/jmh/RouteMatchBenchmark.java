package dev.gwemu.bench.jmh;

import dev.gwemu.routing.ResourceTree;
import dev.gwemu.routing.RouteMatch;
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

import java.util.concurrent.TimeUnit;

/**
 * Does route matching stay flat as an API grows? (issue #3: 1 000 resources within 10% of 10.)
 * The same GET requests, each resolving to the same resource, against a 10- and a 1 000-resource tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouteMatchBenchmark {
    @Param({"10", "1000"})
    int resources;

    /**
     * A literal route, a one-parameter route, a two-parameter route four deep, a request only the
     * root {@code /{proxy+}} takes, and one that walks {@code /pets/{petId}} before falling back to it.
     */
    @Param({"/health", "/pets/42", "/users/u-17/orders/o-9001", "/static/js/app.js", "/pets/42/photos/1"})
    String path;

    private ResourceTree tree;

    @Setup
    public void setUp() {
        tree = new ResourceTree(SampleApis.resources(resources));
        if (tree.match(path, "GET") == null) {
            throw new IllegalStateException(path + " matches nothing");
        }
    }

    @Benchmark
    public RouteMatch match() {
        return tree.match(path, "GET");
    }
}
