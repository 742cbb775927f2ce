package dev.gwemu.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An API's models (JSON Schema draft 4), compiled once at load; includes API Gateway's built-in Empty and Error
 * models.
 */
public final class Models {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CompiledModel> byName;

    private Models(Map<String, CompiledModel> byName) {
        this.byName = byName;
    }

    /**
     * @param apiId   the REST API id (models refer to each other as
     *                https://apigateway.amazonaws.com/restapis/{apiId}/models/{Name})
     * @param schemas model name -> raw schema as written in the definition (OpenAPI 3 components/schemas or
     *                Swagger 2 definitions). A $ref may be any of: "#/components/schemas/Name", "#/definitions/Name",
     *                or the apigateway URL form above.
     * @throws ModelException naming the model and what is wrong (unknown $ref target, not a schema, ...), for a load
     *                        error
     */
    public static Models compile(String apiId, Map<String, JsonNode> schemas) {
        Objects.requireNonNull(apiId, "apiId");
        Map<String, JsonNode> all = new LinkedHashMap<>(BuiltInModels.schemas());
        all.putAll(schemas); // a definition's own Empty or Error replaces the built-in one
        ModelRefs refs = new ModelRefs(apiId, all.keySet());

        Map<String, JsonNode> documents = new HashMap<>();
        for (Map.Entry<String, JsonNode> model : all.entrySet()) {
            String name = model.getKey();
            JsonNode schema = model.getValue();
            if (schema == null || !schema.isObject()) {
                throw new ModelException(name, "is not a schema: expected a JSON object, found "
                        + (schema == null ? "nothing" : schema.getNodeType().toString().toLowerCase()));
            }
            List<String> problems = Draft4.metaSchemaErrors(schema);
            if (!problems.isEmpty()) {
                throw new ModelException(name, "is not a valid JSON Schema draft 4: " + String.join("; ", problems));
            }
            documents.put(refs.url(name), refs.rewrite(name, schema));
        }

        SchemaDocuments docs = new SchemaDocuments(documents);
        Map<String, String> texts = new HashMap<>();
        documents.forEach((url, schema) -> texts.put(url, toJson(schema)));
        SchemaRegistry registry = Draft4.registry(texts::get);

        Map<String, CompiledModel> byName = new HashMap<>();
        for (String name : all.keySet()) {
            String url = refs.url(name);
            byName.put(name, new CompiledModel(name, url, load(registry, name, url), docs));
        }
        return new Models(Map.copyOf(byName));
    }

    /** Whether the API has a model of that name (built-in ones included). */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The compiled model, or null when there is none of that name. */
    CompiledModel get(String name) {
        return byName.get(name);
    }

    /** Builds every validator now, so a bad reference is a load error and requests never compile anything. */
    private static Schema load(SchemaRegistry registry, String name, String url) {
        try {
            Schema schema = registry.getSchema(SchemaLocation.of(url));
            schema.initializeValidators();
            return schema;
        } catch (RuntimeException e) {
            throw new ModelException(name, "cannot be compiled: " + e.getMessage(), e);
        }
    }

    private static String toJson(JsonNode schema) {
        try {
            return JSON.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a JsonNode tree always serializes
        }
    }
}
