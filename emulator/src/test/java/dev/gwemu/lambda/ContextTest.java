package dev.gwemu.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.model.FunctionSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gwemu.lambda.HandlerJars.PACKAGE;
import static dev.gwemu.lambda.HandlerJars.lean;
import static dev.gwemu.lambda.Invoker.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Context a handler receives. */
class ContextTest {
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static LambdaRuntime runtime;
    private static Invoker invoker;

    @BeforeAll
    static void load() throws Exception {
        FunctionSpec spec = new FunctionSpec("GetPet", lean(), PACKAGE + "ContextHandler", 3, 512, Map.of());
        runtime = new LambdaRuntime(List.of(spec), "eu-central-1", "123456789012",
                new PrintStream(CONSOLE, true, StandardCharsets.UTF_8));
        invoker = new Invoker(runtime);
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void describesTheFunction() {
        JsonNode context = body(invoker.invoke("GetPet", "{}"));

        assertEquals("GetPet", context.get("functionName").asText());
        assertEquals("$LATEST", context.get("functionVersion").asText());
        assertEquals("arn:aws:lambda:eu-central-1:123456789012:function:GetPet",
                context.get("invokedFunctionArn").asText());
        assertEquals(512, context.get("memoryLimitInMB").asInt());
        assertEquals("/aws/lambda/GetPet", context.get("logGroupName").asText());
        assertTrue(context.get("logStreamName").asText().matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}"),
                context.get("logStreamName").asText());
        assertTrue(context.get("identityIsNull").asBoolean());
        assertTrue(context.get("clientContextIsNull").asBoolean());
    }

    @Test
    void qualifierShowsInTheInvokedArn() {
        JsonNode context = body(invoker.invoke("GetPet", "live", "{}"));

        assertEquals("arn:aws:lambda:eu-central-1:123456789012:function:GetPet:live",
                context.get("invokedFunctionArn").asText());
    }

    @Test
    void eachInvocationHasItsOwnRequestIdInOneLogStream() {
        InvokeResult first = invoker.invoke("GetPet", "{}");
        InvokeResult second = invoker.invoke("GetPet", "{}");

        String firstId = body(first).get("awsRequestId").asText();
        assertEquals(first.awsRequestId(), firstId);
        assertEquals(firstId, UUID.fromString(firstId).toString());
        assertNotEquals(firstId, body(second).get("awsRequestId").asText());
        assertEquals(body(first).get("logStreamName"), body(second).get("logStreamName"));
    }

    @Test
    void remainingTimeCountsDownFromTheTimeout() {
        int remaining = body(invoker.invoke("GetPet", "{}")).get("remainingTimeInMillis").asInt();

        assertTrue(remaining > 0 && remaining <= 3000, "remaining " + remaining);
    }

    @Test
    void loggerWritesPrefixedLinesToTheConsole() {
        invoker.invoke("GetPet", "{}");

        assertTrue(CONSOLE.toString(StandardCharsets.UTF_8).contains("[GetPet] ContextHandler invoked" + System.lineSeparator()),
                CONSOLE.toString(StandardCharsets.UTF_8));
    }

    @Test
    void loggerPrefixesEveryLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleLambdaLogger logger = new ConsoleLambdaLogger("Fn", new PrintStream(out, true, StandardCharsets.UTF_8));

        logger.log("one\ntwo\n");
        logger.log("three".getBytes(StandardCharsets.UTF_8));

        String n = System.lineSeparator();
        assertEquals("[Fn] one" + n + "[Fn] two" + n + "[Fn] three" + n, out.toString(StandardCharsets.UTF_8));
    }
}
