package dev.gwemu.validation;

import static dev.gwemu.validation.Fixtures.MODEL_URL;
import static dev.gwemu.validation.Fixtures.errors;
import static dev.gwemu.validation.Fixtures.jsonBody;
import static dev.gwemu.validation.Fixtures.models;
import static dev.gwemu.validation.Fixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** §7: models are JSON Schema draft 4, refer to each other, and include Empty and Error. */
class ModelsTest {
    private static final String PET = """
            {"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name"]}""";

    private static boolean valid(Models models, String model, String body) {
        return send(jsonBody(models, model), "application/json", body).isEmpty();
    }

    @Test
    void everyApiHasTheBuiltInModels() {
        // §7 [V]: Empty is {"type":"object"}; Error has a string message
        Models models = models();

        assertTrue(models.has("Empty"));
        assertTrue(models.has("Error"));
        assertFalse(models.has("Pet"));
        assertTrue(valid(models, "Empty", "{\"anything\":[1]}"));
        assertFalse(valid(models, "Empty", "[]"));
        assertTrue(valid(models, "Error", "{\"message\":\"boom\"}"));
        assertFalse(valid(models, "Error", "{\"message\":1}"));
    }

    @Test
    void aDefinitionsOwnErrorModelReplacesTheBuiltInOne() {
        Models models = models("Error", "{\"type\":\"object\",\"required\":[\"code\"]}");

        assertFalse(valid(models, "Error", "{\"message\":\"boom\"}"));
    }

    @Test
    void refersToModelsInOpenApi3Form() {
        Models models = models("Pet", PET,
                "Pets", "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Pet\"}}");

        assertTrue(valid(models, "Pets", "[{\"name\":\"Fido\"}]"));
        assertFalse(valid(models, "Pets", "[{\"age\":3}]"));
    }

    @Test
    void refersToModelsInSwagger2Form() {
        Models models = models("Pet", PET, "Pets", "{\"type\":\"array\",\"items\":{\"$ref\":\"#/definitions/Pet\"}}");

        assertTrue(valid(models, "Pets", "[{\"name\":\"Fido\"}]"));
        assertFalse(valid(models, "Pets", "[{\"name\":7}]"));
    }

    @Test
    void refersToModelsByTheirApiGatewayUrl() {
        // §7 [V] (LocalStack test_api_gateway_request_validator_with_ref_models): array of a model by URL,
        // a valid list passes, a bodiless POST (validated as {}) fails
        Models models = models("testSchema", """
                {"$schema":"http://json-schema.org/draft-04/schema#","title":"testSchema","type":"object",
                 "properties":{"a":{"type":"number"},"b":{"type":"number"}},"required":["a","b"]}""",
                "testSchemaList", "{\"type\":\"array\",\"items\":{\"$ref\":\"" + MODEL_URL + "testSchema\"}}");
        RequestValidator validator = jsonBody(models, "testSchemaList");

        assertEquals(Optional.empty(), send(validator, "application/json", "[{\"a\":1,\"b\":2}]"));
        assertEquals("Invalid request body", send(validator, null, "").orElseThrow().message());
    }

    @Test
    void oneOfWithARefToAnotherModel() {
        // §7 [V] (LocalStack test_api_gateway_request_validator_with_ref_one_ofmodels)
        Models models = models("StatusModel", """
                {"type":"object","properties":{"Status":{"type":"string"},"Order":{"type":"integer"}},
                 "required":["Status","Order"]}""", "TestModel", """
                {"type":"object","properties":{"status":{"oneOf":[{"type":"null"},
                 {"$ref":"%sStatusModel"}]}},"required":["status"]}""".formatted(MODEL_URL));
        RequestValidator validator = jsonBody(models, "TestModel");

        assertEquals(Optional.empty(), send(validator, "application/json", "{\"status\":null}"));
        assertEquals(Optional.empty(), send(validator, "application/json",
                "{\"status\":{\"Status\":\"works\",\"Order\":1}}"));
        assertTrue(send(validator, null, "").isPresent());
        assertTrue(send(validator, "application/json", "{\"badFormat\":\"bla\"}").isPresent());
    }

    @Test
    void refsMayPointInsideAnotherModel() {
        Models models = models("Pet", PET,
                "Name", "{\"$ref\":\"#/components/schemas/Pet/properties/name\"}",
                "Age", "{\"$ref\":\"" + MODEL_URL + "Pet#/properties/age\"}");

        assertTrue(valid(models, "Name", "\"Fido\""));
        assertFalse(valid(models, "Name", "3"));
        assertFalse(valid(models, "Age", "\"old\""));
    }

    @Test
    void aModelsOwnDefinitionsStayLocal() {
        // #/definitions/X names a model only when a model is called X; otherwise it is the model's own definition
        Models models = models("Order", """
                {"type":"object","properties":{"line":{"$ref":"#/definitions/Line"}},
                 "definitions":{"Line":{"type":"object","required":["sku"]}}}""");

        assertTrue(valid(models, "Order", "{\"line\":{\"sku\":\"x\"}}"));
        assertFalse(valid(models, "Order", "{\"line\":{}}"));
    }

    @Test
    void propertiesNamedLikeKeywordsAreSchemasToo() {
        // "default" and "enum" are data keywords, but as property names their values are schemas with refs
        Models models = models("Pet", PET, "M", """
                {"type":"object","properties":{"default":{"$ref":"#/components/schemas/Pet"},
                 "enum":{"$ref":"#/definitions/Pet"}}}""");

        assertTrue(valid(models, "M", "{\"default\":{\"name\":\"a\"},\"enum\":{\"name\":\"b\"}}"));
        assertFalse(valid(models, "M", "{\"default\":{}}"));
        assertFalse(valid(models, "M", "{\"enum\":{}}"));
    }

    @Test
    void recursiveModels() {
        Models models = models("Node", """
                {"type":"object","properties":{"children":{"type":"array","items":{"$ref":"#/components/schemas/Node"}},
                 "name":{"type":"string"}}}""");

        assertTrue(valid(models, "Node", "{\"children\":[{\"children\":[{\"name\":\"leaf\"}]}]}"));
        assertFalse(valid(models, "Node", "{\"children\":[{\"children\":[{\"name\":1}]}]}"));
    }

    @Test
    void draft4SemanticsWhateverSchemaIsDeclared() {
        // §7: models are draft 4. In draft 4 exclusiveMinimum is a boolean and 1.0 is not an integer.
        String schema = """
                {"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
                 "properties":{"n":{"type":"number","minimum":5,"exclusiveMinimum":true},"i":{"type":"integer"}}}""";
        Models models = models("M", schema);

        assertFalse(valid(models, "M", "{\"n\":5}"));
        assertTrue(valid(models, "M", "{\"n\":5.5}"));
        assertFalse(valid(models, "M", "{\"i\":1.0}"));
        assertTrue(valid(models, "M", "{\"i\":1}"));
    }

    @Test
    void keywordsBesideARefAreIgnored() {
        // draft 4: a schema with $ref is replaced by its target, its other keywords do not apply
        Models models = models("M", """
                {"type":"object","properties":{"a":{"$ref":"#/definitions/int","minimum":5}},
                 "definitions":{"int":{"type":"integer"}}}""");

        assertTrue(valid(models, "M", "{\"a\":1}"));
        assertFalse(valid(models, "M", "{\"a\":\"1\"}"));
    }

    @Test
    void openApiKeywordsAreIgnored() {
        // draft 4 ignores keywords it does not know; nullable is not honoured (as on AWS, §7 important notes)
        Models models = models("Pet", PET, "M", """
                {"type":"object","properties":{"name":{"type":"string","nullable":true,"example":{"$ref":"nowhere"}}},
                 "discriminator":{"propertyName":"name"},"x-amazon-note":{"$ref":"nowhere"},"readOnly":true}""");

        assertTrue(valid(models, "M", "{\"name\":\"x\"}"));
        assertFalse(valid(models, "M", "{\"name\":null}"));
    }

    @Test
    void unknownRefTargetIsALoadError() {
        ModelException e = assertThrows(ModelException.class, () -> models("Pets",
                "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Pet\"}}"));

        assertEquals("Pets", e.model());
        assertEquals("model Pets: $ref \"#/components/schemas/Pet\" refers to an unknown model \"Pet\"",
                e.getMessage());
    }

    @Test
    void refToAnotherApisModelIsALoadError() {
        ModelException e = assertThrows(ModelException.class, () -> models("Pet", PET, "Pets",
                "{\"items\":{\"$ref\":\"https://apigateway.amazonaws.com/restapis/otherapi99/models/Pet\"}}"));

        assertEquals("Pets", e.model());
        assertTrue(e.getMessage().contains("another API"), e.getMessage());
    }

    @Test
    void externalRefIsALoadError() {
        ModelException e = assertThrows(ModelException.class, () -> models("M",
                "{\"properties\":{\"a\":{\"$ref\":\"http://example.com/schema.json\"}}}"));

        assertEquals("M", e.model());
        assertTrue(e.getMessage().contains("is not supported"), e.getMessage());
    }

    @Test
    void unresolvableLocalRefIsALoadError() {
        ModelException e = assertThrows(ModelException.class, () -> models("M",
                "{\"properties\":{\"a\":{\"$ref\":\"#/properties/nope\"}}}"));

        assertEquals("M", e.model());
    }

    @Test
    void aModelMustBeAnObject() {
        ModelException e = assertThrows(ModelException.class, () -> models("M", "[1,2]"));

        assertEquals("model M: is not a schema: expected a JSON object, found array", e.getMessage());
    }

    @Test
    void aModelMustBeAValidDraft4Schema() {
        ModelException badType = assertThrows(ModelException.class, () -> models("M", "{\"type\":\"strnig\"}"));
        // a draft 6+ numeric exclusiveMinimum is not draft 4
        ModelException badMinimum = assertThrows(ModelException.class,
                () -> models("N", "{\"minimum\":1,\"exclusiveMinimum\":5}"));

        assertEquals("M", badType.model());
        assertTrue(badType.getMessage().startsWith("model M: is not a valid JSON Schema draft 4: /type"),
                badType.getMessage());
        assertEquals("N", badMinimum.model());
    }

    @Test
    void aMethodNamingAnUnknownModelIsALoadError() {
        Models models = models();

        ModelException e = assertThrows(ModelException.class, () -> RequestValidator.compile(false, false, Map.of(),
                Map.of("application/json", "Pet"), models));

        assertEquals("Pet", e.model());
    }

    @Test
    void modelNamesNeedNotBeUrlSafe() {
        Models models = models("Pet Model", PET, "List", "{\"items\":{\"$ref\":\"#/components/schemas/Pet%20Model\"}}");

        assertTrue(valid(models, "List", "[{\"name\":\"a\"}]"));
        assertEquals("[object has missing required properties ([\"name\"])]", errors(jsonBody(models, "List"), "[{}]"));
    }
}
