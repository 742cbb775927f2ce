package dev.gwemu.lambda;

import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A function's environments share its aws-lambda-java-events classes, never its own classes (their static state). */
class SharedEventClassesTest {
    @Test
    void eventClassesAreSharedHandlerClassesAreNot() throws Exception {
        RunningGateway.requireHandlerJars();
        ClassLoader runtime = new RuntimeLibrariesClassLoader(LambdaRuntime.class.getClassLoader());
        try (FunctionClassLoader shared = FunctionClassLoader.sharedEvents(TestPaths.FAT_JAR, runtime);
             FunctionClassLoader first = new FunctionClassLoader(TestPaths.FAT_JAR, shared, Map.of());
             FunctionClassLoader second = new FunctionClassLoader(TestPaths.FAT_JAR, shared, Map.of())) {
            String event = "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent";
            assertSame(first.loadClass(event), second.loadClass(event));
            assertSame(shared, first.loadClass(event).getClassLoader());
            String handler = "dev.gwemu.testhandlers.InitCountingHandler";
            assertNotSame(first.loadClass(handler), second.loadClass(handler));
            assertSame(first, first.loadClass(handler).getClassLoader());
        }
    }
}
