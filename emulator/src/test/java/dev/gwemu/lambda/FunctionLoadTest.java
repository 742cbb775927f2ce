package dev.gwemu.lambda;

import dev.gwemu.model.FunctionSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.gwemu.lambda.HandlerJars.PACKAGE;
import static dev.gwemu.lambda.HandlerJars.lean;
import static dev.gwemu.lambda.HandlerJars.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Code Lambda could not run is refused at load, with the function, the file and the reason. */
class FunctionLoadTest {

    @Test
    void missingJar() {
        Path missing = lean().resolveSibling("no-such.jar");

        FunctionLoadException e = loadFails(spec("GetPet", missing, "EchoEventHandler"));

        assertEquals("GetPet", e.functionName());
        assertEquals(missing, e.code());
        assertTrue(e.getMessage().contains("'GetPet'") && e.getMessage().contains(missing.toString())
                && e.getMessage().contains("code not found"), e.getMessage());
    }

    @Test
    void missingClass() {
        FunctionLoadException e = loadFails(spec("GetPet", lean(), "NoSuchHandler"));

        assertMessage(e, "Class not found: " + PACKAGE + "NoSuchHandler");
    }

    @Test
    void missingMethod() {
        FunctionLoadException e = loadFails(spec("GetPet", lean(), "MethodHandler::nope"));

        assertMessage(e, "No public method named nope with appropriate method signature found on class "
                + PACKAGE + "MethodHandler");
    }

    @Test
    void methodWithAnUnsupportedSignature() {
        assertMessage(loadFails(spec("GetPet", lean(), "MethodFormsHandler::tooMany")), "No public method named tooMany");
    }

    @Test
    void classThatIsNoHandler() {
        assertMessage(loadFails(spec("GetPet", lean(), "NotAHandler")),
                "Class does not implement an appropriate handler interface: " + PACKAGE + "NotAHandler");
    }

    @Test
    void rawRequestHandler() {
        assertMessage(loadFails(spec("GetPet", lean(), "RawRequestHandler")),
                "does not implement RequestHandler with concrete type parameters");
    }

    @Test
    void noZeroArgumentConstructor() {
        assertMessage(loadFails(spec("GetPet", lean(), "NoDefaultConstructorHandler")),
                "has no public zero-argument constructor");
    }

    @Test
    void eventsClassesMissingFromALeanJar() {
        assertMessage(loadFails(spec("GetPet", lean(), "TypedProxyHandler")), "APIGatewayProxyRequestEvent");
    }

    @Test
    void invalidHandlerString() {
        assertMessage(loadFails(spec("GetPet", lean(), PACKAGE + "MethodHandler::")), "Invalid handler");
    }

    @Test
    void aNodeJsHandlerFileThatIsNotThereOrAMalformedHandler() {
        FunctionLoadException missing = loadFails(NodeJsRuntimeTest.js("Fn", "nothere.handler", 3));
        assertTrue(missing.getMessage().contains("Cannot find module 'nothere': no nothere.js, .mjs or .cjs in "
                + NodeJsRuntimeTest.CODE), missing.getMessage());
        FunctionLoadException malformed = loadFails(NodeJsRuntimeTest.js("Fn", "index", 3));
        assertTrue(malformed.getMessage().contains("Bad handler 'index': expected file.export"), malformed.getMessage());
        FunctionLoadException upwards = loadFails(NodeJsRuntimeTest.js("Fn", "../async.handler", 3));
        assertTrue(upwards.getMessage().contains("is not a valid handler name"), upwards.getMessage());
    }

    @Test
    void aNodeJsFunctionWhoseCodeIsAFile() {
        FunctionSpec spec = NodeJsRuntimeTest.js("Fn", "async.handler", 3);
        FunctionLoadException e = loadFails(new FunctionSpec("Fn", lean(), "async.handler", 3, 128, java.util.Map.of(),
                null, List.of(), spec.runtime()));
        assertTrue(e.getMessage().contains("a Node.js function's code is the folder its handler file is in"), e.getMessage());
    }

    @Test
    void duplicateFunctionNames() {
        FunctionLoadException e = assertThrows(FunctionLoadException.class, () -> new LambdaRuntime(List.of(
                spec("GetPet", lean(), "EchoEventHandler"), spec("GetPet", lean(), "MapHandler")), "r", "1"));

        assertMessage(e, "already defined");
    }

    @Test
    void unknownFunctionsAreRefusedAndKnownOnesReported() throws Exception {
        try (LambdaRuntime runtime = new LambdaRuntime(List.of(spec("Echo", lean(), "EchoEventHandler")), "r", "1")) {
            assertTrue(runtime.has("Echo"));
            assertFalse(runtime.has("Other"));
            assertThrows(IllegalArgumentException.class, () -> runtime.invoke("Other", null, new byte[0]));
        }
    }

    @Test
    void aClosedRuntimeRefusesCalls() throws Exception {
        LambdaRuntime runtime = new LambdaRuntime(List.of(spec("Echo", lean(), "EchoEventHandler")), "r", "1");
        runtime.close();

        ExecutionException e = assertThrows(ExecutionException.class,
                () -> runtime.invoke("Echo", null, "{}".getBytes()).get(5, TimeUnit.SECONDS));

        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void handlerReferenceSplitsAtTheLastDoubleColon() {
        assertEquals(new HandlerReference("a.B", null), HandlerReference.parse("a.B"));
        assertEquals(new HandlerReference("a.B", "handle"), HandlerReference.parse("a.B::handle"));
        assertEquals(new HandlerReference("a::B", "c"), HandlerReference.parse("a::B::c"));
        assertThrows(IllegalArgumentException.class, () -> HandlerReference.parse("::handle"));
        assertThrows(IllegalArgumentException.class, () -> HandlerReference.parse(""));
    }

    private static FunctionLoadException loadFails(FunctionSpec spec) {
        return assertThrows(FunctionLoadException.class, () -> new LambdaRuntime(List.of(spec), "r", "1").close());
    }

    private static void assertMessage(FunctionLoadException e, String reason) {
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains("'GetPet'"), e.getMessage());
        assertTrue(e.getMessage().contains(lean().toString()), e.getMessage());
    }
}
