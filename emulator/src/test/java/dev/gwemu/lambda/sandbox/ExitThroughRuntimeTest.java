package dev.gwemu.lambda.sandbox;

import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.FunctionSpec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.gwemu.lambda.sandbox.FunctionLoaders.PACKAGE;
import static dev.gwemu.lambda.sandbox.FunctionLoaders.lean;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Through the whole runtime: a handler calling System.exit fails its call, and the emulator goes on. */
class ExitThroughRuntimeTest {

    @Test
    void aFunctionCallingSystemExitFailsOnlyThatCall() throws Exception {
        FunctionSpec exiting = new FunctionSpec("Exiting", lean(), PACKAGE + "ExitHandler", 3, 128, Map.of());
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(exiting), "us-east-1", "123456789012")) {
            InvokeResult exited = invoke(runtime, "{\"body\":\"exit:3\"}");
            InvokeResult halted = invoke(runtime, "{\"body\":\"halt:4\"}");
            InvokeResult healthy = invoke(runtime, "{\"body\":\"stay\"}");

            assertTrue(exited.functionError(), exited.payloadText());
            assertTrue(halted.functionError(), halted.payloadText());
            assertFalse(healthy.functionError(), healthy.payloadText());
            assertTrue(healthy.payloadText().contains("alive"), healthy.payloadText());
        }
    }

    private static InvokeResult invoke(LambdaRuntime runtime, String event) throws Exception {
        return runtime.invoke("Exiting", null, event.getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
    }
}
