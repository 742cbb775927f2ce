package dev.gwemu.validation;

import static dev.gwemu.validation.Fixtures.MODEL_URL;
import static dev.gwemu.validation.Fixtures.errors;
import static dev.gwemu.validation.Fixtures.jsonBody;
import static dev.gwemu.validation.Fixtures.models;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * §7 [U] $context.error.validationErrorString: AWS's wording (fge-style sentences) for each draft-4 keyword, built
 * from networknt's errors by ErrorMessages.
 */
class ErrorMessagesTest {
    private static String errorsOf(String schema, String body) {
        return errors(jsonBody(models("M", schema), "M"), body);
    }

    @Test
    void missingRequiredPropertiesAreOneMessage() {
        // §7 [U], the one example on record
        assertEquals("[object has missing required properties ([\"a\",\"b\"])]",
                errorsOf("{\"required\":[\"a\",\"b\",\"c\"]}", "{\"c\":1}"));
    }

    @Test
    void typeAndEnum() {
        assertEquals("[instance type (string) does not match any allowed primitive type (allowed: [\"integer\"])]",
                errorsOf("{\"type\":\"integer\"}", "\"x\""));
        assertEquals("[instance type (number) does not match any allowed primitive type "
                        + "(allowed: [\"integer\",\"null\"])]",
                errorsOf("{\"type\":[\"null\",\"integer\"]}", "1.5"));
        assertEquals("[instance value (\"fish\") not found in enum (possible values: [\"dog\",\"cat\"])]",
                errorsOf("{\"enum\":[\"dog\",\"cat\"]}", "\"fish\""));
    }

    @Test
    void strings() {
        assertEquals("[string \"ab\" is too short (length: 2, required minimum: 3)]",
                errorsOf("{\"minLength\":3}", "\"ab\""));
        assertEquals("[string \"abcd\" is too long (length: 4, maximum allowed: 3)]",
                errorsOf("{\"maxLength\":3}", "\"abcd\""));
        assertEquals("[ECMA 262 regex \"^a\" does not match input string \"ba\"]",
                errorsOf("{\"pattern\":\"^a\"}", "\"ba\""));
        assertEquals("[string \"nope\" is not a valid email address]",
                errorsOf("{\"format\":\"email\"}", "\"nope\""));
    }

    @Test
    void numbers() {
        assertEquals("[numeric instance is greater than the required maximum (maximum: 500, found: 1000)]",
                errorsOf("{\"maximum\":500}", "1000"));
        assertEquals("[numeric instance is lower than the required minimum (minimum: 1, found: 0)]",
                errorsOf("{\"minimum\":1}", "0"));
        assertEquals("[numeric instance is not strictly greater than the required minimum 1]",
                errorsOf("{\"minimum\":1,\"exclusiveMinimum\":true}", "1"));
        assertEquals("[numeric instance is not strictly lower than the required maximum 9]",
                errorsOf("{\"maximum\":9,\"exclusiveMaximum\":true}", "9"));
        assertEquals("[remainder of division is not zero (7 / 2)]", errorsOf("{\"multipleOf\":2}", "7"));
    }

    @Test
    void arraysAndObjects() {
        assertEquals("[array is too short: must have at least 2 elements but instance has 1 elements]",
                errorsOf("{\"minItems\":2}", "[1]"));
        assertEquals("[array is too long: must have at most 1 elements but instance has 2 elements]",
                errorsOf("{\"maxItems\":1}", "[1,2]"));
        assertEquals("[array must not contain duplicate elements]", errorsOf("{\"uniqueItems\":true}", "[1,1]"));
        assertEquals("[schema only allows 1 elements in array but instance has 3 elements]",
                errorsOf("{\"items\":[{}],\"additionalItems\":false}", "[1,2,3]"));
        assertEquals("[object instance has properties which are not allowed by the schema: [\"x\",\"y\"]]",
                errorsOf("{\"properties\":{\"a\":{}},\"additionalProperties\":false}", "{\"a\":1,\"x\":2,\"y\":3}"));
        assertEquals("[object has too few properties (found 1 but schema requires at least 2)]",
                errorsOf("{\"minProperties\":2}", "{\"a\":1}"));
        assertEquals("[property \"a\" of object has missing property dependencies "
                        + "(schema requires [\"b\",\"c\"]; missing: [\"c\"])]",
                errorsOf("{\"dependencies\":{\"a\":[\"b\",\"c\"]}}", "{\"a\":1,\"b\":2}"));
    }

    @Test
    void combinatorsAreOneMessageEach() {
        assertEquals("[instance failed to match exactly one schema (matched 0 out of 2)]",
                errorsOf("{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"object\",\"required\":[\"a\"]}]}", "{}"));
        assertEquals("[instance failed to match exactly one schema (matched 2 out of 2)]",
                errorsOf("{\"oneOf\":[{\"type\":\"integer\"},{\"minimum\":0}]}", "1"));
        assertEquals("[instance failed to match at least one required schema among 2]",
                errorsOf("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}", "{}"));
        assertEquals("[instance failed to match all required schemas (matched only 1 out of 3)]",
                errorsOf("{\"allOf\":[{\"required\":[\"a\"]},{\"required\":[\"b\"]},{}]}", "{}"));
        assertEquals("[instance matched a schema which it should not have]",
                errorsOf("{\"not\":{\"type\":\"string\"}}", "\"x\""));
    }

    @Test
    void combinatorOfRefsInsideAProperty() {
        Models models = models("Cat", "{\"required\":[\"meow\"]}", "Dog", "{\"required\":[\"woof\"]}",
                "Pet", "{\"properties\":{\"pet\":{\"anyOf\":[{\"$ref\":\"#/components/schemas/Cat\"},"
                        + "{\"$ref\":\"" + MODEL_URL + "Dog\"},{\"type\":\"string\"}]}}}");

        assertEquals("[instance failed to match at least one required schema among 3]",
                errors(jsonBody(models, "Pet"), "{\"pet\":{}}"));
    }

    @Test
    void everyFailedKeywordIsListedAValueBeforeItsMembers() {
        // networknt reports the member's type error first; the object's own message comes first here
        assertEquals("[object has missing required properties ([\"name\"]), "
                        + "instance type (integer) does not match any allowed primitive type (allowed: [\"string\"])]",
                errorsOf("{\"properties\":{\"tag\":{\"type\":\"string\"}},\"required\":[\"name\"]}", "{\"tag\":1}"));
        // depth first: a's own message, then a.x's, then b's
        assertEquals("[object has missing required properties ([\"y\"]), "
                        + "instance type (integer) does not match any allowed primitive type (allowed: [\"string\"]), "
                        + "instance value (2) not found in enum (possible values: [1])]",
                errorsOf("{\"properties\":{\"a\":{\"properties\":{\"x\":{\"type\":\"string\"}},\"required\":[\"y\"]},"
                        + "\"b\":{\"enum\":[1]}}}", "{\"a\":{\"x\":1},\"b\":2}"));
    }

    @Test
    void itemsOfAnArrayAreReportedEach() {
        assertEquals("[instance type (integer) does not match any allowed primitive type (allowed: [\"string\"]), "
                        + "instance type (integer) does not match any allowed primitive type (allowed: [\"string\"])]",
                errorsOf("{\"items\":{\"type\":\"string\"}}", "[1,\"a\",2]"));
    }
}
