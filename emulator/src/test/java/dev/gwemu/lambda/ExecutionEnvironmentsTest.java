package dev.gwemu.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.model.FunctionSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.gwemu.lambda.HandlerJars.PACKAGE;
import static dev.gwemu.lambda.HandlerJars.lean;
import static dev.gwemu.lambda.Invoker.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Execution environments as Lambda runs them: one call at a time each, a new one (cold start) for a
 * concurrent call, warm ones reused, reservedConcurrency caps them (throttling), idle ones expire,
 * pre-warming, and the START/END/REPORT lines.
 */
class ExecutionEnvironmentsTest {
    private static final Duration IDLE = Duration.ofMinutes(10);
    private static final String PROBE = "Probe";

    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(consoleBytes, true, StandardCharsets.UTF_8);
    private final AtomicLong ticker = new AtomicLong(1_000_000_000L);
    private LambdaRuntime runtime;

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private LambdaRuntime start(FunctionSpec... specs) throws FunctionLoadException {
        runtime = new LambdaRuntime(List.of(specs), "us-east-1", "123456789012", console, IDLE, ticker::get, false);
        return runtime;
    }

    private static FunctionSpec probe(Integer reservedConcurrency) {
        return probe(reservedConcurrency, 10);
    }

    private static FunctionSpec probe(Integer reservedConcurrency, int timeoutSeconds) {
        return new FunctionSpec(PROBE, lean(), PACKAGE + "EnvironmentProbeHandler", timeoutSeconds,
                FunctionSpec.DEFAULT_MEMORY_MB, Map.of(), reservedConcurrency);
    }

    private CompletableFuture<InvokeResult> call(String event) {
        return runtime.invoke(PROBE, null, event.getBytes(StandardCharsets.UTF_8));
    }

    private static InvokeResult await(CompletableFuture<InvokeResult> call) throws Exception {
        return call.get(30, TimeUnit.SECONDS);
    }

    private String consoleText() {
        return consoleBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anOverlappingCallGetsItsOwnEnvironmentAndALaterCallReusesAWarmOne() throws Exception {
        start(probe(null));
        // the first call holds its environment (taken before invoke returns) while it sleeps
        CompletableFuture<InvokeResult> slow = call("{\"sleepMillis\":1500}");
        JsonNode second = body(await(call("{}")));
        JsonNode first = body(await(slow));

        assertNotEquals(first.get("logStream").asText(), second.get("logStream").asText());
        assertNotEquals(first.get("loader").asInt(), second.get("loader").asInt(), "each environment has its own loader");
        for (JsonNode seen : List.of(first, second)) {
            assertEquals(1, seen.get("staticInits").asInt(), "static initialisers ran once per environment: " + seen);
            assertEquals(1, seen.get("instances").asInt(), "one handler per environment: " + seen);
            assertEquals(1, seen.get("invocations").asInt());
        }
        assertEquals(2, runtime.environmentCount(PROBE));

        JsonNode third = body(await(call("{}")));

        assertTrue(Set.of(first.get("logStream").asText(), second.get("logStream").asText())
                .contains(third.get("logStream").asText()), "a warm environment is reused");
        assertEquals(2, third.get("invocations").asInt());
        assertEquals(2, runtime.environmentCount(PROBE), "no third environment");
    }

    @Test
    void anEnvironmentNeverServesTwoCallsAtOnce() throws Exception {
        start(probe(null));
        List<CompletableFuture<InvokeResult>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(call("{\"sleepMillis\":100}"));
        }
        Set<String> streams = new HashSet<>();
        for (CompletableFuture<InvokeResult> call : calls) {
            JsonNode seen = body(await(call));
            assertEquals(1, seen.get("overlapping").asInt(), "two calls inside one handler instance: " + seen);
            assertEquals(1, seen.get("instances").asInt());
            streams.add(seen.get("logStream").asText());
        }
        assertTrue(streams.size() >= 2 && streams.size() <= 8, "environments: " + streams.size());
        assertEquals(streams.size(), runtime.environmentCount(PROBE));
    }

    @Test
    void overTheReservedConcurrencyACallIsThrottled() throws Exception {
        start(probe(1));
        CompletableFuture<InvokeResult> slow = call("{\"sleepMillis\":1000}");

        CompletableFuture<InvokeResult> throttled = call("{}");

        assertTrue(throttled.isCompletedExceptionally(), "throttled at once, without running anything");
        ExecutionException e = assertThrows(ExecutionException.class, throttled::get);
        FunctionThrottledException throttle = assertInstanceOf(FunctionThrottledException.class, e.getCause());
        assertEquals(429, throttle.statusCode());
        assertEquals("TooManyRequestsException", throttle.errorType());
        assertEquals("Rate Exceeded.", throttle.getMessage());
        assertEquals("ReservedFunctionConcurrentInvocationLimitExceeded", throttle.reason());
        assertEquals(PROBE, throttle.functionName());

        assertFalse(await(slow).functionError());
        JsonNode after = body(await(call("{}")));
        assertEquals(2, after.get("invocations").asInt(), "the one environment serves again once free");
        assertEquals(1, runtime.environmentCount(PROBE));
    }

    @Test
    void reservedConcurrencyZeroThrottlesEveryCall() throws Exception {
        start(probe(0));

        ExecutionException e = assertThrows(ExecutionException.class, () -> call("{}").get(5, TimeUnit.SECONDS));

        assertInstanceOf(FunctionThrottledException.class, e.getCause());
        assertEquals(List.of(), runtime.prewarm());
    }

    @Test
    void aTimedOutEnvironmentIsDiscardedAndItsPlaceFreed() throws Exception {
        start(probe(1, 1));
        InvokeResult timedOut = await(call("{\"sleepMillis\":5000}"));
        assertTrue(timedOut.functionError());
        assertTrue(timedOut.payloadText().contains("Task timed out"), timedOut.payloadText());

        JsonNode next = body(await(call("{}")));

        assertEquals(1, next.get("invocations").asInt(), "a fresh environment");
        assertTrue(consoleText().contains("Init Duration"), consoleText());
    }

    @Test
    void anIdleEnvironmentExpiresAndTheNextCallColdStarts() throws Exception {
        start(probe(null));
        JsonNode first = body(await(call("{}")));
        assertEquals(1, runtime.warmIdleCount(PROBE));

        ticker.addAndGet(IDLE.minusSeconds(1).toNanos());
        assertEquals(0, runtime.sweepIdle(), "not idle long enough");
        assertEquals(1, runtime.environmentCount(PROBE));

        ticker.addAndGet(Duration.ofSeconds(2).toNanos());
        assertEquals(1, runtime.sweepIdle());
        assertEquals(0, runtime.environmentCount(PROBE));

        InvokeResult result = await(call("{}"));
        JsonNode next = body(result);
        assertNotEquals(first.get("logStream").asText(), next.get("logStream").asText());
        assertEquals(1, next.get("invocations").asInt());
        assertTrue(reportLine(result.awsRequestId()).contains("\tInit Duration: "), "a cold start again");
    }

    @Test
    void aBusyEnvironmentIsNotSweptAway() throws Exception {
        start(probe(null));
        CompletableFuture<InvokeResult> slow = call("{\"sleepMillis\":500}");
        ticker.addAndGet(IDLE.plusMinutes(1).toNanos());

        assertEquals(0, runtime.sweepIdle());

        assertFalse(await(slow).functionError());
        assertEquals(1, runtime.environmentCount(PROBE));
    }

    @Test
    void prewarmRunsTheColdStartBeforeTheFirstCall() throws Exception {
        start(probe(null), HandlerJars.spec("Failing", lean(), "FailingInitHandler"));
        assertEquals(0, runtime.warmIdleCount(PROBE));

        assertEquals(List.of(PROBE), runtime.prewarm());

        assertEquals(1, runtime.warmIdleCount(PROBE));
        assertEquals(1, runtime.environmentCount(PROBE));
        assertTrue(consoleText().contains("[Failing] "), "the init error is logged: " + consoleText());
        InvokeResult result = await(call("{}"));
        assertEquals(1, body(result).get("invocations").asInt());
        assertFalse(reportLine(result.awsRequestId()).contains("Init Duration"), "the first call is warm");
        assertEquals(1, runtime.environmentCount(PROBE));
    }

    @Test
    void everyCallIsLoggedWithStartEndAndReportAsLambdaDoes() throws Exception {
        start(probe(null));
        InvokeResult cold = await(call("{}"));
        InvokeResult warm = await(call("{}"));

        String log = consoleText();
        String id = cold.awsRequestId();
        int start = log.indexOf("[Probe] START RequestId: " + id + " Version: $LATEST\n");
        int handler = log.indexOf("[Probe] probe handling " + id);
        int end = log.indexOf("[Probe] END RequestId: " + id + "\n");
        int report = log.indexOf("[Probe] REPORT RequestId: " + id + "\t");
        assertTrue(start >= 0 && start < handler && handler < end && end < report, log);

        Pattern coldReport = Pattern.compile("REPORT RequestId: " + id + "\tDuration: (\\d+\\.\\d\\d) ms"
                + "\tBilled Duration: (\\d+) ms\tMemory Size: 128 MB\tMax Memory Used: \\d+ MB"
                + "\tInit Duration: (\\d+\\.\\d\\d) ms\t");
        Matcher matcher = coldReport.matcher(reportLine(id));
        assertTrue(matcher.matches(), reportLine(id));
        double billed = Double.parseDouble(matcher.group(2));
        assertTrue(billed >= Double.parseDouble(matcher.group(1)) + Double.parseDouble(matcher.group(3)),
                "billed: duration plus init, rounded up: " + reportLine(id));

        assertTrue(reportLine(warm.awsRequestId()).matches("REPORT RequestId: " + warm.awsRequestId()
                + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB"
                + "\tMax Memory Used: \\d+ MB\t"), "no Init Duration when warm: " + reportLine(warm.awsRequestId()));
    }

    /** The REPORT line of that request, without the function-name prefix. */
    private String reportLine(String requestId) {
        for (String line : consoleText().split("\n")) {
            int at = line.indexOf("REPORT RequestId: " + requestId);
            if (at >= 0) {
                return line.substring(at);
            }
        }
        throw new AssertionError("no REPORT line for " + requestId + " in:\n" + consoleText());
    }

    @Test
    void millisecondsAreFormattedWithTwoDecimals() {
        StringBuilder out = new StringBuilder();
        InvocationLog.appendMillis(out, 1_234_567);
        out.append(' ');
        InvocationLog.appendMillis(out, 45_000);
        out.append(' ');
        InvocationLog.appendMillis(out, 2_000_000_000L);
        assertEquals("1.23 0.05 2000.00", out.toString());
    }
}
