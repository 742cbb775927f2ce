package dev.gwemu.lambda;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.gwemu.lambda.HandlerJars.lean;
import static dev.gwemu.lambda.HandlerJars.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Handlers that ignore interrupts past their timeout cannot make the emulator pile up threads without bound. */
class StuckThreadsTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pastTheCapNewCallsAreRefusedUntilTheStuckHandlersReturn() throws Exception {
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(spec("Stubborn", lean(), "StubbornSleepHandler", 1)),
                "us-east-1", "123456789012")) {
            List<CompletableFuture<InvokeResult>> calls = new ArrayList<>();
            for (int i = 0; i < LambdaFunction.MAX_STUCK_THREADS; i++) {
                calls.add(runtime.invoke("Stubborn", null, bytes("{\"millis\":4000}")));
            }
            for (CompletableFuture<InvokeResult> call : calls) {
                InvokeResult timedOut = call.get(10, TimeUnit.SECONDS);
                assertTrue(timedOut.payloadText().contains("Task timed out after 1.00 seconds"), timedOut.payloadText());
            }
            InvokeResult refused = runtime.invoke("Stubborn", null, bytes("{\"millis\":10}")).get(5, TimeUnit.SECONDS);
            assertTrue(refused.functionError());
            assertTrue(refused.payloadText().contains("gwemu.TooManyStuckInvocations"), refused.payloadText());

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            InvokeResult later;
            do {
                Thread.sleep(250);
                later = runtime.invoke("Stubborn", null, bytes("{\"millis\":10}")).get(5, TimeUnit.SECONDS);
            } while (later.functionError() && System.nanoTime() < deadline);
            assertFalse(later.functionError(), "once the stuck handlers return, calls are served again: " + later.payloadText());
            assertEquals("\"woke up\"", later.payloadText());
        }
    }
}
