package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.gwemu.lambda.HandlerJars.PACKAGE;
import static dev.gwemu.lambda.HandlerJars.fat;
import static dev.gwemu.lambda.HandlerJars.lean;
import static dev.gwemu.lambda.HandlerJars.spec;
import static dev.gwemu.lambda.Invoker.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a function's class loader sees: the JDK, the runtime libraries, its own code, nothing of gwemu. */
class IsolationTest {

    @Test
    void leanJarSeesCoreFromTheRuntimeAndNothingOfGwemu() throws Exception {
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(spec("Lean", lean(), "ContextHandler")), "eu-west-1", "1")) {
            JsonNode seen = body(new Invoker(runtime).invoke("Lean", "{}"));

            assertFalse(seen.get("seesGwemuClasses").asBoolean(), "Undertow, Jackson or gwemu visible");
            assertFalse(seen.get("coreFromFunctionCode").asBoolean());
            assertFalse(seen.get("seesEvents").asBoolean(), "events must come from the function's code only");
            assertTrue(seen.get("contextLoaderIsHandlerLoader").asBoolean());
        }
    }

    @Test
    void fatJarUsesTheRuntimesCoreButItsOwnEvents() throws Exception {
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(spec("Fat", fat(), "ContextHandler")), "eu-west-1", "1")) {
            JsonNode seen = body(new Invoker(runtime).invoke("Fat", "{}"));

            assertFalse(seen.get("coreFromFunctionCode").asBoolean(), "the bundled core must lose to the runtime's");
            assertTrue(seen.get("seesEvents").asBoolean());
            assertFalse(seen.get("seesGwemuClasses").asBoolean());
        }
    }

    @Test
    void aFatJarsHandlerImplementsTheRuntimesInterfaces() throws Exception {
        RuntimeLibrariesClassLoader parent = new RuntimeLibrariesClassLoader(getClass().getClassLoader());
        try (FunctionClassLoader loader = new FunctionClassLoader(fat(), parent)) {
            Class<?> handler = Class.forName(PACKAGE + "TypedProxyHandler", false, loader);
            Class<?> event = Class.forName("com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent",
                    false, loader);

            assertTrue(RequestHandler.class.isAssignableFrom(handler));
            assertSame(Context.class, loader.loadClass(Context.class.getName()));
            assertSame(loader, event.getClassLoader());
        }
    }

    @Test
    void runtimeLibrariesLoaderShowsOnlyCoreSerializationAndTheJdk() throws Exception {
        RuntimeLibrariesClassLoader loader = new RuntimeLibrariesClassLoader(getClass().getClassLoader());

        assertSame(Context.class, loader.loadClass("com.amazonaws.services.lambda.runtime.Context"));
        assertSame(String.class, loader.loadClass("java.lang.String"));
        assertSame(java.sql.Connection.class, loader.loadClass("java.sql.Connection"));
        loader.loadClass("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer");
        for (String hidden : List.of("io.undertow.Undertow", "com.fasterxml.jackson.databind.ObjectMapper",
                "org.slf4j.Logger", LambdaRuntime.class.getName(), "org.junit.jupiter.api.Test")) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(hidden), hidden);
        }
        assertTrue(RuntimeLibrariesClassLoader.isRuntimeLibraryClass("com.amazonaws.services.lambda.runtime.RequestHandler"));
        assertTrue(RuntimeLibrariesClassLoader.isRuntimeLibraryClass(
                "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers"));
        assertFalse(RuntimeLibrariesClassLoader.isRuntimeLibraryClass(
                "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent"));
        assertFalse(RuntimeLibrariesClassLoader.isRuntimeLibraryClass(
                "com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification"));
        assertFalse(RuntimeLibrariesClassLoader.isRuntimeLibraryClass("com.amazonaws.services.lambda.runtimex.Foo"));
        assertEquals(null, loader.getResource("io/undertow/Undertow.class"), "gwemu's resources leak through");
    }

    @Test
    void eachFunctionHasItsOwnLoaderEvenForTheSameJar() throws Exception {
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(
                spec("CounterA", lean(), "InitCountingHandler"),
                spec("CounterB", lean(), "InitCountingHandler")), "eu-west-1", "1")) {
            Invoker invoker = new Invoker(runtime);
            invoker.invoke("CounterA", "{}");

            JsonNode b = body(invoker.invoke("CounterB", "{}"));

            assertEquals(1, b.get("instances").asInt(), "static state shared between functions");
        }
    }

    @Test
    void classDirectoryCodeWorksToo() throws Exception {
        java.nio.file.Path classes = lean().resolveSibling("classes");
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(spec("Dir", classes, "EchoEventHandler")), "eu-west-1", "1")) {
            InvokeResult result = new Invoker(runtime).invoke("Dir", "{\"a\":1}");

            assertFalse(result.functionError(), result.payloadText());
            assertEquals("{\"a\":1}", Invoker.json(result).get("body").asText());
        }
    }
}
