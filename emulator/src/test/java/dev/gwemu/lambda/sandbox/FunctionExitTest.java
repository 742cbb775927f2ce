package dev.gwemu.lambda.sandbox;

import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;

import static dev.gwemu.lambda.sandbox.FunctionLoaders.PACKAGE;
import static dev.gwemu.lambda.sandbox.FunctionLoaders.lean;
import static dev.gwemu.lambda.sandbox.FunctionLoaders.open;
import static dev.gwemu.lambda.sandbox.FunctionLoaders.sandbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** System.exit, Runtime.exit and Runtime.halt in function code throw instead of ending the JVM. */
class FunctionExitTest {

    @Test
    void everyWayOfEndingTheProcessThrowsWithItsStatus() throws Exception {
        Map<String, Integer> ways = Map.of("systemExit", 3, "runtimeExit", 4, "runtimeHalt", 5,
                "exitByMethodReference", 6, "haltByBoundMethodReference", 7);
        for (Map.Entry<String, Integer> way : ways.entrySet()) {
            try (URLClassLoader loader = open(lean(), Map.of())) {
                Method method = loader.loadClass(PACKAGE + "ExitHandler").getMethod(way.getKey(), int.class);

                FunctionExitError exit = exitOf(() -> method.invoke(null, way.getValue()));

                assertEquals(way.getValue(), exit.status(), way.getKey());
                assertEquals(OptionalInt.of(way.getValue()), sandbox(loader).exitStatus(), way.getKey());
            }
        }
    }

    @Test
    void catchExceptionDoesNotSwallowTheExit() throws Exception {
        try (URLClassLoader loader = open(lean(), Map.of())) {
            Method method = loader.loadClass(PACKAGE + "ExitHandler").getMethod("exitInsideCatchException", int.class);

            assertEquals(9, exitOf(() -> method.invoke(null, 9)).status());
        }
    }

    @Test
    void anExitCaughtAsThrowableIsStillOnRecordAndTheFirstStatusWins() throws Exception {
        try (URLClassLoader loader = open(lean(), Map.of())) {
            Class<?> handler = loader.loadClass(PACKAGE + "ExitHandler");

            assertEquals("caught", handler.getMethod("exitInsideCatchThrowable", int.class).invoke(null, 2));
            FunctionExitError later = exitOf(() -> handler.getMethod("systemExit", int.class).invoke(null, 8));

            assertEquals(OptionalInt.of(2), sandbox(loader).exitStatus());
            assertEquals(2, later.status(), "the process would have ended at the first exit");
        }
    }

    @Test
    void anotherEnvironmentIsNotMarkedByThisOnesExit() throws Exception {
        try (URLClassLoader exiting = open(lean(), Map.of()); URLClassLoader other = open(lean(), Map.of())) {
            Method exit = exiting.loadClass(PACKAGE + "ExitHandler").getMethod("systemExit", int.class);
            exitOf(() -> exit.invoke(null, 1));

            assertEquals(OptionalInt.empty(), sandbox(other).exitStatus());
        }
    }

    @Test
    void payloadIsLambdasRuntimeExitError() {
        String requestId = "0e6f1c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

        assertEquals("{\"errorMessage\":\"RequestId: " + requestId
                        + " Error: Runtime exited with error: exit status 3\",\"errorType\":\"Runtime.ExitError\"}",
                new String(new FunctionExitError(3).payload(requestId), StandardCharsets.UTF_8));
        assertEquals("RequestId: x Error: Runtime exited with error: exit status 255",
                new FunctionExitError(-1).logMessage("x"), "the process status is the low eight bits");
        assertEquals("RequestId: x Error: Runtime exited without providing a reason",
                new FunctionExitError(0).logMessage("x"));
    }

    interface Call {
        void run() throws Exception;
    }

    private static FunctionExitError exitOf(Call call) {
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class, call::run);
        return assertInstanceOf(FunctionExitError.class, thrown.getCause());
    }
}
