package dev.gwemu.validation;

import static dev.gwemu.validation.Fixtures.jsonBody;
import static dev.gwemu.validation.Fixtures.models;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Large or deep bodies, and many threads: validate() answers, it never throws. */
class RobustnessTest {
    private static final Models MODELS = models(
            "Strings", "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}",
            "Tree", "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Tree\"}}",
            "Either", "{\"type\":\"array\",\"items\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}}",
            "Pet", "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}");

    private static Optional<ValidationFailure> send(String model, byte[] body) {
        return jsonBody(MODELS, model).validate(Map.of(), Map.of(), Map.of(), "application/json", body);
    }

    private static byte[] repeatedArray(String item, int count) {
        StringBuilder json = new StringBuilder(count * (item.length() + 1) + 2).append('[');
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append(item);
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLargeInvalidBodyReportsOnlyItsFirstError() {
        // 10 MB is API Gateway's payload limit; every item is wrong
        byte[] body = repeatedArray("1", 5_000_000);

        ValidationFailure failure = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> send("Strings", body).orElseThrow());

        assertEquals("Invalid request body", failure.message());
        assertEquals("[instance type (integer) does not match any allowed primitive type (allowed: [\"string\"])]",
                failure.validationErrorString());
    }

    @Test
    void aLargeValidBodyPassesThroughCombinators() {
        // the first-error mode for large bodies must not fail anyOf branches that another branch satisfies
        byte[] body = repeatedArray("1", 200_000);

        assertEquals(Optional.empty(), send("Either", body));
    }

    @Test
    void smallBodiesReportEveryErrorUpToTheCap() {
        ValidationFailure failure = send("Strings", repeatedArray("1", 1_000)).orElseThrow();

        int messages = failure.validationErrorString().split("instance type").length - 1;
        assertEquals(ErrorMessages.MAX_MESSAGES, messages);
    }

    @Test
    void deepNestingWithinTheLimitIsValidated() {
        int depth = JsonBody.MAX_NESTING_DEPTH;
        byte[] body = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);

        assertEquals(Optional.empty(), send("Tree", body));
    }

    @Test
    void deeperBodiesFailWithoutThrowing() {
        for (int depth : new int[] {JsonBody.MAX_NESTING_DEPTH + 1, 100_000}) {
            byte[] body = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);

            ValidationFailure failure = send("Tree", body).orElseThrow();

            assertEquals(ValidationFailure.Kind.BODY, failure.kind());
            assertTrue(failure.validationErrorString().startsWith("[request body is not valid JSON: "),
                    failure.validationErrorString());
        }
    }

    @Test
    void aStackTooSmallForTheBodyIsABodyFailureNotAnError() throws Exception {
        // JsonBody.MAX_NESTING_DEPTH fits a 1 MB stack (the JVM default); a thread with far less must still get
        // an answer from validate()
        int depth = JsonBody.MAX_NESTING_DEPTH;
        byte[] body = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
        Object[] outcome = new Object[1];
        Thread small = new Thread(null, () -> {
            try {
                outcome[0] = send("Tree", body);
            } catch (Throwable t) {
                outcome[0] = t;
            }
        }, "small-stack", 64 * 1024);
        small.start();
        small.join();

        assertTrue(outcome[0] instanceof Optional<?>, String.valueOf(outcome[0]));
        ValidationFailure failure = (ValidationFailure) ((Optional<?>) outcome[0]).orElseThrow();
        assertEquals("[instance is nested too deeply to validate]", failure.validationErrorString());
    }

    @Test
    void binaryGarbageIsAnInvalidBody() {
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);

        assertEquals("Invalid request body", send("Pet", garbage).orElseThrow().message());
    }

    @Test
    void manyThreadsShareOneValidator() throws Exception {
        RequestValidator validator = jsonBody(MODELS, "Pet");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                boolean valid = i % 2 == 0;
                byte[] body = (valid ? "{\"name\":\"n" + i + "\"}" : "{\"name\":" + i + "}")
                        .getBytes(StandardCharsets.UTF_8);
                results.add(pool.submit(() -> validator.validate(Map.of(), Map.of(), Map.of(), "application/json",
                        body).isEmpty() == valid));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
