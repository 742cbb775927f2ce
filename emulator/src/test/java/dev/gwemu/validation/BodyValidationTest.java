package dev.gwemu.validation;

import static dev.gwemu.validation.Fixtures.models;
import static dev.gwemu.validation.Fixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** §7 validateRequestBody: which model applies, and what the body must be. */
class BodyValidationTest {
    private static final Models MODELS = models(
            "AB", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"},\"b\":{\"type\":\"number\"}},"
                    + "\"required\":[\"a\",\"b\"]}",
            "Named", "{\"type\":\"object\",\"required\":[\"name\"]}",
            "Anything", "{}");

    private static RequestValidator body(Map<String, String> requestModels) {
        return RequestValidator.compile(true, false, Map.of(), requestModels, MODELS);
    }

    @Test
    void emptyBodyIsValidatedAsAnEmptyObject() {
        // §7 [V]: with required ["a","b"], a GET with no body fails
        ValidationFailure failure = send(body(Map.of("application/json", "AB")), "application/json", "")
                .orElseThrow();

        assertEquals(ValidationFailure.Kind.BODY, failure.kind());
        assertEquals("Invalid request body", failure.message());
        assertEquals("[object has missing required properties ([\"a\",\"b\"])]", failure.validationErrorString());
    }

    @Test
    void validBodyPasses() {
        assertEquals(Optional.empty(), send(body(Map.of("application/json", "AB")), "application/json",
                "{\"a\":1,\"b\":2.5}"));
    }

    @Test
    void invalidJsonFails() {
        // §7 [E]
        RequestValidator validator = body(Map.of("application/json", "Anything"));

        for (String notJson : new String[] {"{", "{\"a\":1} trailing", "nope", "   ", "{'a':1}"}) {
            ValidationFailure failure = send(validator, "application/json", notJson).orElseThrow();
            assertEquals("Invalid request body", failure.message(), notJson);
            assertTrue(failure.validationErrorString().startsWith("[request body is not valid JSON: "),
                    failure.validationErrorString());
        }
        assertEquals(Optional.empty(), send(validator, "application/json", "\"a JSON string\""));
    }

    @Test
    void modelIsChosenByTheMimePartOfContentType() {
        // §7: Content-Type, MIME part only, compared case-insensitively
        RequestValidator validator = body(Map.of("application/json", "AB", "application/xml", "Named"));

        assertTrue(send(validator, "application/json; charset=UTF-8", "{}").isPresent());
        assertTrue(send(validator, "Application/JSON", "{\"name\":\"x\"}").isPresent());
        assertEquals(Optional.empty(), send(validator, "application/xml", "{\"name\":\"x\"}"));
        assertTrue(send(validator, "APPLICATION/XML;charset=utf-8", "{\"a\":1,\"b\":2}").isPresent());
    }

    @Test
    void missingContentTypeSelectsTheJsonModel() {
        // §4.1 [D] for templates; LocalStack's AWS-validated tests for models (BodyModels.MISSING_CONTENT_TYPE)
        RequestValidator validator = body(Map.of("application/json", "AB"));

        assertEquals("Invalid request body", send(validator, null, "").orElseThrow().message());
        assertEquals(Optional.empty(), send(validator, null, "{\"a\":1,\"b\":2}"));
    }

    @Test
    void defaultModelAppliesToOtherContentTypes() {
        // §7 [E]: $default when no model is keyed by the content type
        RequestValidator validator = body(Map.of("application/json", "AB", "$default", "Named"));

        assertEquals(Optional.empty(), send(validator, "text/plain", "{\"name\":\"x\"}"));
        assertTrue(send(validator, "text/plain", "{}").isPresent());
        assertTrue(send(validator, "application/json", "{\"name\":\"x\"}").isPresent());
    }

    @Test
    void noApplicableModelMeansNoBodyValidation() {
        // §7 [D]: models declared, none for this content type and no $default
        RequestValidator validator = body(Map.of("application/json", "AB"));

        assertEquals(Optional.empty(), send(validator, "text/plain", "not json at all"));
    }

    @Test
    void noRequestModelsMeansTheEmptyModel() {
        // §7 [E] (BodyModels.EMPTY_MODEL_WITHOUT_REQUEST_MODELS): LocalStack's AWS-validated test posts
        // {"test":"test"} and a bodiless GET to a method without models and both pass
        RequestValidator validator = body(Map.of());

        assertEquals(BodyModels.EMPTY_MODEL_WITHOUT_REQUEST_MODELS,
                send(validator, "application/json", "[1,2]").isPresent());
        assertEquals(Optional.empty(), send(validator, "application/json", "{\"test\":\"test\"}"));
        assertEquals(Optional.empty(), send(validator, null, ""));
    }

    @Test
    void nothingIsCheckedWhenBodyValidationIsOff() {
        RequestValidator validator = RequestValidator.compile(false, true, Map.of(),
                Map.of("application/json", "AB"), MODELS);

        assertEquals(Optional.empty(), send(validator, "application/json", "{"));
    }

    @Test
    void bodyBytesInOtherUnicodeEncodingsAreRead() {
        // Jackson detects UTF-16/32 from the bytes, as JSON (RFC 4627) allows
        RequestValidator validator = body(Map.of("application/json", "Named"));
        byte[] utf16 = "{\"name\":\"é\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16BE);

        assertEquals(Optional.empty(), validator.validate(Map.of(), Map.of(), Map.of(), "application/json", utf16));
    }
}
